namespace Analytics.Ingestion.Tables;

/// <summary>One row of an export as its cells stand, with the place a person would look for it.</summary>
/// <param name="Line">1-based line in a text file, or row number in a worksheet.</param>
/// <param name="Sheet">The worksheet's name for workbooks; null for text files.</param>
internal sealed record RawRow(int Line, string?[] Cells, string? Sheet = null)
{
    public string? this[int column] => column >= 0 && column < Cells.Length ? Cells[column] : null;

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);

    public string Where => Sheet is null ? $"line {Line}" : $"sheet '{Sheet}' row {Line}";
}
