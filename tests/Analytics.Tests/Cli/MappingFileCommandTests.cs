using Analytics.Api.Cli;
using Analytics.Api.Hosting;
using Analytics.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace Analytics.Tests.Cli;

/// <summary>A bad mapping file stops the command line and the service before anything is done, naming its file, line and reason.</summary>
public sealed class MappingFileCommandTests
{
    private static async Task<(int? ExitCode, string Output, string Errors)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var outcome = await CommandLine.RunAsync(args, output, errors);
        return (outcome.ExitCode, output.ToString(), errors.ToString());
    }

    private static string BadMapping(TemporaryFolder folder) =>
        MappingFiles.Write(folder.Path, "hefeng_mall.ini", MappingFiles.CountyMall.Replace("实付金额 = 行实付金额", "实付 = 行实付金额", StringComparison.Ordinal));

    private static int BadLine => MappingFiles.CountyMall.Split('\n').ToList().FindIndex(l => l.StartsWith("实付金额 =", StringComparison.Ordinal)) + 1;

    [Test]
    public async Task FormatsListsTheBuiltInReadersAndTheMappedPlatforms()
    {
        using var folder = new TemporaryFolder();
        MappingFiles.Write(folder.Path, "hefeng_mall.ini", MappingFiles.CountyMall);

        var (exitCode, output, errors) = await Run("formats", "--formats", folder.Path);

        Assert.That(exitCode, Is.EqualTo(0), errors);
        Assert.That(output, Does.Contain("kuaishou：快手小店订单导出（订单号、实付款、成交数量）；退款按状态推断（估算）；程序自带")
            .And.Contain("wechat：微信小店订单导出").And.Contain("lecuntao 乐村淘：乐村淘订单导出").And.Contain("xiaohongshu 小红书")
            .And.Contain($"hefeng_mall 禾丰优选：禾丰优选订单导出（商城订单号、商品编码、行实付金额）；退款按状态推断（估算）；映射文件 {Path.Combine(folder.Path, "hefeng_mall.ini")}"));
    }

    [Test]
    public async Task FormatsRefusesABadFileWithItsLineChineseFirst()
    {
        using var folder = new TemporaryFolder();
        var path = BadMapping(folder);

        var (exitCode, _, errors) = await Run("formats", "--formats", folder.Path);

        Assert.That(exitCode, Is.EqualTo(2));
        var lines = errors.TrimEnd().Split('\n');
        Assert.That(lines[0], Is.EqualTo($"映射文件 {path} 第{BadLine}行：“[列]”节中没有“实付”这一项。可用的项：订单号、订单行号、支付时间、下单时间、实付金额、实付金额口径、单价、数量、商品编号、商品名称、订单状态、售后状态、退款金额、退款金额口径、省、市、区、地址、买家账号、收货人、收货人电话。"));
        Assert.That(lines[1], Does.StartWith($"Mapping file {path} line {BadLine}: [列] has no key '实付'"));
    }

    [Test]
    public async Task ImportRefusesToStartWithABadMappingFileAndTouchesNoDatabase()
    {
        using var folder = new TemporaryFolder();
        using var store = new TestStore();
        BadMapping(folder);
        var export = store.Write("orders.csv", new ExportBytes(["订单号", "实付款", "成交数量", "订单支付时间", "订单状态"]).Utf8());

        var (exitCode, output, errors) = await Run("import", export, "--shop", "店", "--formats", folder.Path, "--db", store.Options.DatabasePath,
            "--buyer-key-file", store.Options.BuyerKeyFile!);

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(errors, Does.StartWith("映射文件 ").And.Contain($"第{BadLine}行"));
        Assert.That(output, Is.Empty);
        Assert.That(File.Exists(store.Options.DatabasePath), Is.False, "nothing was opened, let alone imported");
    }

    [Test]
    public void TheServiceRefusesToStartWithABadMappingFile()
    {
        using var folder = new TemporaryFolder();
        var path = BadMapping(folder);
        var settings = new ServiceSettings { DatabasePath = folder.File("analytics.db"), FormatsPath = folder.Path };
        var configuration = new ConfigurationBuilder().Build();

        var refused = Assert.Throws<StartRefusedException>(() => ServiceStart.Check(configuration, settings, [], createDatabaseFolder: false))!;

        Assert.That(refused.Message, Does.StartWith($"映射文件有误，服务没有启动：映射文件 {path} 第{BadLine}行：“[列]”节中没有“实付”这一项"));
        Assert.That(refused.Message, Does.Contain($"Mapping file {path} line {BadLine}"));
        Assert.That(File.Exists(settings.DatabasePath), Is.False);
    }

    [Test]
    public void ServeTakesTheMappingFolderAsTheFormatsPathSetting()
    {
        var arguments = CommandLine.ServeArguments(CommandOptions.Parse(["--formats", "/srv/县里的映射"]));

        Assert.That(arguments, Is.EqualTo(new[] { "--Formats:Path=/srv/县里的映射" }));
    }
}
