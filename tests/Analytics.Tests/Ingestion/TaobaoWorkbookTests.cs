using Analytics.Tests.Support;

namespace Analytics.Tests.Ingestion;

/// <summary>
/// The 千牛 XLSX of 2023 on: one sheet, one row per order, the columns the operator chose; 买家实付金额 instead of
/// 买家实际支付金额, 商品标题 instead of 宝贝标题, and no items file of the old kind.
/// </summary>
public sealed class TaobaoWorkbookTests
{
    private static readonly string[] Selection =
    [
        "订单编号", "支付单号", "支付详情", "买家应付货款", "买家应付邮费", "总金额", "买家实付金额", "订单状态", "订单创建时间", "订单付款时间",
        "宝贝总数量", "商品标题", "商家编码", "退款金额", "发货时间", "确认收货时间", "确认收货打款金额", "店铺名称",
    ];

    private static object[] Row(object orderId, string paid, string refund, string paidAt, string status, string units, string title, string code) =>
    [
        orderId, "2025030222001234567890", "支付方式：支付宝", "76.00", "0.00", "76.00", paid, status, "2025-03-02 20:15:31", paidAt,
        units, title, code, refund, "2025-03-03 09:12:00", "", "", "岷县特产天猫旗舰店",
    ];

    private static byte[] TwoOrders() => Workbook.Create(("订单列表", Selection, [
        // Excel keeps a 16-digit 订单编号 typed as a number exactly; 19 digits it would round.
        Row(2345678901234567d, "76.00", "0.00", "2025-03-02 20:15:45", "卖家已发货，等待买家确认", "3", "岷县当归片 100g", "MX-DG-100"),
        Row("2345678901234567891", "40.00", "20.00", "2025-03-02 21:00:00", "交易成功", "2", "岷县黄芪片 250g", "MX-HQ-250"),
    ]));

    [Test]
    public async Task EachOrderIsOneLineOfTheProductItNamesAndTheShopTypeComesFromTheShopName()
    {
        using var store = new TestStore();

        var receipt = await store.ImportAsync("ExportOrderList202503081015.xlsx", TwoOrders(), "岷县特产天猫旗舰店");

        Assert.That(receipt.Landed, Is.True, receipt.ToText());
        Assert.That((receipt.Platform, receipt.Layout, receipt.Encoding), Is.EqualTo(("taobao", "千牛订单导出 (18列)，天猫", "XLSX")));
        Assert.That((receipt.OrdersWithoutItems, receipt.ItemsFileAwaited, receipt.ExportedAt), Is.EqualTo((2, (string?)null, "2025-03-08 10:15:00")));
        Assert.That(receipt.ToText(), Does.Contain("商品明细：文件只有订单级数字，2 单各记为一行").And.Contain("导出：淘宝/天猫，千牛订单导出 (18列)，天猫"));
        Assert.That(store.Orders().Select(o => (o.OrderId, o.GmvFen, o.RefundFen, o.Units, o.BuyerKey)), Is.EquivalentTo(new (string, long, long, long, string?)[]
        {
            ("2345678901234567", 7600, 0, 3, null), ("2345678901234567891", 6000, 2000, 2, null),
        }), "买家实付金额 is after the refund; the selection has no buyer column");
        Assert.That(store.Lines().Select(l => (l.ProductId, l.ProductTitle)), Is.EqualTo(new (string?, string?)[]
        {
            ("MX-DG-100", "岷县当归片 100g"), ("MX-HQ-250", "岷县黄芪片 250g"),
        }));
    }

    [Test]
    public async Task WithoutAShopNameTheShopTypeIsLeftUnsaid()
    {
        using var store = new TestStore();
        string[] header = ["订单编号", "买家实付金额", "订单状态", "订单付款时间", "退款金额"];
        var workbook = Workbook.Create(("Sheet1", header, [["2345678901234567891", "40.00", "交易成功", "2025-03-02 21:00:00", "0.00"]]));

        var receipt = await store.ImportAsync("orders.xlsx", workbook, "某淘宝店");

        Assert.That(receipt.Layout, Is.EqualTo("千牛订单导出 (5列)"));
        Assert.That(store.Lines().Single().ProductTitle, Is.EqualTo("（商品明细未导入）"), "nothing names the product");
    }

    [Test]
    public async Task TheOldItemsFileCompletesOrdersThatCameInTheWorkbook()
    {
        using var store = new TestStore();
        await store.ImportAsync("ExportOrderList202503081015.xlsx", TwoOrders(), "岷县特产天猫旗舰店");
        var items = TaobaoFiles.Items()
            .Row(TaobaoFiles.Item("2345678901234567891", "岷县黄芪片 250g", "30.00", "2", "MX-HQ-250", "规格：250g/袋"))
            .Gb18030();

        var receipt = await store.ImportAsync("ExportOrderDetailList202503081015.csv", items, "岷县特产天猫旗舰店");

        Assert.That(receipt.OrdersCompleted, Is.EqualTo(1));
        Assert.That(store.Lines().Where(l => l.OrderId == "2345678901234567891").Select(l => (l.LineId, l.AmountFen, l.RefundFen)),
            Is.EqualTo(new[] { ("MX-HQ-250｜规格：250g/袋", 6000L, 2000L) }), "its items replace the one order-level line");
        Assert.That(store.Orders().Sum(o => o.GmvFen), Is.EqualTo(13600L));
    }

    [Test]
    public async Task AnOrdersFileReSavedAsXlsxStillPairsWithItsItemsFile()
    {
        using var store = new TestStore();
        var header = Analytics.Ingestion.Formats.TaobaoExport.Orders54;
        var cells = TaobaoFiles.Order("2345678901234567890", "76.00").ToDictionary(c => c.Item1, c => c.Item2.Trim('\t'));
        var resaved = Workbook.Create(("ExportOrderList202503081015", header.ToArray(), [header.Select(h => (object)cells.GetValueOrDefault(h, "")).ToArray()]));
        var items = TaobaoFiles.Items()
            .Row(TaobaoFiles.Item("2345678901234567890", "岷县当归片 100g", "29.90", "2", "MX-DG-100"))
            .Row(TaobaoFiles.Item("2345678901234567890", "岷县黄芪片 250g", "16.20", "1", "MX-HQ-250"))
            .Gb18030();

        var receipts = await store.ImportTogetherAsync("淘宝店", ("ExportOrderList202503081015.xlsx", resaved), (TaobaoFiles.ItemsName, items));

        Assert.That(receipts.Select(r => (r.CompanionFileName, r.Layout, r.Encoding)), Is.EqualTo(new[]
        {
            ((string?)TaobaoFiles.ItemsName, "订单报表 54列 + 宝贝报表 10列", "XLSX / GB18030 (GBK)"),
        }));
        Assert.That(store.Lines().Select(l => (l.ProductId, l.AmountFen)), Is.EqualTo(new (string?, long)[] { ("MX-DG-100", 5980), ("MX-HQ-250", 1620) }));
    }

    [Test]
    public async Task ANineteenDigitOrderNumberExcelTurnedIntoANumberRejectsTheWorkbook()
    {
        using var store = new TestStore();
        var workbook = Workbook.Create(("订单列表", Selection, [Row(2345678901234567891d, "40.00", "0.00", "2025-03-02 21:00:00", "交易成功", "1", "岷县黄芪片 250g", "MX-HQ-250")]));

        var receipt = await store.ImportAsync("ExportOrderList202503081015.xlsx", workbook, "淘宝店");

        Assert.That(receipt.Rejected, Is.True);
        Assert.That(receipt.Reason, Does.Contain("A列（订单编号）").And.Contain("Excel"));
    }
}
