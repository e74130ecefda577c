using Analytics.Ingestion.Formats;
using Analytics.Tests.Support;

namespace Analytics.Tests.Intake;

/// <summary>
/// A chain of three overlapping exports of one shop, as an operator downloads them a week apart, in real bytes: orders
/// get paid, shipped, refunded and renamed from one export to the next, a buyer comes back, a sub-order is refunded.
/// Douyin states its export time in the file name; the PDD chain states none, so its versions come from the times in
/// the rows and ties from the latest time in each file.
/// </summary>
internal static class OverlappingExports
{
    public const string DouyinShop = "禾丰富硒小米旗舰店";
    public const string PddShop = "禾丰小米杂粮拼多多店";
    public const string JdShop = "禾丰富硒谷物京东自营店";
    public static readonly DateOnly From = new(2025, 3, 1), To = new(2025, 3, 31);

    private sealed record Row(string Order, string Line, string Product, string Title, string Amount, string? PaidAt, string Status,
        string AfterSale, string Province, string Receiver, string? ShippedAt = null);

    private static readonly Row[][] Douyin =
    [
        [
            new("6937000000000000001", "6937000000000000011", "3501", "富硒小米 2.5kg", "40.00", "2025-03-01 10:00:00", "已发货", "-", "山西省", "张*", "2025-03-02 09:00:00"),
            new("6937000000000000001", "6937000000000000012", "3502", "石磨小米面 1kg", "30.00", "2025-03-01 10:00:00", "已发货", "-", "山西省", "张*", "2025-03-02 09:00:00"),
            new("6937000000000000002", "6937000000000000002", "3501", "富硒小米 2.5kg", "20.00", "2025-03-02 09:00:00", "待发货", "-", "陕西省", "李*"),
            new("6937000000000000003", "6937000000000000003", "3502", "石磨小米面 1kg", "35.00", null, "待支付", "-", "河北省", "赵*"),
            new("6937000000000000004", "6937000000000000004", "3503", "富硒小米礼盒", "99.00", "2025-03-02 20:00:00", "待发货", "-", "北京市", "张*"),
        ],
        [
            new("6937000000000000001", "6937000000000000011", "3501", "富硒小米 2.5kg", "40.00", "2025-03-01 10:00:00", "已完成", "-", "山西省", "张*", "2025-03-02 09:00:00"),
            new("6937000000000000001", "6937000000000000012", "3502", "石磨小米面 1kg", "30.00", "2025-03-01 10:00:00", "已完成", "退款成功", "山西省", "张*", "2025-03-02 09:00:00"),
            new("6937000000000000002", "6937000000000000002", "3501", "富硒小米 2.5kg", "20.00", "2025-03-02 09:00:00", "已关闭", "退款成功", "陕西省", "李*"),
            new("6937000000000000003", "6937000000000000003", "3502", "石磨小米面 1kg", "35.00", "2025-03-04 08:00:00", "已发货", "-", "河北省", "赵*", "2025-03-05 10:00:00"),
            new("6937000000000000004", "6937000000000000004", "3503", "富硒小米礼盒装", "99.00", "2025-03-02 20:00:00", "已发货", "-", "北京市", "张*", "2025-03-04 11:00:00"),
            new("6937000000000000005", "6937000000000000005", "3501", "富硒小米 2.5kg", "25.00", "2025-03-08 15:00:00", "待发货", "-", "山西省", "王*"),
        ],
        [
            new("6937000000000000003", "6937000000000000003", "3502", "石磨小米面 1kg", "35.00", "2025-03-04 08:00:00", "已关闭", "退款成功", "河北省", "赵*", "2025-03-05 10:00:00"),
            new("6937000000000000005", "6937000000000000005", "3501", "富硒小米 2.5kg", "25.00", "2025-03-08 15:00:00", "已完成", "-", "山西省", "王*", "2025-03-09 09:00:00"),
            new("6937000000000000006", "6937000000000000006", "3502", "石磨小米面 1kg", "60.00", "2025-03-15 12:00:00", "待发货", "-", "山西省", "张*"),
        ],
    ];

