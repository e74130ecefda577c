namespace Analytics.Tools.Demo;

/// <summary>
/// Writes a PDD custom export saved as XLSX: one sheet 订单, every cell an inline string so ids and times stay
/// text exactly as shown.
/// </summary>
internal static class PddXlsxFile
{
    public static string FileName(ExportFile file) => $"pdd_orders_{file.Label}.xlsx";

    /// <summary>Writes the orders as they stood at <paramref name="exportedAt"/>; returns the number of order rows.</summary>
    public static int Write(string path, ExportLayout layout, IReadOnlyList<DemoOrder> orders, DateTime exportedAt)
    {
        var columns = layout == ExportLayout.PddXlsxFullWidth ? PddColumns.CustomFullWidth : PddColumns.Custom;
        var cells = columns.Select(PddCells.For).ToArray();
        IEnumerable<IReadOnlyList<string>> Rows()
        {
            yield return columns;
            foreach (var order in orders)
            {
                var source = new PddRow(order, OrderStates.Pdd(order, exportedAt), Tabbed: false);
                yield return cells.Select(cell => cell(source)).ToArray();
            }
        }

        InlineStringWorkbook.Write(path, exportedAt, [new InlineStringWorkbook.Sheet("订单", Rows())]);
        return orders.Count;
    }
}
