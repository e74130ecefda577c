using Analytics.Ingestion.Importing;
using Analytics.Tests.Support;

namespace Analytics.Tests.Intake;

/// <summary>
/// Which version of an order wins comes from the data — the export time a file states, else the latest time in the
/// order's rows, then the latest time in the file — never from the order in which files happen to be imported.
/// The committed samples: each shop's 03-08 export, then its 03-15 export of later states (完成, 已签收, 退款成功).
/// </summary>
public sealed class OrderVersionTests
{
    private static readonly object[] Shops =
    [
        new object[] { "禾丰富硒谷物京东自营店", "jd_orders_2023-03-08.csv", "jd_orders_2023-03-15.csv" },
        new object[] { "槐乡农品京东店", "jd_orders_2023-03-08.csv", "jd_orders_2023-03-15.csv" },
        new object[] { "禾丰小米杂粮拼多多店", "pdd_orders_2023-03-08.csv", "pdd_orders_2023-03-15.csv" },
        new object[] { "老醋坊特产拼多多店", "pdd_orders_2023-03-08.xlsx", "pdd_orders_2023-03-15.xlsx" },
        new object[] { "禾丰富硒小米旗舰店", "1678243395_orders.csv", "1678848782_orders.csv" },
        new object[] { "老醋坊醋糕直播间", "1678238268_orders.csv", "1678847973_orders.csv" },
    ];

    private static readonly object[] TextShops = Shops.Where(s => ((string)((object[])s)[1]).EndsWith(".csv", StringComparison.Ordinal)).ToArray();

    [TestCaseSource(nameof(Shops))]
    public async Task EarlyLateEarlyLeavesTheLateStateAndTheSameBytesReportNoUpdatedRows(string shop, string early, string late)
    {
        using var store = new TestStore();
        var first = await store.ImportAsync(early, SampleFiles.Bytes(shop, early), shop);
        var second = await store.ImportAsync(late, SampleFiles.Bytes(shop, late), shop);
        Assert.That(second.LinesUpdated, Is.Positive, "the later export changes orders of the earlier one");
        var lateState = store.Snapshot();

        var again = await store.ImportAsync(early, SampleFiles.Bytes(shop, early), shop);

        Assert.That(again.Status, Is.EqualTo(ImportStatus.Duplicate), again.ToText());
        Assert.That((again.LinesNew, again.LinesUpdated, again.LinesUnchanged), Is.EqualTo((0, 0, 0)));
        Assert.That(again.SameFileImportId, Is.EqualTo(first.ImportId));
        Assert.That(again.ToText(), Does.Contain($"与导入 #{first.ImportId} 内容完全相同").And.Not.Contain("更新"));
        Assert.That(store.Snapshot(), Is.EqualTo(lateState));
    }

    [TestCaseSource(nameof(TextShops))]
    public async Task AnOlderExportInOtherBytesImportedLastChangesNothingAndSaysSo(string shop, string early, string late)
    {
        using var store = new TestStore();
        await store.ImportAsync(early, SampleFiles.Bytes(shop, early), shop);
        await store.ImportAsync(late, SampleFiles.Bytes(shop, late), shop);
        var lateState = store.Snapshot();

        var resaved = await store.ImportAsync(early, SampleFiles.ReEncoded(shop, early), shop);

        Assert.That(resaved.Landed, Is.True, resaved.ToText());
        Assert.That((resaved.LinesNew, resaved.LinesUpdated), Is.EqualTo((0, 0)), resaved.ToText());
        Assert.That(resaved.OrdersOlderKept, Is.Positive);
        Assert.That(resaved.ToText(), Does.Contain($"比已存数据旧的订单 {resaved.OrdersOlderKept} 单：保留已存的较新数据"));
        Assert.That(store.Snapshot(), Is.EqualTo(lateState));
    }

    [TestCaseSource(nameof(Shops))]
    public async Task TheLaterExportWinsWhicheverIsImportedFirst(string shop, string early, string late)
    {
        using var inOrder = new TestStore();
        await inOrder.ImportAsync(early, SampleFiles.Bytes(shop, early), shop);
        await inOrder.ImportAsync(late, SampleFiles.Bytes(shop, late), shop);
        using var reversed = new TestStore();
        await reversed.ImportAsync(late, SampleFiles.Bytes(shop, late), shop);

        var older = await reversed.ImportAsync(early, SampleFiles.Bytes(shop, early), shop);

        Assert.That(older.LinesUpdated, Is.Zero, older.ToText());
        Assert.That(Figures(reversed), Is.EqualTo(Figures(inOrder)));
    }

    /// <summary>Every stored fact of every order and line, without which import wrote it.</summary>
    private static List<string> Figures(TestStore store) =>
        store.Orders().Select(o => o.ToString())
            .Concat(store.Lines().Select(l => l.ToString())).ToList();
}
