using Analytics.Ingestion.Formats;
using Analytics.Tests.Support;

namespace Analytics.Tests.Ingestion;

/// <summary>微信小店 order exports (docs/export-formats.md §11): one row per product, the order's facts repeated on its rows.</summary>
public sealed class WechatShopImportTests
{
    private static (string, string)[] Product(string orderId, string orderPaid, string productId, string spec, string lineTotal, string quantity,
        string refunded = "0.00", string paidAt = "2024-05-06 09:30:12", string status = "已完成", string afterSale = "") =>
    [
        ("订单号", orderId), ("订单下单时间", "2024-05-06 09:30:00"), ("订单状态", status), ("收件人姓名", "赵**"), ("收件人地址", "山西省太原市小店区****"),
        ("省", "山西省"), ("市", "太原市"), ("区", "小店区"), ("收件人手机", "186****3456"), ("订单实际支付金额", orderPaid), ("订单运费", "8.00"),
        ("支付时间", paidAt), ("商品名称", "老陈醋 " + spec), ("商品编码(平台)", productId), ("商品属性", spec), ("商品实际价格(总共)", lineTotal),
        ("商品数量", quantity), ("商品平均运费", "4.00"), ("商品售后", afterSale), ("商品已退款金额", refunded),
    ];

    [Test]
    public async Task TheOrderAmountIsTakenOnceAndEachRowsRefundIsItsOwn()
    {
        using var store = new TestStore();
        var export = new ExportBytes(WechatShopExport.Fields57)
            .Row(Product("3719251001", "108.00", "10000123", "500ml*2瓶", "60.00", "2"))
            .Row(Product("3719251001", "108.00", "10000123", "2.5L桶装", "40.00", "1", refunded: "40.00", afterSale: "退款完成"))
            .Row(Product("3719251002", "30.00", "10000456", "醋糕 250g", "30.00", "1", paidAt: "", status: "已取消"))
            .Row(Product("3719251003", "26.00", "10000456", "醋糕 250g", "26.00", "1", refunded: "26.00", status: "已取消", afterSale: "退款完成"))
            .Row(Product("3719251004", "15.00", "10000789", "醋饮 1瓶", "15.00", "1", paidAt: "", status: "待付款"));

        var receipt = await store.ImportAsync("wechat.csv", export.Utf8WithBom());

        Assert.That(receipt is { Landed: true, RowsRejected: 0 }, Is.True, receipt.ToText());
        Assert.That((receipt.Platform, receipt.Layout), Is.EqualTo(("wechat", "订单导出 57列")));
        Assert.That(store.Lines().Select(l => (l.OrderId, l.LineId, l.AmountFen, l.RefundFen)), Is.EqualTo(new[]
        {
            // 108.00 with shipping, shared 60 : 40 over the two specs of one product; the refund is what the row states.
            ("3719251001", "10000123|2.5L桶装", 4320L, 4000L),
            ("3719251001", "10000123|500ml*2瓶", 6480L, 0L),
            ("3719251002", "10000456|醋糕 250g", 3000L, 0L),
            ("3719251003", "10000456|醋糕 250g", 2600L, 2600L),
            ("3719251004", "10000789|醋饮 1瓶", 1500L, 0L),
        }));
        Assert.That(store.Orders().Select(o => (o.OrderId, o.PaidAt, o.GmvFen, o.Units)), Is.EqualTo(new (string, string?, long, long)[]
        {
            ("3719251001", "2024-05-06 09:30:12", 10800, 3),
            ("3719251002", null, 3000, 1), // 已取消 before payment
            ("3719251003", "2024-05-06 09:30:12", 2600, 1), // 已取消 after every product was refunded: paid, and refunded
            ("3719251004", null, 1500, 1),
        }));
        var order = store.Orders()[0];
        Assert.That((order.ProvinceCode, order.BuyerSource), Is.EqualTo(("14", "receiver-fingerprint")));
    }

    [Test]
    public async Task AnExportWithoutTheRefundedAmountIsRefusedSoRefundsAreNeverGuessed()
    {
        using var store = new TestStore();
        var export = new ExportBytes(["订单号", "订单下单时间", "订单状态", "订单实际支付金额", "支付时间", "商品数量"])
            .Row(("订单号", "3719251001"), ("订单实际支付金额", "10.00"), ("支付时间", "2024-05-06 09:30:12"), ("商品数量", "1"), ("订单状态", "已完成"));

        var receipt = await store.ImportAsync("wechat.csv", export.Utf8());

        Assert.That(receipt.Rejected, Is.True);
        Assert.That(receipt.Reason, Does.Contain("缺少“商品已退款金额”列"));
    }
}
