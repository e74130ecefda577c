using Analytics.Ingestion.Formats;
using Analytics.Tests.Support;

namespace Analytics.Tests.Ingestion;

public sealed class DouyinImportTests
{
    private static (string, string)[] SubOrder(string order, string line, string title, string quantity, string payable,
        string paidAt = "2025-03-02 20:15:40", string status = "已完成", string afterSale = "-", string province = "甘肃省") =>
    [
        ("主订单编号", "\t" + order), ("子订单编号", "\t" + line), ("选购商品", "\t" + title), ("商品数量", quantity),
        ("商品ID", "\t3701234567890123456"), ("商品单价", "29.90"), ("订单应付金额", payable), ("收件人", "李**"),
        ("收件人手机号", "138****5678"), ("省", province), ("市", "定西市"), ("区", "岷县"), ("街道", "岷阳镇"), ("详细地址", "岷阳镇****"),
        ("订单提交时间", "2025-03-02 20:15:31"), ("支付完成时间", paidAt), ("订单状态", status), ("售后状态", afterSale),
    ];

    private static ExportBytes Current() => new(DouyinExport.Current74, placeholder: "-");

    [Test]
    public async Task CurrentLayoutWithBomAndTabWrappedIdsBecomesOrdersAndLines()
    {
        using var store = new TestStore();
        var export = Current()
            .Row(SubOrder("6937841205567283410", "6937841205567283411", "富硒小米 2.5kg", "2", "53.80"))
            .Row(SubOrder("6937841205567283410", "6937841205567283412", "石磨面粉 5kg", "1", "37.90", afterSale: "退款成功"))
            .Row(SubOrder("6937841205567283500", "6937841205567283500", "醋糕 礼盒", "1", "66.00", paidAt: "-", status: "待支付"));

        var receipt = await store.ImportAsync("1740931200_orders.csv", export.Utf8WithBom());

        Assert.That(receipt.Landed, Is.True, receipt.ToText());
        Assert.That(receipt.Platform, Is.EqualTo("douyin"));
        Assert.That(receipt.Layout, Is.EqualTo("商品维度 74列 (当前版)"));
        Assert.That(receipt.Encoding, Is.EqualTo("UTF-8 (BOM)"));
        Assert.That((receipt.RowsRead, receipt.LinesNew, receipt.OrdersTouched, receipt.UnpaidLines), Is.EqualTo((3, 3, 2, 1)));
        Assert.That(receipt.ExportedAt, Is.EqualTo("2025-03-03 00:00:00"), "抖店 file names start with the export moment");

        var lines = store.Lines();
        Assert.That(lines.Select(l => (l.OrderId, l.LineId, l.ProductTitle, l.Quantity, l.AmountFen, l.RefundFen)), Is.EqualTo(new[]
        {
            ("6937841205567283410", "6937841205567283411", "富硒小米 2.5kg", 2L, 5380L, 0L),
            ("6937841205567283410", "6937841205567283412", "石磨面粉 5kg", 1L, 3790L, 3790L),
            ("6937841205567283500", "6937841205567283500", "醋糕 礼盒", 1L, 6600L, 0L),
        }));
        var paid = store.Orders()[0];
        Assert.That((paid.PaidAt, paid.GmvFen, paid.RefundFen, paid.Units, paid.LineCount), Is.EqualTo(("2025-03-02 20:15:40", 9170L, 3790L, 3L, 2L)));
        Assert.That((paid.ProvinceCode, paid.City, paid.District), Is.EqualTo(("62", "定西市", "岷县")));
        Assert.That(paid.BuyerSource, Is.EqualTo("receiver-fingerprint"));
        Assert.That(paid.BuyerKey, Has.Length.EqualTo(32));
        Assert.That(store.Orders()[1].PaidAt, Is.Null, "an order without 支付完成时间 is unpaid and never counts");
    }

    [Test]
    public async Task NamesPhonesAndAddressesAreNeverStored()
    {
        using var store = new TestStore();
        await store.ImportAsync("orders.csv", Current().Row(SubOrder("6937841205567283410", "6937841205567283410", "富硒小米", "1", "20.00")).Utf8WithBom());

        var everything = store.Snapshot();

        Assert.That(everything, Does.Not.Contain("李**").And.Not.Contain("138****5678").And.Not.Contain("岷阳镇"));
    }

    [Test]
    public async Task SameReceiverIsTheSameBuyerAcrossOrdersAndShortProvinceNamesResolve()
    {
        using var store = new TestStore();
        var export = Current()
            .Row(SubOrder("6937841205567283410", "6937841205567283410", "富硒小米", "1", "20.00", province: "甘肃省"))
            .Row(SubOrder("6937841205567283999", "6937841205567283999", "富硒小米", "1", "20.00", province: "甘肃"));

        await store.ImportAsync("orders.csv", export.Utf8WithBom());

        var orders = store.Orders();
        Assert.That(orders.Select(o => o.ProvinceCode), Is.All.EqualTo("62"));
        Assert.That(orders[0].BuyerKey, Is.EqualTo(orders[1].BuyerKey));
    }

