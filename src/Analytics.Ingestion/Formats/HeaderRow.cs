using Analytics.Ingestion.Normalising;
using Analytics.Ingestion.Tables;

namespace Analytics.Ingestion.Formats;

/// <summary>An export's header row, its names folded by <see cref="HeaderText"/> so that spelling drift still matches.</summary>
internal sealed class HeaderRow
{
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);

    public HeaderRow(RawRow row)
    {
        Row = row.Snapshot();
        Names = Row.Cells.Select(HeaderText.Normalise).ToArray();
        for (var i = 0; i < Names.Count; i++)
        {
            if (Names[i].Length > 0)
                _columns.TryAdd(Names[i], i);
        }
    }

    public RawRow Row { get; }

    public IReadOnlyList<string> Names { get; }

    /// <summary>Columns that have a name; trailing empty cells of a header row are not columns.</summary>
    public int NamedCount => _columns.Count;

    public bool Has(string name) => _columns.ContainsKey(HeaderText.Normalise(name));

    /// <summary>The first of <paramref name="names"/> the header has, as its column index; -1 when it has none.</summary>
    public int IndexOf(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (_columns.TryGetValue(HeaderText.Normalise(name), out var index))
                return index;
        }
        return -1;
    }

    /// <summary>True when the header is exactly <paramref name="layout"/>, in any order.</summary>
    public bool IsExactly(IReadOnlyCollection<string> layout) =>
        NamedCount == layout.Count && layout.All(Has);

    public string NameAt(int column) =>
        column >= 0 && column < Row.Cells.Length ? Row.Cells[column]?.Trim() ?? "" : "";

    /// <summary>The spreadsheet letter of a 0-based column (0 → A, 26 → AA), as a person finds it in Excel.</summary>
    public static string Letter(int column)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
            letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }
}
