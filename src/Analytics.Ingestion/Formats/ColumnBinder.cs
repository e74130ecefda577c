using Analytics.Ingestion.Tables;

namespace Analytics.Ingestion.Formats;

/// <summary>Finds a format's columns in a header by name (never by position), rejecting the file when a required one is missing.</summary>
internal sealed class ColumnBinder(HeaderRow header, string exportName)
{
    public int Required(params string[] names)
    {
        var index = header.IndexOf(names);
        if (index < 0)
        {
            var also = names.Length > 1 ? $" (or {string.Join(" / ", names.Skip(1))})" : "";
            throw new ExportRejectedException(
                $"The {exportName} header on {header.Row.Where} has no column {names[0]}{also}, which this export needs. Export again with that field selected.");
        }
        return index;
    }

    public int Optional(params string[] names) => header.IndexOf(names);
}
