using Analytics.Ingestion.Formats;
using Analytics.Tests.Support;

namespace Analytics.Tests.Ingestion;

public sealed class JdImportTests
{
    private static (string, string)[] SkuRow(string order, string sku, string title, string quantity, string price, string payable,
        string account = "jd_demo_buyer01", string address = "黑龙江哈尔滨市五常市****", string paidAt = "2025-03-02 20:15:50", string status = "完成") =>
    [
        ("订单号", order), ("商品ID", sku), ("商品名称", title), ("订购数量", quantity), ("京东价", price), ("订单金额", "149.70"),
        ("应付金额", payable), ("订单状态", status), ("下单帐号", account), ("客户姓名", "王**"), ("客户地址", address),
        ("联系电话", "138****5678"), ("付款确认时间", paidAt), ("下单时间", "2025-03-02 20:15:31"),
    ];

    [Test]
    public async Task OrderAmountRepeatedOnEverySkuRowIsTakenOnceAndSharedOverTheLines()
    {
        using var store = new TestStore();
        var export = new ExportBytes(JdExport.Classic30)
            .Row(SkuRow("301234567890", "100012345678", "富硒小米 5kg", "2", "59.90", "139.70"))
            .Row(SkuRow("301234567890", "100087654321", "富硒小米 1kg 尝鲜装", "1", "29.90", "139.70"));

        var receipt = await store.ImportAsync("jd_orders.csv", export.Gb18030());

        Assert.That(receipt.Landed, Is.True, receipt.ToText());
        Assert.That((receipt.Platform, receipt.Layout, receipt.Encoding), Is.EqualTo(("jd", "订单导出 30列", "GB18030 (GBK)")));
        var order = store.Orders().Single();
        Assert.That((order.GmvFen, order.Units, order.LineCount), Is.EqualTo((13970L, 3L, 2L)), "应付金额 counts once per order");
        // Shared by 京东价 × 订购数量: 119.80 : 29.90 of 139.70.
        Assert.That(store.Lines().Select(l => l.AmountFen), Is.EqualTo(new[] { 11180L, 2790L }));
    }

    [Test]
    public async Task RegionIsParsedFromTheOneAddressStringWhateverTheProvinceSpelling()
    {
        using var store = new TestStore();
        var export = new ExportBytes(JdExport.Classic30)
            .Row(SkuRow("301", "100012345678", "小米", "1", "10.00", "10.00", address: "内蒙古呼和浩特市新城区海拉尔大街****"))
            .Row(SkuRow("302", "100012345678", "小米", "1", "10.00", "10.00", address: "北京市朝阳区****"))
            .Row(SkuRow("303", "100012345678", "小米", "1", "10.00", "10.00", address: "广西壮族自治区南宁市青秀区****"))
            .Row(SkuRow("304", "100012345678", "小米", "1", "10.00", "10.00", address: "**********"));

        await store.ImportAsync("jd.csv", export.Gb18030());

        Assert.That(store.Orders().Select(o => (o.ProvinceCode, o.City, o.District)), Is.EqualTo(new (string?, string?, string?)[]
        {
            ("15", "呼和浩特市", "新城区"), ("11", "北京市", "朝阳区"), ("45", "南宁市", "青秀区"), (null, null, null),
        }));
    }

    [Test]
    public async Task BuyerIsTheAccountHashedAndUnpaidOrdersHaveNoPaymentTime()
    {
        using var store = new TestStore();
        var export = new ExportBytes(JdExport.Extended40)
            .Row(SkuRow("301", "100012345678", "小米", "1", "10.00", "10.00", account: "jd_a"))
            .Row(SkuRow("302", "100012345678", "小米", "1", "10.00", "10.00", account: "jd_a"))
            .Row(SkuRow("303", "100012345678", "小米", "1", "10.00", "10.00", account: "jd_b", paidAt: "", status: "等待付款"));

        var receipt = await store.ImportAsync("jd.csv", export.Gb18030());

        Assert.That(receipt.Layout, Is.EqualTo("订单导出 40列"));
        var orders = store.Orders();
        Assert.That(orders[0].BuyerKey, Is.EqualTo(orders[1].BuyerKey).And.Not.EqualTo(orders[2].BuyerKey));
        Assert.That(orders.Select(o => o.BuyerSource), Is.All.EqualTo("account"));
        Assert.That(store.Snapshot(), Does.Not.Contain("jd_a"));
        Assert.That(orders[2].PaidAt, Is.Null);
    }

    [Test]
    public async Task ExcelFormulaWrappedIdsAndDeletionMarkedStatusesAreCleaned()
    {
        using var store = new TestStore();
        var export = new ExportBytes(JdExport.Classic30)
            .Row(SkuRow("=\"301234567890\"", "=\"100012345678\"", "小米", "1", "10.00", "10.00", status: "(删除)完成"));

        await store.ImportAsync("jd.csv", export.Gb18030());

        var line = store.Lines().Single();
        Assert.That((line.OrderId, line.ProductId, line.Status), Is.EqualTo(("301234567890", "100012345678", "完成")));
    }

    [Test]
    public async Task RowsOfOneOrderSeparatedInTheFileAreRejectedRatherThanCountedTwice()
    {
        using var store = new TestStore();
        var export = new ExportBytes(JdExport.Classic30)
            .Row(SkuRow("301", "100012345678", "小米", "1", "10.00", "20.00"))
            .Row(SkuRow("302", "100012345678", "小米", "1", "10.00", "10.00"))
            .Row(SkuRow("301", "100087654321", "面粉", "1", "10.00", "20.00"));

        var receipt = await store.ImportAsync("jd.csv", export.Gb18030());

        Assert.That(receipt.RowsRejected, Is.EqualTo(1));
        Assert.That(receipt.Problems.Single().Line, Is.EqualTo(4));
        Assert.That(receipt.Problems.Single().ToString(), Does.StartWith("第4行：订单 301 ").And.Contain("按“订单号”排序"));
        Assert.That(receipt.Problems.Single().ReasonEn, Does.Contain("sort the export by 订单号"));
        Assert.That(store.Orders().Sum(o => o.GmvFen), Is.EqualTo(3000L));
    }
}