    [Test]
    public async Task OlderCustomReportInGbkIsReadByHeaderNameWhateverTheOrder()
    {
        using var store = new TestStore();
        string[] header = ["订单状态", "商品名称", "商品金额", "子订单编号", "主订单编号", "支付完成时间", "省", "市", "区", "商品数量", "订单应付金额", "售后状态", "货号"];
        var export = new ExportBytes(header, "-").Row(
            ("订单状态", "已发货"), ("商品名称", "黑芝麻丸 礼盒"), ("商品金额", "49.00"), ("子订单编号", "\t6937841205567283411"),
            ("主订单编号", "\t6937841205567283410"), ("支付完成时间", "2025/3/2 20:15"), ("省", "内蒙古自治区"), ("市", "呼和浩特市"), ("区", "新城区"),
            ("商品数量", "1"), ("订单应付金额", "45.50"), ("售后状态", "-"));

        var receipt = await store.ImportAsync("custom.csv", export.Gb18030());

        Assert.That(receipt.Landed, Is.True, receipt.ToText());
        Assert.That((receipt.Encoding, receipt.Layout), Is.EqualTo(("GB18030 (GBK)", "自定义报表 (13列)")));
        var order = store.Orders().Single();
        Assert.That((order.PaidAt, order.GmvFen, order.ProvinceCode), Is.EqualTo(("2025-03-02 20:15:00", 4550L, "15")));
        Assert.That(store.Lines().Single().ProductTitle, Is.EqualTo("黑芝麻丸 礼盒"));
    }

    [Test]
    public async Task AFileWhoseIdsExcelRoundedIsRejectedWholeAndNothingStoredChanges()
    {
        using var store = new TestStore();
        await store.ImportAsync("good.csv", Current().Row(SubOrder("6937841205567283410", "6937841205567283410", "富硒小米", "1", "20.00")).Utf8WithBom());
        var before = store.Snapshot();
        var damaged = Current()
            .Row(SubOrder("6937841205567283410", "6937841205567283410", "富硒小米", "1", "99.00"))
            .Row([("主订单编号", "6.93784E+18"), ("子订单编号", "6.93784E+18"), ("订单应付金额", "10.00"), ("订单状态", "已完成")]);

        var receipt = await store.ImportAsync("damaged.csv", damaged.Utf8WithBom());

        Assert.That(receipt.Landed, Is.False);
        Assert.That(receipt.Reason, Does.Contain("第3行，A列（主订单编号）是“6.93784E+18”").And.Contain("Excel"));
        Assert.That(receipt.ReasonEn, Does.Contain("line 3").And.Contain("column A").And.Contain("6.93784E+18").And.Contain("Excel"));
        Assert.That(store.Snapshot(), Is.EqualTo(before), "the good first row of the damaged file must not land either");
    }

    [Test]
    public async Task UnreadableAmountRejectsThatRowWithLineAndColumnAndKeepsTheRest()
    {
        using var store = new TestStore();
        var export = Current()
            .Row(SubOrder("6937841205567283410", "6937841205567283410", "富硒小米", "1", "20.00"))
            .Row(SubOrder("6937841205567283411", "6937841205567283411", "富硒小米", "1", "二十元"));

        var receipt = await store.ImportAsync("orders.csv", export.Utf8WithBom());

        Assert.That(receipt.Landed, Is.True);
        Assert.That(receipt.RowsRejected, Is.EqualTo(1));
        Assert.That(receipt.Problems.Single().ToString(), Is.EqualTo("第3行，I列（订单应付金额）：“二十元”不是以元为单位的金额"));
        Assert.That(receipt.Problems.Single().ToString(english: true), Is.EqualTo("line 3, column I (订单应付金额): '二十元' is not an amount in yuan"));
        Assert.That(store.Orders().Select(o => o.OrderId), Is.EqualTo(new[] { "6937841205567283410" }));
    }

    [Test]
    public async Task ExcelUnicodeTextSaveIsReadAsTabSeparatedUtf16()
    {
        using var store = new TestStore();
        var text = "主订单编号\t子订单编号\t商品数量\t订单应付金额\t支付完成时间\t订单状态\t省\r\n" +
                   "6937841205567283410\t6937841205567283410\t1\t20.00\t2025-03-02 20:15:40\t已发货\t山西省\r\n";
        byte[] bytes = [0xFF, 0xFE, .. System.Text.Encoding.Unicode.GetBytes(text)];

        var receipt = await store.ImportAsync("unicode.txt", bytes);

        Assert.That(receipt.Landed, Is.True, receipt.ToText());
        Assert.That(receipt.Encoding, Is.EqualTo("UTF-16LE (BOM)"));
        Assert.That(store.Orders().Single().GmvFen, Is.EqualTo(2000L));
    }

    [Test]
    public async Task AnOrderDimensionExportHasOneLinePerOrder()
    {
        using var store = new TestStore();
        string[] header = ["主订单编号", "商品数量", "订单应付金额", "支付完成时间", "订单状态", "省"];
        var export = new ExportBytes(header, "-").Row(("主订单编号", "\t6937841205567283410"), ("商品数量", "3"), ("订单应付金额", "91.70"),
            ("支付完成时间", "2025-03-02 20:15:40"), ("订单状态", "已完成"), ("省", "山西省"));

        var receipt = await store.ImportAsync("orders.csv", export.Utf8WithBom());

        Assert.That(receipt.Layout, Is.EqualTo("订单维度 (6列)"));
        var line = store.Lines().Single();
        Assert.That((line.OrderId, line.LineId, line.AmountFen, line.Quantity), Is.EqualTo(("6937841205567283410", "6937841205567283410", 9170L, 3L)));
    }
}
