using System.Globalization;
using System.IO.Compression;
using Analytics.Ingestion.Formats;

namespace Analytics.Tools.Demo;

/// <summary>
/// Writes a 淘宝/天猫 千牛 export of the kind made until about 2022: the 订单报表 <c>ExportOrderList&lt;stamp&gt;.csv</c>, one row
/// per order, and its 宝贝报表 <c>ExportOrderDetailList&lt;stamp&gt;.csv</c>, one row per item in an order of its own, both GBK,
/// 订单编号 as an unquoted <c>="…"</c>. 买家实际支付金额 is what the buyer paid after refunds and 退款金额 the refund, as 千牛
/// states them. Some exports reach the operator as one zip holding both files (docs/export-formats.md §4).
/// </summary>
internal static class TaobaoFile
{
    private static readonly IReadOnlyList<string> OrderColumns = PlatformHeaders.TaobaoOrders54;
    private static readonly IReadOnlyList<string> ItemColumns = PlatformHeaders.TaobaoItems10;

    private static string Stamp(DateTime exportedAt) => exportedAt.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    /// <summary>
    /// Writes the pair as it stood at <paramref name="exportedAt"/> into <paramref name="folder"/>, or one zip holding both
    /// (named like the orders file, so a folder's ordinal order stays the export order); returns the number of order rows.
    /// </summary>
    public static int Write(string folder, string shopName, IReadOnlyList<DemoOrder> orders, DateTime exportedAt, bool zipped)
    {
        var stamp = Stamp(exportedAt);
        var ordersName = $"ExportOrderList{stamp}.csv";
        var itemsName = $"ExportOrderDetailList{stamp}.csv";
        if (!zipped)
        {
            using (var file = File.Create(Path.Combine(folder, ordersName)))
                WriteOrders(file, shopName, orders, exportedAt);
            using (var file = File.Create(Path.Combine(folder, itemsName)))
                WriteItems(file, orders, exportedAt);
            return orders.Count;
        }

        using var zip = new ZipArchive(File.Create(Path.Combine(folder, $"ExportOrderList{stamp}.zip")), ZipArchiveMode.Create);
        foreach (var (name, write) in new (string, Action<Stream>)[]
                 {
                     (ordersName, stream => WriteOrders(stream, shopName, orders, exportedAt)),
                     (itemsName, stream => WriteItems(stream, orders, exportedAt)),
                 })
        {
            var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
            entry.LastWriteTime = new DateTimeOffset(exportedAt, TimeSpan.FromHours(8));
            using var stream = entry.Open();
            write(stream);
        }

        return orders.Count;
    }

    private static void WriteOrders(Stream stream, string shopName, IReadOnlyList<DemoOrder> orders, DateTime at)
    {
        using var writer = new StreamWriter(stream, ExportEncodings.Gb18030, 1 << 16);
        var csv = new CsvRowWriter(writer);
        csv.Write(OrderColumns);
        var cells = OrderColumns.Select(c => OrderCell(c.Trim(), shopName)).ToArray();
        var row = new string[cells.Length];
        foreach (var order in orders)
        {
            var source = new TaobaoRow(order, OrderStates.Taobao(order, at), at);
            for (var i = 0; i < cells.Length; i++)
            {
                row[i] = cells[i](source);
            }

            csv.Write(row, verbatimCell: 0);
        }
    }

    // The items come in an order of their own: newest orders first, an order's items not always together.
    private static void WriteItems(Stream stream, IReadOnlyList<DemoOrder> orders, DateTime at)
    {
        using var writer = new StreamWriter(stream, ExportEncodings.Gb18030, 1 << 16);
        var csv = new CsvRowWriter(writer);
        csv.Write(ItemColumns);
        var items = orders.SelectMany(o => o.Lines.Select((line, i) => (Order: o, Line: line, Item: i)))
            .OrderBy(x => x.Item).ThenByDescending(x => x.Order.Created);
        foreach (var (order, line, _) in items)
        {
            var status = OrderStates.Taobao(order, at).Status;
            csv.Write(
            [
                $"=\"{order.Id}\"", $"{line.Product.Title} {line.Product.Spec}", DemoMoney.Yuan(line.Product.PriceFen),
                line.Quantity.ToString(CultureInfo.InvariantCulture), line.Product.Code, $"净含量：{line.Product.Spec}", "", "", status, line.Product.Code,
            ], verbatimCell: 0);
        }
    }

    private sealed record TaobaoRow(DemoOrder Order, LineState State, DateTime At)
    {
        public long Payable => Order.Lines.Sum(l => l.PayableFen);

        public long Refunded => Order.Paid is null ? 0 : Order.Lines.Where(l => l.IsRefundedBy(At)).Sum(l => l.PayableFen);

        public long PaidAfterRefund => Order.Paid is null ? 0 : Payable - Refunded;
    }

    private static Func<TaobaoRow, string> OrderCell(string column, string shopName) => column switch
    {
        "订单编号" => r => $"=\"{r.Order.Id}\"",
        "买家会员名" => r => r.Order.Buyer.TaobaoNick,
        "买家支付宝账号" => _ => "**",
        "买家应付货款" or "总金额" => r => DemoMoney.Yuan(r.Payable),
        "买家应付邮费" or "卖家服务费" or "买家服务费" => _ => "0.00",
        "买家支付积分" or "返点积分" or "买家实际支付积分" => _ => "0",
        "买家实际支付金额" => r => DemoMoney.Yuan(r.PaidAfterRefund),
        "订单状态" => r => r.State.Status,
        "收货人姓名" => r => r.Order.Buyer.MaskedName,
        "收货地址" => r => r.Order.Buyer.TaobaoAddress,
        "运送方式" => _ => "快递",
        "联系手机" => r => "'" + r.Order.Buyer.MaskedPhone,
        "订单创建时间" => r => DemoClock.Text(r.Order.Created),
        "订单付款时间" => r => r.Order.Paid is { } paid ? DemoClock.Text(paid) : "",
        // 千牛 ends the titles and the waybill number with a TAB, which makes the CSV writer quote them.
        "宝贝标题" => r => string.Join("，", r.Order.Lines.Select(l => $"{l.Product.Title} {l.Product.Spec}")) + "\t",
        "宝贝种类" => r => r.Order.Lines.Length.ToString(CultureInfo.InvariantCulture),
        "物流单号" => r => r.State.Shipped ? $"YT{(uint)r.Order.Flavor % 10_000_000_000L:D10}\t" : "",
        "物流公司" => r => r.State.Shipped ? "圆通速递" : "",
        "宝贝总数量" => r => r.Order.Lines.Sum(l => l.Quantity).ToString(CultureInfo.InvariantCulture),
        "店铺名称" => _ => shopName,
        "订单关闭原因" => r => r.State.Status != "交易关闭" ? "" : r.Order.Paid is null ? "买家未付款" : "退款",
        "是否手机订单" => r => r.Order.Flavor % 5 == 0 ? "" : "手机订单",
        "天猫卡券抵扣" or "集分宝抵扣" => _ => "0.00",
        "是否是O2O交易" => _ => "否",
        "退款金额" => r => DemoMoney.Yuan(r.Refunded),
        "确认收货时间" => r => r.State.Completed ? DemoClock.Text(r.Order.Completed) : "",
        "打款商家金额" => r => r.State.Completed ? DemoMoney.Yuan(r.PaidAfterRefund) + "元" : "",
        _ => _ => "",
    };
}
