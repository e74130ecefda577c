namespace Analytics.Ingestion.Formats;

/// <summary>A row that was not imported, and exactly where and why, so an operator can fix the export.</summary>
public sealed record RowProblem(int Line, string? Sheet, string? Column, string Reason)
{
    public override string ToString() =>
        (Sheet is null ? $"line {Line}" : $"sheet '{Sheet}' row {Line}") + (Column is null ? "" : $", column {Column}") + $": {Reason}";
}
