using Analytics.Ingestion.Normalising;

namespace Analytics.Ingestion.Formats;

/// <summary>
/// A layout an export is known to have had, column for column. A file whose header is that layout with a few columns
/// dropped or added is still that layout: the platform changed its export, and the receipt says how
/// (<see cref="ColumnDrift"/>). A header far from every known layout is the operator's own selection, not drift.
/// </summary>
internal sealed class KnownLayout(string name, IReadOnlyList<string> columns)
{
    public string Name { get; } = name;

    public IReadOnlyList<string> Columns { get; } = columns;

    /// <summary>
    /// The known layout this header is, with what changed: exactly one of them (no drift), else the nearest one that
    /// differs by a few columns, else null. "A few" is at most an eighth of the layout's columns, and never fewer than 3.
    /// </summary>
    public static (KnownLayout Layout, ColumnDrift Drift)? Closest(HeaderRow header, params KnownLayout[] layouts)
    {
        (KnownLayout Layout, ColumnDrift Drift)? best = null;
        foreach (var layout in layouts)
        {
            var drift = layout.DriftOf(header);
            var allowed = Math.Max(3, layout.Columns.Count / 8);
            if (drift.Count > allowed || drift.Missing.Count * 5 > layout.Columns.Count)
                continue;
            if (best is null || drift.Count < best.Value.Drift.Count)
                best = (layout, drift);
        }
        return best;
    }

    private ColumnDrift DriftOf(HeaderRow header)
    {
        var known = Columns.Select(HeaderText.Normalise).ToHashSet(StringComparer.Ordinal);
        var missing = Columns.Where(c => !header.Has(c)).Select(c => c.Trim()).ToList();
        var added = new List<string>();
        for (var i = 0; i < header.Names.Count; i++)
        {
            if (header.Names[i].Length > 0 && !known.Contains(header.Names[i]) && !added.Contains(header.NameAt(i)))
                added.Add(header.NameAt(i));
        }
        return new ColumnDrift(missing, added);
    }
}

/// <summary>Columns a known layout always had that the file lacks, and columns the file has that the layout never had.</summary>
public sealed record ColumnDrift(IReadOnlyList<string> Missing, IReadOnlyList<string> Added)
{
    public static readonly ColumnDrift None = new([], []);

    public int Count => Missing.Count + Added.Count;

    public bool IsNone => Count == 0;
}
