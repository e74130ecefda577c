namespace Analytics.Api.Reports;

/// <summary>No Chinese TrueType font: no PDF; the other formats carry the reason where the charts go.</summary>
internal sealed class ReportFontMissingException(string message) : Exception(message);

/// <summary>
/// No report can be made for the period: no order was paid in it (a report of zeros would mislead), or it has not
/// ended (half a year against a whole one is not a 同比 a bureau can publish).
/// </summary>
internal sealed class NothingToReportException(string message, bool notEnded = false) : Exception(message)
{
    public bool NotEnded { get; } = notEnded;
}

/// <summary>The files of one report by format, and why the PDF is missing when the font is.</summary>
internal sealed record RenderedReport(IReadOnlyDictionary<ReportFormat, byte[]> Files, string? FontMissing);

/// <summary>Report settings: the county's name in titles (Reports:County) and the font file to use (Reports:FontPath, else the system's).</summary>
internal sealed record ReportOptions(string County, string? FontPath);
