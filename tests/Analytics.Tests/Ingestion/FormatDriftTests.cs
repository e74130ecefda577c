using Analytics.Ingestion.Formats;
using Analytics.Store;
using Analytics.Tests.Support;

namespace Analytics.Tests.Ingestion;

/// <summary>
/// Platforms change their exports. A file of a known layout that lacks columns the layout always had, or carries columns it
/// never had, still lands, and its receipt says what changed, Chinese first.
/// </summary>
public sealed class FormatDriftTests
{
    private static string[] Without(IEnumerable<string> columns, string dropped) => columns.Where(c => c != dropped).ToArray();

    [Test]
    public async Task ADouyinExportThatLostOneColumnAndGainedAnotherSaysBoth()
    {
        using var store = new TestStore();
        string[] header = [.. Without(DouyinExport.Current74, "商品69码"), "直播间ID"];
        var export = new ExportBytes(header, "-").Row(("主订单编号", "\t6937841205567283410"), ("子订单编号", "\t6937841205567283410"),
            ("商品数量", "1"), ("订单应付金额", "20.00"), ("支付完成时间", "2025-03-02 20:15:40"), ("订单状态", "已发货"), ("直播间ID", "7001"));

        var receipt = await store.ImportAsync("1740931200_orders.csv", export.Utf8WithBom());

        Assert.That(receipt.Landed, Is.True, receipt.ToText());
        Assert.That((receipt.Layout, receipt.MissingColumns, receipt.NewColumns), Is.EqualTo(("商品维度 74列 (当前版)", "商品69码", "直播间ID")));
        Assert.That(receipt.ToText(), Does.Contain("  导出格式有变化：缺少列 “商品69码”；新增列 “直播间ID”"));
        Assert.That(receipt.ToText(english: true), Does.Contain("export layout changed: missing columns 商品69码; new columns 直播间ID"));
        using var connection = store.Store.Open();
        var logged = ImportLog.Find(connection, receipt.ImportId)!;
        Assert.That((logged.MissingColumns, logged.NewColumns), Is.EqualTo(("商品69码", "直播间ID")), "kept in the import log");
    }

    [Test]
    public async Task AJdExportWithAnAddedColumnSaysItIsNew()
    {
        using var store = new TestStore();
        string[] header = [.. JdExport.Classic30, "京东物流单号"];
        var export = new ExportBytes(header).Row(("订单号", "301"), ("商品ID", "100012345678"), ("订购数量", "1"), ("京东价", "10.00"),
            ("应付金额", "10.00"), ("付款确认时间", "2025-03-02 20:15:50"), ("订单状态", "完成"));

        var receipt = await store.ImportAsync("jd.csv", export.Gb18030());

        Assert.That((receipt.Layout, receipt.MissingColumns, receipt.NewColumns), Is.EqualTo(("订单导出 30列", "", "京东物流单号")));
        Assert.That(receipt.ToText(), Does.Contain("导出格式有变化：新增列 “京东物流单号”（").And.Not.Contain("缺少列"));
    }

    [Test]
    public async Task APddDefaultExportThatLostAColumnSaysItIsMissing()
    {
        using var store = new TestStore();
        var export = new ExportBytes(Without(PddExport.Default27, "分期方式")).Row(("商品", "富硒小米"), ("订单号", "250302-394857261038475"),
            ("订单状态", "已签收"), ("用户实付金额(元)", "26.90"), ("订单成交时间", "2025-03-02 21:05:33"));

        var receipt = await store.ImportAsync("pdd.csv", export.Utf8());

        Assert.That((receipt.Layout, receipt.MissingColumns, receipt.NewColumns), Is.EqualTo(("默认导出 27列", "分期方式", "")));
    }

    [Test]
    public async Task ATaobaoOrdersFileWithARenamedColumnSaysWhichWentAndWhichCame()
    {
        using var store = new TestStore();
        var header = TaobaoExport.Orders54.Select(c => c == "宝贝标题 " ? "商品标题" : c).ToArray();
        var export = new ExportBytes(header).Row(("订单编号", "=\"2345678901234567890\""), ("买家实际支付金额", "76.00"),
            ("订单付款时间 ", "2025-03-02 20:15:45"), ("订单状态", "交易成功"), ("退款金额", "0.00"));

        var receipt = await store.ImportAsync(TaobaoFiles.OrdersName, export.Gb18030(), "淘宝店");

        Assert.That((receipt.Layout, receipt.MissingColumns, receipt.NewColumns), Is.EqualTo(("订单报表 54列", "宝贝标题", "商品标题")));
    }

    [Test]
    public async Task AnExactLayoutAndACustomSelectionSayNothingChanged()
    {
        using var store = new TestStore();
        var exact = await store.ImportAsync(TaobaoFiles.OrdersName, TaobaoFiles.ThreeOrders(), "淘宝店");
        string[] custom = ["主订单编号", "子订单编号", "商品数量", "订单应付金额", "支付完成时间", "订单状态"];
        var selection = await store.ImportAsync("custom.csv", new ExportBytes(custom).Row(("主订单编号", "1"), ("子订单编号", "1"), ("商品数量", "1"),
            ("订单应付金额", "1.00"), ("支付完成时间", "2025-03-02 20:15:40"), ("订单状态", "已发货")).Utf8(), "抖音店");

        Assert.That((exact.MissingColumns, exact.NewColumns, selection.MissingColumns, selection.NewColumns), Is.EqualTo(("", "", "", "")));
        Assert.That(selection.Layout, Is.EqualTo("自定义报表 (6列)"));
        Assert.That(exact.ToText() + selection.ToText(), Does.Not.Contain("导出格式有变化"));
    }
}