    /// <summary>The three Douyin exports as (file name, bytes), oldest first.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> DouyinChain() =>
        Douyin.Select((rows, i) => ($"{1741000000 + i * 600000}_orders.csv", DouyinBytes(rows))).ToList();

    /// <summary>The same story in PDD's custom export (one row per order), file names without any time.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> PddChain() =>
        Douyin.Select((rows, i) => ($"pdd_orders_{i + 1}.csv", PddBytes(rows))).ToList();

    /// <summary>A JD export of another shop, so that rankings have more than one row and a withdrawal must leave it alone.</summary>
    public static (string Name, byte[] Bytes) JdExport() =>
        ("jd_orders.csv", new ExportBytes(Analytics.Ingestion.Formats.JdExport.Classic30)
            .Row(("订单号", "301000000001"), ("商品ID", "100001"), ("商品名称", "富硒小米 5kg"), ("订购数量", "1"), ("京东价", "89.00"),
                ("应付金额", "89.00"), ("订单状态", "完成"), ("下单帐号", "jd_buyer_1"), ("客户地址", "北京市海淀区****"),
                ("下单时间", "2025-03-03 08:00:00"), ("付款确认时间", "2025-03-03 08:01:00"), ("订单完成时间", "2025-03-06 10:00:00"))
            .Row(("订单号", "301000000002"), ("商品ID", "100002"), ("商品名称", "石磨面粉 5kg"), ("订购数量", "2"), ("京东价", "39.90"),
                ("应付金额", "79.80"), ("订单状态", "等待出库"), ("下单帐号", "jd_buyer_2"), ("客户地址", "浙江宁波市鄞州区****"),
                ("下单时间", "2025-03-12 21:00:00"), ("付款确认时间", "2025-03-12 21:00:30"))
            .Gb18030());

    private static byte[] DouyinBytes(Row[] rows)
    {
        var export = new ExportBytes(DouyinExport.Current74, "-");
        foreach (var row in rows)
        {
            export.Row(("主订单编号", "\t" + row.Order), ("子订单编号", "\t" + row.Line), ("商品ID", "\t" + row.Product), ("选购商品", row.Title),
                ("商品数量", "1"), ("订单应付金额", row.Amount), ("订单提交时间", row.PaidAt ?? "2025-03-03 22:00:00"), ("支付完成时间", row.PaidAt ?? "-"),
                ("发货时间", row.ShippedAt ?? "-"), ("订单状态", row.Status), ("售后状态", row.AfterSale), ("省", row.Province), ("市", "某市"),
                ("区", "某区"), ("收件人", row.Receiver), ("收件人手机号", "138****0001"), ("承诺发货时间", "2025-04-30 23:59:59"));
        }
        return export.Utf8WithBom();
    }

    private static readonly string[] PddColumns = [.. PddExport.Default27, "支付时间", "省", "市", "区", "收货人", "手机"];

    private static byte[] PddBytes(Row[] rows)
    {
        var export = new ExportBytes(PddColumns);
        foreach (var order in rows.GroupBy(r => r.Order))
        {
            var row = order.First();
            var status = row.PaidAt is null ? "待支付" : row.AfterSale == "退款成功" ? "已发货，退款成功" : row.ShippedAt is null ? "待发货" : "已发货，待签收";
            export.Row(("商品", row.Title), ("订单号", "250301-" + row.Order[^9..]), ("订单状态", status),
                ("用户实付金额(元)", order.Sum(r => decimal.Parse(r.Amount, System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("商品数量(件)", order.Count().ToString(System.Globalization.CultureInfo.InvariantCulture)), ("商品id", row.Product),
                ("订单成交时间", row.PaidAt ?? "2025-03-03 22:00:00"), ("支付时间", row.PaidAt ?? ""), ("发货时间", row.ShippedAt ?? ""),
                ("售后状态", row.AfterSale == "退款成功" ? "退款成功" : "无售后或售后取消"), ("省", row.Province), ("市", "某市"), ("区", "某区"),
                ("收货人", row.Receiver), ("手机", "138****0001"));
        }
        return export.Utf8();
    }
}
