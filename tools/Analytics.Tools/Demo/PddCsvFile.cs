namespace Analytics.Tools.Demo;

/// <summary>Writes PDD's default 27-column CSV export: UTF-8 without BOM, TABs around order numbers and times.</summary>
internal static class PddCsvFile
{
    public const string TitleRow = "名称：拼多多订单导出";

    public static string FileName(ExportFile file) => $"pdd_orders_{file.Label}.csv";

    /// <summary>
    /// Writes the orders as they stood at <paramref name="exportedAt"/>; returns the number of order rows.
    /// A <paramref name="titled"/> file has a one-cell title row above the header and a 总计 row at the end, as some
    /// PDD reports do, so the importer has to look for the header and drop the summary.
    /// </summary>
    public static int Write(string path, IEnumerable<DemoOrder> orders, DateTime exportedAt, bool titled)
    {
        var columns = PddColumns.Default27;
        var cells = columns.Select(PddCells.For).ToArray();
        using var writer = ExportEncodings.Open(path, ExportEncodings.Utf8);
        var csv = new CsvRowWriter(writer);
        if (titled)
        {
            csv.Write([TitleRow]);
        }

        csv.Write(columns);
        var row = new string[columns.Count];
        var rows = 0;
        var paidTotal = 0L;
        foreach (var order in orders)
        {
            var source = new PddRow(order, OrderStates.Pdd(order, exportedAt), Tabbed: true);
            for (var i = 0; i < cells.Length; i++)
            {
                row[i] = cells[i](source);
            }

            csv.Write(row);
            rows++;
            paidTotal += order.Lines[0].PayableFen;
        }

        if (titled)
        {
            var total = new string[columns.Count];
            Array.Fill(total, "");
            total[0] = "总计";
            total[columns.ToList().IndexOf("用户实付金额(元)")] = DemoMoney.YuanTrimmed(paidTotal);
            csv.Write(total);
        }

        return rows;
    }
}
