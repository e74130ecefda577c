using Analytics.Ingestion.Formats;
using Analytics.Tests.Support;

namespace Analytics.Tests.Ingestion;

/// <summary>Operators re-export overlapping periods every week: the same order imported twice is one order.</summary>
public sealed class ReimportTests
{
    private static ExportBytes Douyin(params (string Order, string Payable, string AfterSale)[] orders)
    {
        var export = new ExportBytes(DouyinExport.Current74, "-");
        foreach (var (order, payable, afterSale) in orders)
        {
            export.Row(("主订单编号", "\t" + order), ("子订单编号", "\t" + order), ("商品数量", "1"), ("订单应付金额", payable),
                ("支付完成时间", "2025-03-02 20:15:40"), ("订单状态", afterSale == "退款成功" ? "已关闭" : "已发货"), ("售后状态", afterSale), ("省", "山西省"));
        }
        return export;
    }

    [Test]
    public async Task ImportingTheSameFileAgainChangesNothingAndTheReceiptNeverReportsUpdatedRows()
    {
        using var store = new TestStore();
        var bytes = Douyin(("6937841205567283410", "20.00", "-"), ("6937841205567283411", "30.00", "-")).Utf8WithBom();
        var first = await store.ImportAsync("1740931200_a.csv", bytes);
        var before = store.Snapshot();

        var again = await store.ImportAsync("1740931200_a.csv", bytes);

        Assert.That((again.Status, again.LinesNew, again.LinesUpdated, again.LinesUnchanged), Is.EqualTo(("duplicate", 0, 0, 0)));
        Assert.That(again.SameFileImportId, Is.EqualTo(first.ImportId));
        Assert.That(again.ToText(), Does.Contain($"此文件与导入 #{first.ImportId} 内容完全相同").And.Not.Contain("更新"));
        Assert.That(store.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task AnOverlappingLaterExportReplacesOlderRowsAndTotalsNeverDouble()
    {
        using var store = new TestStore();
        await store.ImportAsync("1740931200_week1.csv", Douyin(("6937841205567283410", "20.00", "-"), ("6937841205567283411", "30.00", "-")).Utf8WithBom());

        var later = await store.ImportAsync("1741536000_week2.csv",
            Douyin(("6937841205567283411", "30.00", "退款成功"), ("6937841205567283412", "40.00", "-")).Utf8WithBom());

        Assert.That((later.LinesNew, later.LinesUpdated, later.LinesUnchanged), Is.EqualTo((1, 1, 0)));
        var orders = store.Orders();
        Assert.That(orders, Has.Count.EqualTo(3));
        Assert.That(orders.Sum(o => o.GmvFen), Is.EqualTo(9000L));
        Assert.That(orders.Single(o => o.OrderId == "6937841205567283411").RefundFen, Is.EqualTo(3000L), "the newer status wins");
    }

    [Test]
    public async Task AnOlderExportImportedLateDoesNotOverwriteNewerStatuses()
    {
        using var store = new TestStore();
        await store.ImportAsync("1741536000_newer.csv", Douyin(("6937841205567283411", "30.00", "退款成功")).Utf8WithBom());

        var older = await store.ImportAsync("1740931200_older.csv", Douyin(("6937841205567283411", "30.00", "-")).Utf8WithBom());

        Assert.That((older.LinesNew, older.LinesUpdated, older.LinesUnchanged, older.OrdersOlderKept), Is.EqualTo((0, 0, 0, 1)));
        Assert.That(older.ToText(), Does.Contain("比已存数据旧的订单 1 单：保留已存的较新数据"));
        var order = store.Orders().Single();
        Assert.That((order.RefundFen, order.Status), Is.EqualTo((3000L, "已关闭")));
    }

    [Test]
    public async Task AnOrderAlreadyStoredUnderAnotherShopOfThePlatformRejectsTheFileAsTheWrongShop()
    {
        using var store = new TestStore();
        await store.ImportAsync("a.csv", Douyin(("6937841205567283410", "20.00", "-")).Utf8WithBom(), shop: "店一");
        var before = store.Snapshot();

        // A later export of the same shop (not the same bytes, which would be a duplicate) given the wrong shop.
        var wrongShop = await store.ImportAsync("b.csv",
            Douyin(("6937841205567283410", "20.00", "-"), ("6937841205567283499", "25.00", "-")).Utf8WithBom(), shop: "店二");

        Assert.That(wrongShop.Rejected, Is.True);
        Assert.That(wrongShop.Reason, Does.Contain("订单 6937841205567283410 已在同一平台的店铺“店一”中"));
        Assert.That(store.Snapshot(), Is.EqualTo(before), "the order is not stored twice");
    }

    [Test]
    public async Task ALineRepeatedInOneFileIsStoredOnceAndTheRepeatReported()
    {
        using var store = new TestStore();
        var export = Douyin(("6937841205567283410", "20.00", "-"), ("6937841205567283410", "20.00", "退款成功"));

        var receipt = await store.ImportAsync("dup.csv", export.Utf8WithBom());

        Assert.That((receipt.LinesNew, receipt.RowsRejected), Is.EqualTo((1, 1)));
        Assert.That(receipt.Problems.Single().Reason, Does.Contain("在第3行又出现了一次"));
        Assert.That(receipt.Problems.Single().ReasonEn, Does.Contain("appears again on line 3"));
        var order = store.Orders().Single();
        Assert.That((order.GmvFen, order.RefundFen, order.LineCount), Is.EqualTo((2000L, 2000L, 1L)), "the later row wins and nothing doubles");
    }

    [Test]
    public async Task AnOrderWhoseSubOrdersAreSplitAcrossTheFileAddsUpOnce()
    {
        using var store = new TestStore();
        var export = new ExportBytes(DouyinExport.Current74, "-");
        foreach (var (orderId, line, payable) in new[] { ("6937841205567283410", "6937841205567283411", "20.00"), ("6937841205567283500", "6937841205567283500", "5.00"), ("6937841205567283410", "6937841205567283412", "30.00") })
        {
            export.Row(("主订单编号", "\t" + orderId), ("子订单编号", "\t" + line), ("商品数量", "1"), ("订单应付金额", payable),
                ("支付完成时间", "2025-03-02 20:15:40"), ("订单状态", "已发货"));
        }

        await store.ImportAsync("split.csv", export.Utf8WithBom());

        var order = store.Orders().Single(o => o.OrderId == "6937841205567283410");
        Assert.That((order.GmvFen, order.LineCount), Is.EqualTo((5000L, 2L)));
    }
}
