using System.IO.Compression;
using Analytics.Ingestion.Formats;
using Analytics.Tests.Support;
using static Analytics.Tests.Support.TaobaoFiles;

namespace Analytics.Tests.Ingestion;

/// <summary>
/// 抖店 and 千牛 hand out some downloads as zips. Each export in a zip is an import of its own with its own receipt, except
/// a 淘宝/天猫 pair, which is one; what cannot be read inside (a zip in the zip, a password) is refused with the reason.
/// </summary>
public sealed class ZipImportTests
{
    private const string Shop = "岷县特产天猫店";

    private static byte[] OneDouyinOrder(string orderId = "6937841205567283410") => new ExportBytes(DouyinExport.Current74, "-")
        .Row(("主订单编号", "\t" + orderId), ("子订单编号", "\t" + orderId), ("商品数量", "1"),
            ("订单应付金额", "20.00"), ("支付完成时间", "2025-03-02 20:15:40"), ("订单状态", "已发货"))
        .Utf8WithBom();

    [Test]
    public async Task ATaobaoPairInOneZipIsOneImportAndEveryOtherExportInItIsItsOwn()
    {
        using var store = new TestStore();
        var zip = ZipBytes.Of(($"导出/{OrdersName}", ThreeOrders()), ($"导出/{ItemsName}", ItemsOfThreeOrders()), ("说明.txt", "请查收"u8.ToArray()));

        var receipts = await store.ImportTogetherAsync(Shop, ("千牛导出.zip", zip));

        Assert.That(receipts.Select(r => (r.FileName, r.CompanionFileName, r.Status)), Is.EqualTo(new[]
        {
            (OrdersName, (string?)ItemsName, "landed"), ("说明.txt", null, "rejected"),
        }), "a .txt beside the exports is read as one, and refused for having no export header");
        Assert.That(store.Lines().Select(l => l.ProductId), Is.EquivalentTo(new[] { "MX-DG-100", "MX-HQ-250", "MX-HQ-250", "MX-DS-500" }));
    }

    [Test]
    public async Task EachDouyinExportInAZipLandsWithItsOwnReceipt()
    {
        using var store = new TestStore();
        var zip = ZipBytes.Of(("1740931200_orders.csv", OneDouyinOrder()), ("1740931800_orders.csv", OneDouyinOrder("6937841205567283999")));

        var receipts = await store.ImportTogetherAsync("抖音店", ("抖店导出.zip", zip));

        Assert.That(receipts.Select(r => (r.FileName, r.Landed, r.ExportedAt)), Is.EqualTo(new[]
        {
            ("1740931200_orders.csv", true, "2025-03-03 00:00:00"), ("1740931800_orders.csv", true, "2025-03-03 00:10:00"),
        }), "each member keeps its own name, and with it 抖店's export time");
        Assert.That(store.Orders(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task MemberNamesWrittenInGbkByChineseWindowsAreRead()
    {
        using var store = new TestStore();
        using var bytes = new MemoryStream();
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true, ExportBytes.Gbk))
        {
            using var entry = zip.CreateEntry("三月订单.csv").Open();
            entry.Write(OneDouyinOrder());
        }

        var receipts = await store.ImportTogetherAsync("抖音店", ("export.zip", bytes.ToArray()));

        Assert.That(receipts.Single().FileName, Is.EqualTo("三月订单.csv"));
    }

    [Test]
    public async Task AZipInsideAZipIsRefusedWithTheReasonAndTheRestLands()
    {
        using var store = new TestStore();
        var inner = ZipBytes.Of(("1740931200_orders.csv", OneDouyinOrder()));
        var zip = ZipBytes.Of(("里层.zip", inner), ("1740931800_orders.csv", OneDouyinOrder("6937841205567283999")));

        var receipts = await store.ImportTogetherAsync("抖音店", ("外层.zip", zip));

        Assert.That(receipts.Select(r => (r.FileName, r.Status)), Is.EqualTo(new[] { ("里层.zip", "rejected"), ("1740931800_orders.csv", "landed") }));
        Assert.That(receipts[0].Reason, Is.EqualTo("压缩包“外层.zip”里又套了一个压缩包“里层.zip”，不能直接导入。请先解压，再导入里面的导出文件。"));
        Assert.That(receipts[0].ReasonEn, Does.Contain("holds another zip"));
        Assert.That(receipts[0].ImportId, Is.Positive, "the refusal is in the import log");
        Assert.That(store.Orders().Select(o => o.OrderId), Is.EqualTo(new[] { "6937841205567283999" }));
    }

    [Test]
    public async Task AnEncryptedZipIsRefusedSayingItHasAPassword()
    {
        using var store = new TestStore();
        var zip = ZipBytes.Encrypted(("1740931200_orders.csv", OneDouyinOrder()));

        var receipts = await store.ImportTogetherAsync("抖音店", ("加密.zip", zip));

        Assert.That(receipts.Single().Rejected, Is.True);
        Assert.That(receipts.Single().Reason, Does.Contain("压缩包“加密.zip”中的“1740931200_orders.csv”设置了密码"));
        Assert.That(store.Orders(), Is.Empty);
    }

    [Test]
    public async Task AZipThatIsNotWholeIsRefusedAsStillDownloading()
    {
        using var store = new TestStore();
        var zip = ZipBytes.Of(("1740931200_orders.csv", OneDouyinOrder()));

        var receipts = await store.ImportTogetherAsync("抖音店", ("半个.zip", zip[..(zip.Length / 2)]));

        Assert.That(receipts.Single().Reason, Does.Contain("不是完整的压缩包（可能还在下载中"));
    }

    [Test]
    public async Task AZipGivenAsOneExportFileIsRefusedSayingHowToImportIt()
    {
        using var store = new TestStore();

        var receipt = await store.ImportAsync("导出.zip", ZipBytes.Of(("1740931200_orders.csv", OneDouyinOrder())), "抖音店");

        Assert.That(receipt.Reason, Does.StartWith("“导出.zip”是压缩包，不是导出文件"));
    }

    [Test]
    public async Task TheCommandLineImportsAZipAndAPairAmongOtherFiles()
    {
        using var store = new TestStore();
        var workbook = Workbook.Create(("Sheet1", ["订单编号", "买家实付金额", "订单状态", "订单付款时间", "退款金额"],
            [["2345678901234560001", "40.00", "交易成功", "2025-03-12 21:00:00", "0.00"]]));
        var zip = store.Write("千牛.zip", ZipBytes.Of(("ExportOrderList202503151020.xlsx", workbook)));
        var orders = store.Write(OrdersName, ThreeOrders());
        var items = store.Write(ItemsName, ItemsOfThreeOrders());
        using var output = new StringWriter();

        var outcome = await Analytics.Api.Cli.CommandLine.RunAsync(
            ["import", items, zip, orders, "--shop", Shop, "--db", store.Options.DatabasePath, "--buyer-key-file", store.Options.BuyerKeyFile!],
            output, TextWriter.Null);

        Assert.That(outcome.ExitCode, Is.Zero, output.ToString());
        Assert.That(output.ToString(), Does.Contain("ExportOrderList202503151020.xlsx：已导入").And.Contain($"{OrdersName} + {ItemsName}：已导入")
            .And.Contain("共 2 次导入（3 个文件）：导入 2 个，拒收 0 个"));
        Assert.That(store.Orders(), Has.Count.EqualTo(4));
    }
}
