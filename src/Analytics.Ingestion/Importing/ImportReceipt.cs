using System.Globalization;
using System.Text;
using Analytics.Ingestion.Formats;

namespace Analytics.Ingestion.Importing;

/// <summary>What happened to one file: what it was, what landed, what did not and why.</summary>
public sealed record ImportReceipt
{
    public long ImportId { get; init; }
    public required string FileName { get; init; }
    public required string Sha256 { get; init; }
    public required string Source { get; init; }
    public required bool Landed { get; init; }
    public string? Reason { get; init; }
    public string? Platform { get; init; }
    public string? Layout { get; init; }
    public string? Shop { get; init; }
    public string? Encoding { get; init; }
    public string? ExportedAt { get; init; }
    public int RowsRead { get; init; }
    public int LinesNew { get; init; }
    public int LinesUpdated { get; init; }
    public int LinesUnchanged { get; init; }
    public int RowsRejected { get; init; }
    public int SummaryRows { get; init; }
    public int OrdersTouched { get; init; }
    public int UnpaidLines { get; init; }

    /// <summary>The latest payment time in the file: how current the data it brought is.</summary>
    public string? LatestPaidAt { get; init; }
    public string Fallbacks { get; init; } = "";
    public IReadOnlyList<RowProblem> Problems { get; init; } = [];

    /// <summary>An earlier import of exactly the same bytes, if any.</summary>
    public long? SameFileImportId { get; init; }
    public required string StartedAt { get; init; }
    public required string FinishedAt { get; init; }

    public string ToText(int maxProblems = 50)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{FileName}: {(Landed ? "imported" : "REJECTED")} (import #{ImportId}, {Source}, {FinishedAt})");
        if (!Landed)
            text.AppendLine(CultureInfo.InvariantCulture, $"  reason: {Reason}");
        if (Platform is not null)
            text.AppendLine(CultureInfo.InvariantCulture, $"  export: {Platform}, {Layout}; encoding {Encoding}; shop {Shop ?? "(none)"}{(ExportedAt is null ? "" : $"; exported {ExportedAt}")}");
        if (SameFileImportId is { } earlier)
            text.AppendLine(CultureInfo.InvariantCulture, $"  this exact file was imported before (import #{earlier}); re-importing it changes nothing");
        if (Landed)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  rows read {RowsRead}; order lines new {LinesNew}, updated {LinesUpdated}, unchanged {LinesUnchanged}; orders {OrdersTouched}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  rows rejected {RowsRejected}; summary rows dropped {SummaryRows}; unpaid lines (never counted) {UnpaidLines}");
            if (Fallbacks.Length > 0)
                text.AppendLine(CultureInfo.InvariantCulture, $"  fallbacks: {Fallbacks}");
        }
        foreach (var problem in Problems.Take(maxProblems))
            text.AppendLine(CultureInfo.InvariantCulture, $"  rejected {problem}");
        if (Problems.Count > maxProblems)
            text.AppendLine(CultureInfo.InvariantCulture, $"  … and {Problems.Count - maxProblems} more rejected rows (all are listed in the import log)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  sha256 {Sha256}");
        return text.ToString();
    }
}
