using Analytics.Ingestion.Formats;
using Analytics.Tests.Support;

namespace Analytics.Tests.Ingestion;

/// <summary>
/// 千牛's item-level export of 2023 on (宝贝销售明细) carries 主订单编号 and 子订单编号 like a 抖店 export, and its own paid amount
/// and refund per line: it is read as 淘宝/天猫 on its own, with no companion file, its refunds exact.
/// </summary>
public sealed class TaobaoItemSalesTests
{
    private static readonly string[] Header = [.. TaobaoItemSalesExport.Required14, "买家会员名", "收货地址", "店铺名称"];

    private static object[] Line(string order, string line, string paid, string refund, string refundStatus, string status, string? paidAt, int quantity,
        string productId, string title) =>
        [line, order, "39.90", quantity.ToString(System.Globalization.CultureInfo.InvariantCulture), status, "HF-XM-25", "79.80", paid, refundStatus, refund,
            "2025-03-02 20:10:00", paidAt ?? "", productId, title, "禾丰老客06", "甘肃省 定西市 岷县 岷阳镇 ****(748400)", "禾丰富硒小米天猫旗舰店"];

    private static byte[] Export() => Workbook.Create(("宝贝销售明细", Header,
    [
        // Two lines of one order, the second refunded in part; an order refunded in full (0.00 paid); an unpaid order.
        Line("3301234567890123456", "3301234567890123457", "79.80", "0.00", "没有申请退款", "交易成功", "2025-03-02 20:10:09", 2, "701234567890", "禾丰富硒小米 2.5kg"),
        Line("3301234567890123456", "3301234567890123458", "30.00", "15.00", "退款成功", "交易成功", "2025-03-02 20:10:09", 1, "701234567891", "禾丰石磨面粉 5kg"),
        Line("3301234567890123460", "3301234567890123460", "0.00", "45.00", "退款成功", "交易关闭", "2025-03-03 09:00:00", 1, "701234567891", "禾丰石磨面粉 5kg"),
        Line("3301234567890123470", "3301234567890123470", "0.00", "0.00", "没有申请退款", "等待买家付款", null, 1, "701234567890", "禾丰富硒小米 2.5kg"),
    ]));

    [Test]
    public async Task TheItemLevelExportIsReadAsTaobaoWithExactRefundsPerLine()
    {
        using var store = new TestStore();

        var receipt = await store.ImportAsync("宝贝销售明细20250308.xlsx", Export(), "禾丰富硒小米天猫旗舰店");

        Assert.That(receipt is { Landed: true, RowsRejected: 0 }, Is.True, receipt.ToText());
        Assert.That((receipt.Platform, receipt.Layout), Is.EqualTo(("taobao", "宝贝销售明细 (17列)，天猫")));
        Assert.That(receipt.OrdersWithoutItems, Is.Zero, "no companion file is needed");
        Assert.That(store.Lines().Select(l => (l.OrderId, l.LineId, l.ProductId, l.Quantity, l.AmountFen, l.RefundFen)), Is.EqualTo(new[]
        {
            ("3301234567890123456", "3301234567890123457", (string?)"701234567890", 2L, 7980L, 0L),
            ("3301234567890123456", "3301234567890123458", "701234567891", 1L, 4500L, 1500L),
            ("3301234567890123460", "3301234567890123460", "701234567891", 1L, 4500L, 4500L),
            ("3301234567890123470", "3301234567890123470", "701234567890", 1L, 0L, 0L),
        }));
        var orders = store.Orders();
        Assert.That(orders.Select(o => (o.OrderId, o.PaidAt, o.ProvinceCode, o.GmvFen, o.RefundFen, o.BuyerSource)), Is.EqualTo(new[]
        {
            ("3301234567890123456", (string?)"2025-03-02 20:10:09", (string?)"62", 12480L, 1500L, "account"),
            ("3301234567890123460", "2025-03-03 09:00:00", "62", 4500L, 4500L, "account"),
            ("3301234567890123470", null, "62", 0L, 0L, "account"),
        }));
        Assert.That(orders.Where(o => o.PaidAt is not null).Sum(o => o.GmvFen - o.RefundFen), Is.EqualTo(7980 + 3000), "网络零售额 is what the buyers paid");
    }

    [Test]
    public async Task ADouyinExportIsStillReadAsDouyin()
    {
        using var store = new TestStore();

        var receipt = await store.ImportAsync("1678243395_orders.csv", SampleFiles.Bytes("禾丰富硒小米旗舰店", "1678243395_orders.csv"));

        Assert.That((receipt.Landed, receipt.Platform), Is.EqualTo((true, "douyin")), receipt.ToText());
    }
}
