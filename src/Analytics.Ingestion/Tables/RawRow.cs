namespace Analytics.Ingestion.Tables;

/// <summary>
/// One row of an export as its cells stand, with the place a person would look for it. Cells are read on demand:
/// a 74-column export whose format needs 17 columns never turns the other 57 into strings. A row read from a text
/// file is valid only until the next row is read; <see cref="Snapshot"/> keeps one.
/// </summary>
internal sealed class RawRow
{
    private readonly Func<int, string?>? _cell;
    private string?[]? _cells;

    /// <param name="line">1-based line in a text file, or row number in a worksheet.</param>
    /// <param name="sheet">The worksheet's name for workbooks; null for text files.</param>
    public RawRow(int line, string?[] cells, string? sheet = null)
    {
        Line = line;
        Sheet = sheet;
        Count = cells.Length;
        _cells = cells;
    }

    public RawRow(int line, int count, Func<int, string?> cell)
    {
        Line = line;
        Count = count;
        _cell = cell;
    }

    public int Line { get; }
    public string? Sheet { get; }
    public int Count { get; }

    public string? this[int column] =>
        column < 0 || column >= Count ? null : _cells is not null ? _cells[column] : _cell!(column);

    public string?[] Cells => _cells ??= Enumerable.Range(0, Count).Select(i => _cell!(i)).ToArray();

    public RawRow Snapshot() => new(Line, Cells, Sheet);

    public bool IsBlank
    {
        get
        {
            for (var i = 0; i < Count; i++)
            {
                if (!string.IsNullOrWhiteSpace(this[i]))
                    return false;
            }
            return true;
        }
    }

    /// <summary>The first cell with text in it, or null for a blank row.</summary>
    public string? FirstText()
    {
        for (var i = 0; i < Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(this[i]))
                return this[i];
        }
        return null;
    }

    /// <summary>Where the row is, as an operator looks for it: 第3行, or 工作表“订单”第3行.</summary>
    public string Where => Sheet is null ? $"第{Line}行" : $"工作表“{Sheet}”第{Line}行";

    public string WhereEn => Sheet is null ? $"line {Line}" : $"sheet '{Sheet}' row {Line}";
}
