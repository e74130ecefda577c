namespace Analytics.Api.Reports;

/// <summary>The four forms of a report: Word to edit, Excel for the tables, PDF and HTML to print on A4.</summary>
internal sealed record ReportFormat(string Extension, string ContentType, bool NeedsFont)
{
    public static readonly ReportFormat Docx = new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", false);
    public static readonly ReportFormat Xlsx = new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false);
    public static readonly ReportFormat Pdf = new("pdf", "application/pdf", true);
    public static readonly ReportFormat Html = new("html", "text/html; charset=utf-8", false);

    public static readonly IReadOnlyList<ReportFormat> All = [Docx, Xlsx, Pdf, Html];

    public static ReportFormat? Parse(string extension) =>
        All.FirstOrDefault(f => string.Equals(f.Extension, extension.TrimStart('.'), StringComparison.OrdinalIgnoreCase));
}
