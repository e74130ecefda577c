using System.Text;
using Analytics.Api.Cli;
using Analytics.Ingestion.Formats;
using Analytics.Tests.Support;

namespace Analytics.Tests.Cli;

/// <summary>`import FILE... --db PATH --shop NAME`: a receipt per file; exit 0 all landed, 1 any rejected, 2 usage error.</summary>
public sealed class ImportCommandTests
{
    private static byte[] OneDouyinOrder() => new ExportBytes(DouyinExport.Current74, "-")
        .Row(("主订单编号", "\t6937841205567283410"), ("子订单编号", "\t6937841205567283410"), ("商品数量", "1"),
            ("订单应付金额", "20.00"), ("支付完成时间", "2025-03-02 20:15:40"), ("订单状态", "已发货"), ("省", "山西省"))
        .Utf8WithBom();

    /// <summary>Runs the executable's command line against the test store's database and buyer-key file.</summary>
    private static async Task<(int? ExitCode, string Output, string Errors)> Run(TestStore store, params string[] arguments)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        string[] args = [.. arguments, "--db", store.Options.DatabasePath, "--buyer-key-file", store.Options.BuyerKeyFile!];
        var outcome = await CommandLine.RunAsync(args, output, errors);
        return (outcome.ExitCode, output.ToString(), errors.ToString());
    }

    [Test]
    public async Task AGoodFileExitsZeroAndPrintsItsReceipt()
    {
        using var store = new TestStore();
        var file = store.Write("1740931200_orders.csv", OneDouyinOrder());

        var (exitCode, output, errors) = await Run(store, "import", file, "--shop", "店");

        Assert.That(exitCode, Is.EqualTo(0), errors);
        var lines = output.Split('\n');
        Assert.That(lines[0], Does.StartWith("新店铺已登记: 店 (抖音), 归属企业: 店"), "a shop named for the first time is announced first");
        Assert.That(lines[1], Does.StartWith("1740931200_orders.csv：已导入"));
        Assert.That(output, Does.Contain("订单行 新增 1，更新 0，未变 0"));
        Assert.That(errors, Is.Empty);
        Assert.That(store.Orders().Select(o => (o.Shop, o.OrderId)), Is.EqualTo(new[] { ("店", "6937841205567283410") }));
    }

    [Test]
    public async Task OneRejectedFileOfTwoExitsOneAndTheOtherStillLands()
    {
        using var store = new TestStore();
        var good = store.Write("good.csv", OneDouyinOrder());
        var bad = store.Write("bad.csv", Encoding.UTF8.GetBytes("动账时间,动账金额\n2025-03-02,10.00\n"));

        var (exitCode, output, _) = await Run(store, "import", bad, good, "--shop", "店");

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(output, Does.Contain("bad.csv：被拒收").And.Contain("good.csv：已导入")
            .And.Contain("共 2 个文件：导入 1 个，拒收 1 个"));
        Assert.That(store.Orders().Select(o => o.OrderId), Is.EqualTo(new[] { "6937841205567283410" }));
    }

    [Test]
    public async Task AFileThatLandsWithARejectedRowExitsOneAndNamesTheRow()
    {
        using var store = new TestStore();
        var file = store.Write("1740931200_orders.csv", new ExportBytes(DouyinExport.Current74, "-")
            .Row(("主订单编号", "\t6937841205567283410"), ("子订单编号", "\t6937841205567283410"), ("商品数量", "1"),
                ("订单应付金额", "20.00"), ("支付完成时间", "2025-03-02 20:15:40"), ("订单状态", "已发货"), ("省", "山西省"))
            .Row(("主订单编号", "\t6937841205567283411"), ("子订单编号", "\t6937841205567283411"), ("商品数量", "1"),
                ("订单应付金额", "二十元"), ("支付完成时间", "2025-03-02 20:16:40"), ("订单状态", "已发货"), ("省", "山西省"))
            .Utf8WithBom());

        var (exitCode, output, _) = await Run(store, "import", file, "--shop", "店", "--lang", "en");

        Assert.That(exitCode, Is.EqualTo(1), "a row left out is something the operator must look at");
        Assert.That(output, Does.Contain("imported").And.Contain("rows rejected 1").And.Contain("line 3"));
        Assert.That(store.Orders().Select(o => o.OrderId), Is.EqualTo(new[] { "6937841205567283410" }));
    }

    [Test]
    public async Task AnEnglishReceiptOnRequest()
    {
        using var store = new TestStore();
        var file = store.Write("1740931200_orders.csv", OneDouyinOrder());

        var (exitCode, output, _) = await Run(store, "import", file, "--shop", "店", "--lang", "en");

        Assert.That(exitCode, Is.EqualTo(0));
        Assert.That(output.Split('\n')[1], Does.StartWith("1740931200_orders.csv: imported"));
        Assert.That(output, Does.Contain("order lines new 1"));
    }

    [Test]
    public async Task NoFilesIsAUsageError()
    {
        using var store = new TestStore();

        var (exitCode, output, errors) = await Run(store, "import", "--shop", "店");

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(errors, Does.StartWith("import 至少需要一个导出文件。").And.Contain("Usage:"));
        Assert.That(output, Is.Empty);
    }

    [Test]
    public async Task AnUnknownOptionIsAUsageErrorNamingIt()
    {
        using var store = new TestStore();
        var file = store.Write("orders.csv", OneDouyinOrder());

        var (exitCode, output, errors) = await Run(store, "import", file, "--shpo", "店");

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(errors, Does.Contain("Unknown option --shpo").And.Contain("Usage:"));
        Assert.That(output, Is.Empty);
        Assert.That(store.Orders(), Is.Empty);
    }

    [Test]
    public async Task AMissingFileIsAUsageErrorAndNothingIsImported()
    {
        using var store = new TestStore();
        var good = store.Write("orders.csv", OneDouyinOrder());
        var missing = Path.Combine(store.Folder, "files", "no-such-export.csv");

        var (exitCode, output, errors) = await Run(store, "import", good, missing, "--shop", "店");

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(errors, Does.Contain($"File not found: {missing}").And.Contain("Usage:"));
        Assert.That(output, Is.Empty);
        Assert.That(store.Orders(), Is.Empty, "files are checked before any is imported");
    }
}
