using Analytics.Ingestion.Formats;
using Analytics.Ingestion.Orders;
using Analytics.Tests.Support;
using static Analytics.Tests.Support.TaobaoFiles;

namespace Analytics.Tests.Ingestion;

/// <summary>
/// 淘宝/天猫's old export is two GBK files joined on 订单编号: the 订单报表 (the order, what was paid and refunded, the buyer,
/// the address) and the 宝贝报表 (the items). Either may come first, together or apart, and the figures end up the same.
/// </summary>
public sealed class TaobaoImportTests
{
    private const string Shop = "岷县特产天猫店";

    private static readonly (string, string, string?, long, long, long)[] PairedOrders =
    [
        // order, paid at, province, gmv (paid + refunded), refund, units
        ("2345678901234567890", "2025-03-02 20:15:45", "62", 7600, 0, 3),
        ("2345678901234567891", "2025-03-02 20:15:45", "11", 6000, 2000, 2),
        ("2345678901234567892", null!, "62", 0, 0, 1),
    ];

    private static readonly (string, string, string?, string?, long, long, long)[] PairedLines =
    [
        // order, line, product, title, quantity, amount, refund
        ("2345678901234567890", "MX-DG-100｜规格：100g/袋", "MX-DG-100", "岷县当归片 100g", 2, 5980, 0),
        ("2345678901234567890", "MX-HQ-250｜规格：250g/袋", "MX-HQ-250", "岷县黄芪片 250g", 1, 1620, 0),
        ("2345678901234567891", "MX-HQ-250｜规格：250g/袋", "MX-HQ-250", "岷县黄芪片 250g", 2, 6000, 2000),
        ("2345678901234567892", "MX-DS-500", "MX-DS-500", "岷县党参 500g", 1, 0, 0),
    ];

    private static IEnumerable<(string, string?, string?, long, long, long)> Figures(TestStore store) =>
        store.Orders().Select(o => (o.OrderId, o.PaidAt, o.ProvinceCode, o.GmvFen, o.RefundFen, o.Units));

    private static IEnumerable<(string, string, string?, string?, long, long, long)> LinesOf(TestStore store) =>
        store.Lines().Select(l => (l.OrderId, l.LineId, l.ProductId, l.ProductTitle, l.Quantity, l.AmountFen, l.RefundFen));

    [Test]
    public async Task ThePairGivenTogetherLandsAsOrdersWithTheirItems()
    {
        using var store = new TestStore();

        var receipts = await store.ImportTogetherAsync(Shop, (OrdersName, ThreeOrders()), (ItemsName, ItemsOfThreeOrders()));

        var receipt = receipts.Single();
        Assert.That(receipt.Landed, Is.True, receipt.ToText());
        Assert.That((receipt.FileName, receipt.CompanionFileName), Is.EqualTo((OrdersName, ItemsName)));
        Assert.That((receipt.Platform, receipt.Layout, receipt.Encoding), Is.EqualTo(("taobao", "订单报表 54列 + 宝贝报表 10列", "GB18030 (GBK)")));
        Assert.That(receipt.ExportedAt, Is.EqualTo("2025-03-08 10:15:00"), "千牛 names both files after the minute of the export");
        Assert.That((receipt.RowsRead, receipt.LinesNew, receipt.OrdersTouched, receipt.UnpaidLines, receipt.RowsRejected), Is.EqualTo((7, 4, 3, 1, 0)));
        Assert.That(receipt.OrdersWithoutItems, Is.Zero);
        Assert.That(receipt.ToText(), Does.Contain($"\n{OrdersName} + {ItemsName}：已导入（导入 #"));
        Assert.That(Figures(store), Is.EqualTo(PairedOrders.Select(o => (o.Item1, (string?)o.Item2, o.Item3, o.Item4, o.Item5, o.Item6))));
        Assert.That(LinesOf(store), Is.EqualTo(PairedLines));
    }

    [Test]
    public async Task TheItemsFileGivenFirstIsJoinedAllTheSame()
    {
        using var store = new TestStore();

        var receipts = await store.ImportTogetherAsync(Shop, (ItemsName, ItemsOfThreeOrders()), (OrdersName, ThreeOrders()));

        Assert.That(receipts.Select(r => (r.FileName, r.CompanionFileName, r.Landed)), Is.EqualTo(new[] { (OrdersName, (string?)ItemsName, true) }));
        Assert.That(LinesOf(store), Is.EqualTo(PairedLines));
    }

