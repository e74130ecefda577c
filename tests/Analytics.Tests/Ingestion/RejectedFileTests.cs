using System.Text;
using Analytics.Ingestion.Formats;
using Analytics.Store;
using Analytics.Tests.Support;

namespace Analytics.Tests.Ingestion;

/// <summary>A file that cannot be read lands not at all, says why, and is recorded; nothing already stored changes.</summary>
public sealed class RejectedFileTests
{
    private static byte[] OneDouyinOrder() => new ExportBytes(DouyinExport.Current74, "-")
        .Row(("主订单编号", "\t6937841205567283410"), ("子订单编号", "\t6937841205567283410"), ("商品数量", "1"),
            ("订单应付金额", "20.00"), ("支付完成时间", "2025-03-02 20:15:40"), ("订单状态", "已发货"))
        .Utf8WithBom();

    [Test]
    public async Task AFileThatIsNeitherUtf8NorGbkIsRejectedNamingTheLine()
    {
        using var store = new TestStore();
        await store.ImportAsync("good.csv", OneDouyinOrder());
        var before = store.Snapshot();
        byte[] broken = [.. Encoding.UTF8.GetBytes("主订单编号,订单状态\n1,已发货\n"), 0xFF, 0xFF, 0xFF, (byte)'\n'];

        var receipt = await store.ImportAsync("broken.csv", broken);

        Assert.That(receipt.Landed, Is.False);
        Assert.That(receipt.Reason, Does.Contain("既不是UTF-8文本，也不是GBK/GB18030文本").And.Contain("第3行"));
        Assert.That(receipt.ReasonEn, Does.Contain("neither UTF-8 nor GBK").And.Contain("line 3"));
        Assert.That(store.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task AFileWithNoKnownHeaderListsWhatIsRecognised()
    {
        using var store = new TestStore();

        var receipt = await store.ImportAsync("settlement.csv", Encoding.UTF8.GetBytes("动账时间,动账金额\n2025-03-02,10.00\n"));

        Assert.That(receipt.Landed, Is.False);
        Assert.That(receipt.Reason, Does.Contain("前20行中没有找到可识别的订单导出表头").And.Contain("“主订单编号”"));
        Assert.That(receipt.ReasonEn, Does.Contain("No known order-export header in the first 20 rows").And.Contain("主订单编号"));
    }

    [Test]
    public async Task AnExportMissingANeededColumnNamesIt()
    {
        using var store = new TestStore();

        var receipt = await store.ImportAsync("jd.csv", Encoding.UTF8.GetBytes("订单号,商品ID,订购数量,应付金额\n301,100,1,10.00\n"));

        Assert.That(receipt.Landed, Is.False);
        Assert.That(receipt.Reason, Does.Contain("第1行）缺少“付款确认时间”列"));
        Assert.That(receipt.ReasonEn, Does.Contain("has no column 付款确认时间"));
    }

    [Test]
    public async Task WithoutAShopTheFileIsRejectedAskingForShop()
    {
        using var store = new TestStore();

        var receipt = await store.ImportAsync("orders.csv", OneDouyinOrder(), shop: null);

        Assert.That(receipt.Landed, Is.False);
        Assert.That(receipt.Reason, Does.Contain("--shop"));
        Assert.That(store.Orders(), Is.Empty);
    }

    [Test]
    public async Task AShopNamedInATitleRowIsUsed()
    {
        using var store = new TestStore();
        var bytes = new ExportBytes(PddExport.Default27)
            .TitleLine("店铺：老醋坊特产拼多多店")
            .Row(("订单号", "250302-394857261038475"), ("商品", "醋糕"), ("用户实付金额(元)", "10.00"), ("订单状态", "已签收"), ("订单成交时间", "2025-03-02 10:00:00"))
            .Utf8();

        var receipt = await store.ImportAsync("pdd.csv", bytes, shop: null);

        Assert.That(receipt.Shop, Is.EqualTo("老醋坊特产拼多多店"));
        Assert.That(store.Orders().Single().Shop, Is.EqualTo("老醋坊特产拼多多店"));
    }

    [Test]
    public async Task EveryImportIsRecordedAndListedNewestFirst()
    {
        using var store = new TestStore();
        await store.ImportAsync("good.csv", OneDouyinOrder());
        await store.ImportAsync("bad.csv", Encoding.UTF8.GetBytes("nothing,here\n"));

        using var connection = store.Store.Open();
        var log = ImportLog.List(connection);

        Assert.That(log.Select(r => (r.FileName, r.Landed)), Is.EqualTo(new[] { ("bad.csv", false), ("good.csv", true) }));
        Assert.That(log[1].Sha256, Has.Length.EqualTo(64));
        Assert.That((log[1].Platform, log[1].Encoding, log[1].RowsRead, log[1].LinesNew), Is.EqualTo(("douyin", "UTF-8 (BOM)", 1, 1)));
    }
}
