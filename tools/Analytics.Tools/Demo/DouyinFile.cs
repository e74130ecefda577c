using System.Globalization;

namespace Analytics.Tools.Demo;

/// <summary>Writes a Douyin 抖店 商品维度 order export: one row per sub-order.</summary>
internal static class DouyinFile
{
    /// <summary>Douyin names exports after the export moment; the importer reads the export time from this prefix.</summary>
    public static string FileName(DateTime exportedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{DemoClock.UnixSeconds(exportedAt)}_orders.csv");

    /// <summary>Writes the orders' lines as they stood at <paramref name="exportedAt"/>; returns the number of data rows.</summary>
    public static int Write(string path, ExportLayout layout, IEnumerable<DemoOrder> orders, DateTime exportedAt)
    {
        var columns = DouyinColumns.For(layout);
        var cells = columns.Select(DouyinCells.For).ToArray();
        var encoding = layout == ExportLayout.Douyin74Gb18030 ? ExportEncodings.Gb18030 : ExportEncodings.Utf8WithBom;
        using var writer = ExportEncodings.Open(path, encoding);
        var csv = new CsvRowWriter(writer);
        csv.Write(columns);
        var row = new string[columns.Count];
        var rows = 0;
        foreach (var order in orders)
        {
            foreach (var line in order.Lines)
            {
                var source = new DouyinRow(order, line, OrderStates.Douyin(order, line, exportedAt));
                for (var i = 0; i < cells.Length; i++)
                {
                    row[i] = cells[i](source);
                }

                csv.Write(row);
                rows++;
            }
        }

        return rows;
    }
}
