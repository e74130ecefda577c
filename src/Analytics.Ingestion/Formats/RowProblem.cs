namespace Analytics.Ingestion.Formats;

/// <summary>
/// A row that was not imported, and exactly where and why, so an operator can fix the export. <see cref="Reason"/> is
/// Chinese, <see cref="ReasonEn"/> the English. <see cref="Column"/> is stored as "C (实付金额)" (see <see cref="ColumnText"/>),
/// so a problem read back from the import log renders in both languages like the one the reader made.
/// </summary>
public sealed record RowProblem(int Line, string? Sheet, string? Column, string Reason, string? ReasonEn = null)
{
    /// <summary>The <see cref="Column"/> text for a spreadsheet letter and its header name.</summary>
    internal static string ColumnText(string letter, string name) => name.Length == 0 ? letter : $"{letter} ({name})";

    /// <summary>Chinese: 第3行，C列（实付金额）：“abc”不是以元为单位的金额.</summary>
    public override string ToString() => ToString(english: false);

    /// <summary>With <paramref name="english"/>: line 3, column C (实付金额): 'abc' is not an amount in yuan.</summary>
    public string ToString(bool english) => english
        ? (Sheet is null ? $"line {Line}" : $"sheet '{Sheet}' row {Line}") + (Column is null ? "" : $", column {Column}") + $": {ReasonEn ?? Reason}"
        : (Sheet is null ? "" : $"工作表“{Sheet}”") + $"第{Line}行" + (Column is null ? "" : $"，{ChineseColumn(Column)}") + $"：{Reason}";

    private static string ChineseColumn(string column)
    {
        // The letter never holds a space, so the first one ends it; a header name may itself hold spaces and brackets.
        var space = column.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && column.Length > space + 2 && column[space + 1] == '(' && column[^1] == ')'
            ? $"{column[..space]}列（{column[(space + 2)..^1]}）"
            : $"{column}列";
    }
}
