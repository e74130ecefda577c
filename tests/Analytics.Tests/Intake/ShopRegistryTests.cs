using Analytics.Api.Cli;
using Analytics.Ingestion.Importing;
using Analytics.Store;
using Analytics.Tests.Support;

namespace Analytics.Tests.Intake;

/// <summary>Shops are a registry: a shop keeps its platform, a new name is registered loudly, a typo is merged away.</summary>
public sealed class ShopRegistryTests
{
    private const string JdShop = "禾丰富硒谷物京东自营店";
    private const string DouyinShop = "禾丰富硒小米旗舰店";
    private const string Early = "jd_orders_2023-03-08.csv", Late = "jd_orders_2023-03-15.csv";

    private static async Task<(int? ExitCode, string Output, string Errors)> Cli(TestStore store, params string[] arguments)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var outcome = await CommandLine.RunAsync([.. arguments, "--db", store.Options.DatabasePath, "--buyer-key-file", store.Options.BuyerKeyFile!], output, errors);
        return (outcome.ExitCode, output.ToString(), errors.ToString());
    }

    private static IReadOnlyList<ShopListing> Shops(TestStore store)
    {
        using var connection = store.Store.Open();
        return ShopRegistry.List(connection);
    }

    [Test]
    public async Task AFileOfAnotherPlatformForARegisteredShopIsRejectedWholeNamingBothPlatforms()
    {
        using var store = new TestStore();
        await store.ImportAsync(Early, SampleFiles.Bytes(JdShop, Early), JdShop);
        var before = store.Snapshot();
        var shopsBefore = Shops(store);

        var receipt = await store.ImportAsync("1678243395_orders.csv", SampleFiles.Bytes(DouyinShop, "1678243395_orders.csv"), JdShop);

        Assert.That(receipt.Rejected, Is.True, receipt.ToText());
        Assert.That(receipt.Reason, Does.Contain($"店铺“{JdShop}”登记在京东").And.Contain("抖音的订单导出"));
        Assert.That(receipt.ReasonEn, Does.Contain("registered on jd").And.Contain("douyin"));
        Assert.That(store.Snapshot(), Is.EqualTo(before));
        Assert.That(Shops(store), Is.EqualTo(shopsBefore));
    }

    [Test]
    public async Task AnUnknownShopIsRegisteredOnTheFilesPlatformAndTheReceiptSaysSoOnItsFirstLine()
    {
        using var store = new TestStore();

        var receipt = await store.ImportAsync(Early, SampleFiles.Bytes("槐乡农品京东店", Early), "槐乡农品京东");
        var next = await store.ImportAsync(Late, SampleFiles.Bytes("槐乡农品京东店", Late), "槐乡农品京东");

        Assert.That(receipt is { Landed: true, ShopRegistered: true }, Is.True, receipt.ToText());
        Assert.That(receipt.ToText().Split('\n')[0], Is.EqualTo("新店铺已登记: 槐乡农品京东 (京东), 归属企业: 槐乡农品京东（如店铺名输错，请用 shops merge 并入正确的店铺）"));
        Assert.That(receipt.ToText(english: true).Split('\n')[0], Does.StartWith("NEW SHOP REGISTERED: 槐乡农品京东 (jd)"));
        Assert.That(next.ShopRegistered, Is.False);
        Assert.That(next.ToText(), Does.Not.Contain("新店铺"));
        var registered = Shops(store).Single(s => s.Shop == "槐乡农品京东");
        Assert.That((registered.Platform, registered.Enterprise, registered.RegisteredBy, registered.Imports), Is.EqualTo(("jd", "槐乡农品京东", "import", 2L)));
    }

    [Test]
    public async Task AnExportWhoseOrdersAreStoredUnderAnotherShopOfThePlatformIsRejected()
    {
        using var store = new TestStore();
        await store.ImportAsync(Early, SampleFiles.Bytes(JdShop, Early), JdShop);
        var before = store.Snapshot();

        var receipt = await store.ImportAsync(Late, SampleFiles.Bytes(JdShop, Late), "槐乡农品京东店");

        Assert.That(receipt.Rejected, Is.True, receipt.ToText());
        Assert.That(receipt.Reason, Does.Contain($"已在同一平台的店铺“{JdShop}”中").And.Contain("选错了店铺"));
        Assert.That(store.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task TheSameFileGivenAnotherShopChangesNothing()
    {
        using var store = new TestStore();
        var first = await store.ImportAsync(Early, SampleFiles.Bytes(JdShop, Early), JdShop);
        var before = store.Snapshot();

        var again = await store.ImportAsync(Early, SampleFiles.Bytes(JdShop, Early), "槐乡农品京东店");

        Assert.That((again.Status, again.SameFileImportId, again.Shop), Is.EqualTo((ImportStatus.Duplicate, (long?)first.ImportId, JdShop)));
        Assert.That(store.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task AFileWhoseTitleNamesAnotherShopIsRejectedWithBothNames()
    {
        using var store = new TestStore();
        var bytes = new ExportBytes(Analytics.Ingestion.Formats.PddExport.Default27)
            .TitleLine("店铺：禾丰小米杂粮拼多多店")
            .Row(("商品", "富硒小米 5斤"), ("订单号", "230302-181830748249075"), ("订单状态", "待发货"), ("用户实付金额(元)", "79.8"),
                ("商品数量(件)", "1"), ("订单成交时间", "2023-03-02 18:18:30"))
            .Utf8();

        var wrong = await store.ImportAsync("pdd.csv", bytes, "乡味优选拼多多店");
        var right = await store.ImportAsync("pdd.csv", bytes, "禾丰小米杂粮拼多多店");

        Assert.That(wrong.Rejected, Is.True);
        Assert.That(wrong.Reason, Does.Contain("“禾丰小米杂粮拼多多店”").And.Contain("“乡味优选拼多多店”"));
        Assert.That(right.Landed, Is.True, right.ToText());
    }

    [Test]
    public async Task MergingATypoIntoItsShopMovesEveryOrderAndKeepsTheTotals()
    {
        using var expected = new TestStore();
        await expected.ImportAsync(Early, SampleFiles.Bytes(JdShop, Early), JdShop);
        await expected.ImportAsync(Late, SampleFiles.Bytes(JdShop, Late), JdShop);
        using var store = new TestStore();
        await store.ImportAsync(Early, SampleFiles.Bytes(JdShop, Early), "禾丰富硒谷物京东");
        Assert.That((await store.ImportAsync(Late, SampleFiles.Bytes(JdShop, Late), JdShop)).Rejected, Is.True, "its orders sit under the typo");

        var (exitCode, output, errors) = await Cli(store, "shops", "merge", "禾丰富硒谷物京东", JdShop);
        var late = await store.ImportAsync(Late, SampleFiles.Bytes(JdShop, Late), JdShop);
        var typoAgain = await store.ImportAsync("again.csv", SampleFiles.ReEncoded(JdShop, Late), "禾丰富硒谷物京东");

        Assert.That(exitCode, Is.EqualTo(0), errors);
        Assert.That(output, Does.Contain("已并入"));
        Assert.That(late.Landed, Is.True, late.ToText());
        Assert.That((typoAgain.Shop, typoAgain.ShopNamedAs), Is.EqualTo((JdShop, "禾丰富硒谷物京东")), "an old name lands in the shop it became");
        Assert.That(Shops(store).Select(s => s.Shop), Does.Not.Contain("禾丰富硒谷物京东"));
        Assert.That(Shops(store).Single(s => s.Shop == JdShop).FormerNames, Is.EqualTo("禾丰富硒谷物京东"));
        Assert.That(store.Orders(), Is.EqualTo(expected.Orders()));
        Assert.That(await EndpointAnswers.OfAsync(store.Options.DatabasePath, new(2023, 3, 1), new(2023, 3, 14)),
            Is.EqualTo(await EndpointAnswers.OfAsync(expected.Options.DatabasePath, new(2023, 3, 1), new(2023, 3, 14))));
    }

    [Test]
    public async Task ShopsOfDifferentPlatformsCannotBeMergedAndUnknownShopsAreNamed()
    {
        using var store = new TestStore();
        await store.ImportAsync(Early, SampleFiles.Bytes(JdShop, Early), JdShop);
        var before = store.Snapshot();

        var acrossPlatforms = await Cli(store, "shops", "merge", JdShop, DouyinShop);
        var unknown = await Cli(store, "shops", "merge", "没有这个店", JdShop);

        Assert.That(acrossPlatforms.ExitCode, Is.EqualTo(1));
        Assert.That(acrossPlatforms.Errors, Does.Contain("不同平台的店铺不能合并"));
        Assert.That(unknown.ExitCode, Is.EqualTo(1));
        Assert.That(unknown.Errors, Does.Contain("没有登记名为“没有这个店”的店铺"));
        Assert.That(store.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task ARenamedShopKeepsItsOrdersAndTheSeedsDoNotBringTheOldNameBack()
    {
        using var store = new TestStore();
        await store.ImportAsync(Early, SampleFiles.Bytes(JdShop, Early), JdShop);
        var orders = store.Orders().Count;

        var (exitCode, _, errors) = await Cli(store, "shops", "rename", JdShop, "禾丰富硒京东自营店");
        using var reopened = new AnalyticsStore(store.Options, TimeProvider.System); // start-up loads seeds/shops.csv again
        using (reopened.Open()) { }

        Assert.That(exitCode, Is.EqualTo(0), errors);
        Assert.That(store.Orders().Select(o => o.Shop).Distinct(), Is.EqualTo(new[] { "禾丰富硒京东自营店" }));
        Assert.That(store.Orders(), Has.Count.EqualTo(orders));
        var shops = Shops(store);
        Assert.That(shops.Select(s => s.Shop), Does.Not.Contain(JdShop));
        Assert.That(shops.Single(s => s.Shop == "禾丰富硒京东自营店").Enterprise, Is.EqualTo("禾丰县富硒谷物农业专业合作社"), "the enterprise stays with the shop");
    }

    [Test]
    public async Task ShopsAddRegistersAShopWithItsEnterpriseAndRefusesATakenName()
    {
        using var store = new TestStore();

        var added = await Cli(store, "shops", "add", "禾丰槐花饼快手店", "--platform", "快手", "--enterprise", "禾丰槐花食品有限公司");
        var again = await Cli(store, "shops", "add", "禾丰槐花饼快手店", "--platform", "kuaishou");
        var unknownPlatform = await Cli(store, "shops", "add", "某店", "--platform", "某平台");
        var list = await Cli(store, "shops", "list");

        Assert.That(added.ExitCode, Is.EqualTo(0), added.Errors);
        Assert.That(again.ExitCode, Is.EqualTo(1));
        Assert.That(again.Errors, Does.Contain("已登记"));
        Assert.That(unknownPlatform.ExitCode, Is.EqualTo(2));
        Assert.That(list.Output, Does.Contain("快手\t禾丰槐花饼快手店\t禾丰槐花食品有限公司\t0\t0\tcli"));
    }
}