    [Test]
    public async Task RenamedFilesStillPairByTheirHeaders()
    {
        using var store = new TestStore();

        var receipts = await store.ImportTogetherAsync(Shop, ("宝贝.csv", ItemsOfThreeOrders()), ("订单.csv", ThreeOrders()));

        Assert.That(receipts.Single().CompanionFileName, Is.EqualTo("宝贝.csv"));
        Assert.That(receipts.Single().ExportedAt, Is.Null, "without 千牛's file name the version comes from the times in the rows");
        Assert.That(LinesOf(store), Is.EqualTo(PairedLines));
    }

    [Test]
    public async Task BuyerIsTheMemberNameHashedAndTheRegionComesFromTheSpacedAddress()
    {
        using var store = new TestStore();

        await store.ImportTogetherAsync(Shop, (OrdersName, ThreeOrders()), (ItemsName, ItemsOfThreeOrders()));

        var orders = store.Orders();
        Assert.That(orders.Select(o => (o.ProvinceCode, o.City, o.District)), Is.EqualTo(new (string?, string?, string?)[]
        {
            ("62", "定西市", "岷县"), ("11", "北京市", "朝阳区"), ("62", "定西市", "岷县"),
        }));
        Assert.That(orders.Select(o => o.BuyerSource), Is.All.EqualTo("account"));
        Assert.That(orders.Select(o => o.BuyerKey).Distinct().Count(), Is.EqualTo(3));
        Assert.That(store.Snapshot(), Does.Not.Contain("示例买家").And.Not.Contain("138****1234").And.Not.Contain("岷阳镇").And.Not.Contain("赵**"));
        Assert.That(orders.Select(o => o.Status), Is.EqualTo(new[] { "交易成功", "交易成功", "等待买家付款" }));
    }

    [Test]
    public async Task AnOrdersFileAloneLandsTheOrderFiguresAndSaysWhichItemsFileItAwaits()
    {
        using var store = new TestStore();

        var receipt = await store.ImportAsync(OrdersName, ThreeOrders(), Shop);

        Assert.That(receipt.Landed, Is.True, receipt.ToText());
        Assert.That((receipt.Layout, receipt.OrdersWithoutItems, receipt.ItemsFileAwaited), Is.EqualTo(("订单报表 54列", 3, ItemsName)));
        Assert.That(receipt.ToText(), Does.Contain($"商品明细：3 单只有订单级数字（订单量、成交额、退款、买家、省份），缺少商品和件数明细，待宝贝报表 {ItemsName} 导入后补齐"));
        Assert.That(receipt.ToText(english: true), Does.Contain($"products and units are missing until the items file {ItemsName} is imported"));
        // The order-level figures are exact already: 订单量, 成交额, 退款, buyer and province; units are 宝贝总数量 meanwhile.
        Assert.That(Figures(store), Is.EqualTo(PairedOrders.Select(o => (o.Item1, (string?)o.Item2, o.Item3, o.Item4, o.Item5, o.Item6))));
        Assert.That(store.Lines().Select(l => (l.LineId, l.ProductId, l.ProductTitle)),
            Is.All.EqualTo((OrderLine.OrderLevelLineId, (string?)null, (string?)OrderLine.OrderLevelTitle)));
    }

    [Test]
    public async Task TheItemsFileArrivingLaterCompletesTheOrdersWithTheirTotalsUnchanged()
    {
        using var apart = new TestStore();
        using var together = new TestStore();
        await together.ImportTogetherAsync(Shop, (OrdersName, ThreeOrders()), (ItemsName, ItemsOfThreeOrders()));
        await apart.ImportAsync(OrdersName, ThreeOrders(), Shop);
        var ordersBefore = apart.Orders();

        var receipt = await apart.ImportAsync(ItemsName, ItemsOfThreeOrders(), Shop);

        Assert.That(receipt.Landed, Is.True, receipt.ToText());
        Assert.That((receipt.Layout, receipt.OrdersCompleted, receipt.LinesNew, receipt.RowsRejected), Is.EqualTo(("宝贝报表 10列", 3, 4, 0)));
        Assert.That(receipt.ToText(), Does.Contain("补齐商品明细 3 单（这些订单的成交额和退款不变）"));
        Assert.That(apart.Orders().Select(o => (o.OrderId, o.GmvFen, o.RefundFen, o.BuyerKey, o.PaidAt)),
            Is.EqualTo(ordersBefore.Select(o => (o.OrderId, o.GmvFen, o.RefundFen, o.BuyerKey, o.PaidAt))), "order totals unchanged");
        Assert.That(LinesOf(apart), Is.EqualTo(PairedLines), "the items replace the order-level line");
        Assert.That(apart.Orders(), Is.EqualTo(together.Orders()));
    }

