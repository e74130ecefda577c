namespace Analytics.Ingestion.Formats;

/// <summary>A row that was not imported, and exactly where and why, so an operator can fix the export.</summary>
public sealed record RowProblem(int Line, string? Sheet, string? Column, string Reason, string? ReasonEn = null)
{
    public override string ToString() => ToString(english: false);

    public string ToString(bool english) =>
        (Sheet is null ? $"line {Line}" : $"sheet '{Sheet}' row {Line}") + (Column is null ? "" : $", column {Column}") + $": {(english ? ReasonEn ?? Reason : Reason)}";
}
