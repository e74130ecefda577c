using System.Globalization;

namespace Analytics.Tools.Demo;

/// <summary>
/// Writes a JD 京东 order export: GB18030, one row per order × SKU, order-level columns (订单金额, 应付金额,
/// 下单帐号, 客户地址, 付款确认时间, 订单状态 …) repeated on every SKU row; empty cells are empty.
/// </summary>
internal static class JdFile
{
    private readonly record struct JdRow(DemoOrder Order, DemoOrderLine Line, LineState State, bool ExcelText);

    private static readonly string[] Sources = ["移动端订单", "PC订单", "微信订单"];

    public static string FileName(ExportFile file) => $"jd_orders_{file.Label}.csv";

    /// <summary>Writes the orders as they stood at <paramref name="exportedAt"/>; returns the number of data rows.</summary>
    public static int Write(string path, ExportLayout layout, IEnumerable<DemoOrder> orders, DateTime exportedAt)
    {
        var columns = JdColumns.For(layout);
        var cells = columns.Select(For).ToArray();
        using var writer = ExportEncodings.Open(path, ExportEncodings.Gb18030);
        var csv = new CsvRowWriter(writer);
        csv.Write(columns);
        var row = new string[columns.Count];
        var rows = 0;
        foreach (var order in orders)
        {
            var state = OrderStates.Jd(order, exportedAt);
            foreach (var line in order.Lines)
            {
                var source = new JdRow(order, line, state, layout == ExportLayout.Jd40ExcelText);
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

    private static Func<JdRow, string> For(string column) => column switch
    {
        "订单号" => r => Text(r, r.Order.Id),
        "商品ID" => r => Text(r, r.Line.Product.Id),
        "商品名称" => r => $"{r.Line.Product.Title} {r.Line.Product.Spec}",
        "订购数量" => r => r.Line.Quantity.ToString(CultureInfo.InvariantCulture),
        "支付方式" => _ => "在线支付",
        "下单时间" => r => DemoClock.Text(r.Order.Created),
        "京东价" => r => DemoMoney.Yuan(r.Line.Product.PriceFen),
        "订单金额" => r => DemoMoney.Yuan(r.Order.Lines.Sum(l => l.ListFen)),
        "结算金额" or "应付金额" => r => DemoMoney.Yuan(r.Order.Lines.Sum(l => l.PayableFen)),
        "余额支付" or "运费金额" or "服务费" => _ => "0.00",
        "订单状态" => r => r.State.Status,
        "订单类型" => _ => "销售订单",
        "下单帐号" => r => r.Order.Buyer.JdAccount,
        "客户姓名" => r => r.Order.Buyer.MaskedName,
        "客户地址" => r => r.Order.Buyer.JdAddress,
        "联系电话" => r => r.Order.Buyer.MaskedPhone,
        "发票类型" => r => r.Order.Flavor % 4 == 0 ? "不开发票" : "电子普通发票",
        "发票抬头" => r => r.Order.Flavor % 4 == 0 ? "" : "个人",
        "发票内容" => r => r.Order.Flavor % 4 == 0 ? "" : "商品明细",
        "商家备注" => r => MerchantNote(r.Order.Flavor),
        "付款确认时间" => r => r.Order.Paid is { } paid ? DemoClock.Text(paid) : "",
        "货号" => r => r.Line.Product.Code,
        "订单完成时间" => r => r.State.Completed ? DemoClock.Text(r.Order.Completed) : "",
        "订单来源" => r => Sources[r.Order.Flavor / 4 % Sources.Length],
        "订单渠道" => _ => "暂无来源",
        "商家SKUID" => r => r.Line.Product.SkuId,
        "是否为品牌商订单" or "是否为toplife订单" => _ => "否",
        _ => _ => "",
    };

    // Excel-style text protection: the cell text is ="301234567890"; the CSV writer quotes it like any cell with quotes.
    private static string Text(JdRow row, string id) => row.ExcelText ? $"=\"{id}\"" : id;

    // Staff notes sometimes contain commas and quotes, which a CSV writer must quote.
    private static string MerchantNote(int flavor) =>
        flavor % 53 == 0 ? "礼盒加贺卡,周末送达"
        : flavor % 71 == 0 ? "客户要求\"顺丰\"发货"
        : "";
}