    [Test]
    public async Task AnItemsFileAloneWithNoOrdersToCompleteIsRejectedNamingTheOrdersFile()
    {
        using var store = new TestStore();

        var receipt = await store.ImportAsync(ItemsName, ItemsOfThreeOrders(), Shop);

        Assert.That(receipt.Rejected, Is.True);
        Assert.That(receipt.Reason, Does.StartWith("这是淘宝/天猫宝贝报表（商品明细）").And.Contain(OrdersName).And.Contain("一起导入"));
        Assert.That(receipt.ReasonEn, Does.Contain(OrdersName).And.Contain("together"));
        Assert.That(store.Orders(), Is.Empty);
        Assert.That(store.Lines(), Is.Empty);
    }

    [Test]
    public async Task ItemsOfOrdersNowhereAreListedWithTheirLineWhileTheOthersComplete()
    {
        using var store = new TestStore();
        await store.ImportAsync(OrdersName, Orders().Row(Order("2345678901234567890", "76.00")).Gb18030(), Shop);

        var receipt = await store.ImportAsync(ItemsName, ItemsOfThreeOrders(), Shop);

        Assert.That(receipt.Landed, Is.True, receipt.ToText());
        Assert.That((receipt.OrdersCompleted, receipt.RowsRejected), Is.EqualTo((1, 2)));
        Assert.That(receipt.Problems.Select(p => p.ToString()), Is.EqualTo(new[]
        {
            $"第3行：订单 2345678901234567891 不在一起导入的订单报表中，也不在已导入的订单中，它的 1 行商品未导入：请把订单报表 {OrdersName} 与宝贝报表一起导入，或先导入订单报表",
            $"第5行：订单 2345678901234567892 不在一起导入的订单报表中，也不在已导入的订单中，它的 1 行商品未导入：请把订单报表 {OrdersName} 与宝贝报表一起导入，或先导入订单报表",
        }));
        Assert.That(store.Orders().Select(o => o.OrderId), Is.EqualTo(new[] { "2345678901234567890" }));
    }

    [Test]
    public async Task AFullyRefundedOrderShowsZeroPaidAndCountsItsWholeAmountAsRefunded()
    {
        using var store = new TestStore();
        var orders = Orders()
            .Row(Order("2345678901234567800", "0.00", refund: "64.80", status: "交易关闭"))
            .Row(Order("2345678901234567801", "0.00", paidAt: "", status: "交易关闭", buyer: "示例买家09"));

        await store.ImportAsync(OrdersName, orders.Gb18030(), Shop);

        var stored = store.Orders();
        Assert.That((stored[0].GmvFen, stored[0].RefundFen, stored[0].PaidAt), Is.EqualTo((6480L, 6480L, "2025-03-02 20:15:45")),
            "paid 0 after a refund of 64.80: 64.80 was paid, and all of it refunded");
        Assert.That(stored[1].PaidAt, Is.Null, "closed before payment: never counted");
    }

    [Test]
    public async Task ARefundIsSharedOverTheItemsThatWereClosed()
    {
        using var store = new TestStore();
        var orders = Orders().Row(Order("2345678901234567890", "59.80", refund: "16.20", status: "交易成功"));
        var items = Items()
            .Row(Item("2345678901234567890", "岷县当归片 100g", "29.90", "2", "MX-DG-100"))
            .Row(Item("2345678901234567890", "岷县黄芪片 250g", "16.20", "1", "MX-HQ-250", status: "交易关闭"));

        await store.ImportTogetherAsync(Shop, (OrdersName, orders.Gb18030()), (ItemsName, items.Gb18030()));

        Assert.That(store.Lines().Select(l => (l.ProductId, l.AmountFen, l.RefundFen)), Is.EqualTo(new (string?, long, long)[]
        {
            ("MX-DG-100", 5980, 0), ("MX-HQ-250", 1620, 1620),
        }));
    }

