namespace Analytics.Ingestion.Importing;

/// <summary>A file given to the service, and the name to record it under (an upload's own name, a zip member's name).</summary>
public sealed record ExportFile(string Path, string Name);

/// <summary>
/// What one import takes: an export file; or the orders file of a two-file export with its items file
/// (<see cref="Companion"/>: 淘宝/天猫's 订单报表 with its 宝贝报表); or a file that cannot be imported at all, with the
/// reason (<see cref="Refusal"/>: a zip inside a zip, an encrypted member), which is recorded as a rejection.
/// </summary>
public sealed record ImportUnit(ExportFile File, ExportFile? Companion = null, ImportRefusal? Refusal = null)
{
    /// <summary>The files as given that this import came from: the file itself, both files of a pair, or the zip it was in.</summary>
    public IReadOnlyList<ExportFile> Sources { get; init; } = [];
}

/// <summary>Why a file cannot be imported, Chinese first.</summary>
public sealed record ImportRefusal(string Reason, string ReasonEn);
