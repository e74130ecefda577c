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
            var others = names.Skip(1).ToList();
            var also = others.Count > 0 ? $" (or {string.Join(" / ", others)})" : "";
            var alsoZh = others.Count > 0 ? $"（或{string.Join("、", others.Select(n => $"“{n}”"))}）" : "";
            throw new ExportRejectedException(
                $"{exportName}的表头（{header.Row.Where}）缺少“{names[0]}”列{alsoZh}，导入需要这一列。请在商家后台导出时勾选这个字段，重新导出。",
                $"The {exportName} header on {header.Row.WhereEn} has no column {names[0]}{also}, which this export needs. Export again with that field selected.");
        }
        return index;
    }

    public int Optional(params string[] names) => header.IndexOf(names);
}