    [Test]
    public async Task AnOrderRepeatedInTheOrdersFileIsImportedOnceAndTheRepeatListed()
    {
        using var store = new TestStore();
        var orders = Orders()
            .Row(Order("2345678901234567890", "76.00"))
            .Row(Order("2345678901234567891", "40.00", refund: "20.00"))
            .Row(Order("2345678901234567890", "76.00"));

        var receipt = await store.ImportAsync(OrdersName, orders.Gb18030(), Shop);

        Assert.That(receipt.RowsRejected, Is.EqualTo(1));
        Assert.That(receipt.Problems.Single().ToString(), Is.EqualTo("第4行：订单 2345678901234567890 在第2行已经出现过，同一订单只导入第一次出现的那一行"));
        Assert.That(store.Orders().Sum(o => o.GmvFen), Is.EqualTo(13600L));
    }

    [Test]
    public async Task StatusesWrittenWithAnAsciiCommaAreKeptInOneSpelling()
    {
        using var store = new TestStore();
        var orders = Orders().Row(Order("2345678901234567890", "76.00", status: "买家已付款,等待卖家发货"));

        await store.ImportAsync(OrdersName, orders.Gb18030(), Shop);

        Assert.That(store.Orders().Single().Status, Is.EqualTo("买家已付款，等待卖家发货"));
    }

    [Test]
    public async Task ANewerOrdersFileAloneKeepsTheItemsStoredAndSharesItsNewAmountsOverThem()
    {
        using var store = new TestStore();
        await store.ImportTogetherAsync(Shop, (OrdersName, ThreeOrders()), (ItemsName, ItemsOfThreeOrders()));
        // A week later the first order is partly refunded: 16.20 of its 76.00 paid back.
        var later = Orders().Row(Order("2345678901234567890", "59.80", refund: "16.20", status: "交易成功"));

        var receipt = await store.ImportAsync("ExportOrderList202503151020.csv", later.Gb18030(), Shop);

        Assert.That(receipt.OrdersWithoutItems, Is.Zero, receipt.ToText());
        var order = store.Orders()[0];
        Assert.That((order.GmvFen, order.RefundFen, order.Units, order.LineCount), Is.EqualTo((7600L, 1620L, 3L, 2L)));
        Assert.That(store.Lines().Where(l => l.OrderId == order.OrderId).Select(l => (l.ProductId, l.AmountFen, l.RefundFen)),
            Is.EqualTo(new (string?, long, long)[] { ("MX-DG-100", 5980, 1275), ("MX-HQ-250", 1620, 345) }));
    }

    [Test]
    public async Task TheOrdersAndItemsOfTwoExportsInOneCallPairByTheirNames()
    {
        using var store = new TestStore();
        var second = Orders().Row(Order("2345678901234567999", "10.00")).Gb18030();
        var secondItems = Items().Row(Item("2345678901234567999", "岷县党参 500g", "10.00", "1", "MX-DS-500")).Gb18030();

        var receipts = await store.ImportTogetherAsync(Shop,
            (OrdersName, ThreeOrders()), ("ExportOrderList202503151020.csv", second),
            ("ExportOrderDetailList202503151020.csv", secondItems), (ItemsName, ItemsOfThreeOrders()));

        Assert.That(receipts.Select(r => (r.FileName, r.CompanionFileName)), Is.EqualTo(new[]
        {
            (OrdersName, (string?)ItemsName), ("ExportOrderList202503151020.csv", "ExportOrderDetailList202503151020.csv"),
        }));
        Assert.That(receipts.Select(r => r.OrdersWithoutItems), Is.All.Zero);
    }

    [Test]
    public async Task TwoFilesThatAreNotAPairAreRefused()
    {
        using var store = new TestStore();
        var douyin = new ExportBytes(DouyinExport.Current74, "-")
            .Row(("主订单编号", "\t6937841205567283410"), ("子订单编号", "\t6937841205567283410"), ("商品数量", "1"),
                ("订单应付金额", "20.00"), ("支付完成时间", "2025-03-02 20:15:40"), ("订单状态", "已发货"))
            .Utf8WithBom();

        var receipt = await store.Store.ImportAsync(
            new Analytics.Ingestion.Importing.ImportUnit(new(store.Write("a.csv", douyin), "a.csv"), new(store.Write(ItemsName, ItemsOfThreeOrders()), ItemsName)),
            new Analytics.Ingestion.Importing.ImportRequest("test", Shop));

        Assert.That(receipt.Rejected, Is.True);
        Assert.That(receipt.Reason, Does.Contain("不是同一份导出的订单报表和宝贝报表"));
    }
}
