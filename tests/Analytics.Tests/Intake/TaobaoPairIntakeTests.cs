using Analytics.Api.Cli;
using Analytics.Ingestion.Importing;
using Analytics.Store;
using Analytics.Tests.Support;
using static Analytics.Tests.Support.TaobaoFiles;

namespace Analytics.Tests.Intake;

/// <summary>
/// An import of two files keeps both in the archive, so withdrawing it or rebuilding the database replays the pair as it
/// landed; an items file that completed stored orders replays after them, and is taken back on its own.
/// </summary>
public sealed class TaobaoPairIntakeTests
{
    private const string Tmall = "岷县特产天猫店", Taobao = "岷县特产淘宝店";
    private static readonly DateOnly From = new(2025, 3, 1), To = new(2025, 3, 31);

    /// <summary>A week later: the first order partly refunded, and a new order.</summary>
    private static byte[] LaterOrders() => Orders()
        .Row(Order("2345678901234567890", "59.80", refund: "16.20"))
        .Row(Order("2345678901234567893", "30.00", buyer: "示例买家01", paidAt: "2025-03-10 08:00:00"))
        .Gb18030();

    private const string LaterName = "ExportOrderList202503151020.csv";

    private static async Task<IReadOnlyList<ImportReceipt>> Landed(Task<IReadOnlyList<ImportReceipt>> import)
    {
        var receipts = await import;
        Assert.That(receipts.Where(r => !r.Landed || r.RowsRejected > 0).Select(r => r.ToText()), Is.Empty);
        return receipts;
    }

    private static async Task AssertSameFigures(TestStore expected, TestStore actual)
    {
        var want = await EndpointAnswers.OfAsync(expected.Options.DatabasePath, From, To);
        var got = await EndpointAnswers.OfAsync(actual.Options.DatabasePath, From, To);
        Assert.That(got, Is.EqualTo(want), EndpointAnswers.Differences(want, got));
        var raw = await EndpointAnswers.OfAsync(actual.Options.DatabasePath, From, To, raw: true);
        Assert.That(raw, Is.EqualTo(got), "the rollups equal their definition: " + EndpointAnswers.Differences(raw, got));
        Assert.That(actual.Orders(), Is.EqualTo(expected.Orders()));
        Assert.That(actual.Lines(), Is.EqualTo(expected.Lines()));
    }

    [Test]
    public async Task BothFilesOfAPairAreKeptInTheArchive()
    {
        using var store = new TestStore();

        var receipt = (await Landed(store.ImportTogetherAsync(Tmall, (OrdersName, ThreeOrders()), (ItemsName, ItemsOfThreeOrders())))).Single();

        Assert.That(receipt.CompanionArchivedAs, Is.EqualTo($"{receipt.CompanionSha256![..2]}/{receipt.CompanionSha256}.csv"));
        Assert.That(File.ReadAllBytes(store.Store.Archive.FullPath(receipt.CompanionArchivedAs!)), Is.EqualTo(ItemsOfThreeOrders()));
        Assert.That(File.ReadAllBytes(store.Store.Archive.FullPath(receipt.ArchivedAs!)), Is.EqualTo(ThreeOrders()));
        using var connection = store.Store.Open();
        var logged = ImportLog.Find(connection, receipt.ImportId)!;
        Assert.That((logged.CompanionFileName, logged.CompanionSha256, logged.CompanionArchivedAs),
            Is.EqualTo((ItemsName, receipt.CompanionSha256, receipt.CompanionArchivedAs)), "the import log says where the second file is");
    }

    [Test]
    public async Task ThePairAgainIsADuplicateButTheOrdersFileAloneAfterItIsNot()
    {
        using var store = new TestStore();
        var first = (await Landed(store.ImportTogetherAsync(Tmall, (OrdersName, ThreeOrders()), (ItemsName, ItemsOfThreeOrders())))).Single();
        var lines = store.Lines();

        var again = (await store.ImportTogetherAsync(Tmall, (ItemsName, ItemsOfThreeOrders()), (OrdersName, ThreeOrders()))).Single();
        var ordersAlone = await store.ImportAsync(OrdersName, ThreeOrders(), Tmall);

        Assert.That((again.Status, again.SameFileImportId), Is.EqualTo((ImportStatus.Duplicate, (long?)first.ImportId)));
        Assert.That(ordersAlone.Status, Is.EqualTo(ImportStatus.Landed), "these bytes landed with their items, not alone");
        Assert.That((ordersAlone.LinesUnchanged, ordersAlone.OrdersWithoutItems), Is.EqualTo((4, 0)), "the stored items stay: " + ordersAlone.ToText());
        Assert.That(store.Lines(), Is.EqualTo(lines));
    }

    [Test]
    public async Task WithdrawingAPairGivesWhatTheOtherImportsGive()
    {
        using var withdrawn = new TestStore();
        var pair = (await Landed(withdrawn.ImportTogetherAsync(Tmall, (OrdersName, ThreeOrders()), (ItemsName, ItemsOfThreeOrders())))).Single();
        await withdrawn.ImportAsync(LaterName, LaterOrders(), Tmall);
        using var others = new TestStore();
        await others.ImportAsync(LaterName, LaterOrders(), Tmall);

        await withdrawn.Store.WithdrawAsync(pair.ImportId, "测试");

        await AssertSameFigures(others, withdrawn);
    }

    [Test]
    public async Task WithdrawingTheLaterOrdersFileReplaysThePairFromBothArchivedFiles()
    {
        using var withdrawn = new TestStore();
        await Landed(withdrawn.ImportTogetherAsync(Tmall, (OrdersName, ThreeOrders()), (ItemsName, ItemsOfThreeOrders())));
        var later = await withdrawn.ImportAsync(LaterName, LaterOrders(), Tmall);
        using var others = new TestStore();
        await Landed(others.ImportTogetherAsync(Tmall, (OrdersName, ThreeOrders()), (ItemsName, ItemsOfThreeOrders())));

        await withdrawn.Store.WithdrawAsync(later.ImportId, "测试");

        await AssertSameFigures(others, withdrawn);
        Assert.That(withdrawn.Lines().Select(l => l.LineId), Does.Not.Contain(Analytics.Ingestion.Orders.OrderLine.OrderLevelLineId));
    }

    [Test]
    public async Task WithdrawingTheItemsFileBringsBackTheOrderLevelLines()
    {
        using var withdrawn = new TestStore();
        await withdrawn.ImportAsync(OrdersName, ThreeOrders(), Taobao);
        var items = await withdrawn.ImportAsync(ItemsName, ItemsOfThreeOrders(), Taobao);
        using var ordersOnly = new TestStore();
        await ordersOnly.ImportAsync(OrdersName, ThreeOrders(), Taobao);

        await withdrawn.Store.WithdrawAsync(items.ImportId, "测试");

        await AssertSameFigures(ordersOnly, withdrawn);
    }

    [Test]
    public async Task WithdrawingTheOrdersFileTakesTheItemsItsOrdersGotWithIt()
    {
        using var store = new TestStore();
        var orders = await store.ImportAsync(OrdersName, ThreeOrders(), Taobao);
        await store.ImportAsync(ItemsName, ItemsOfThreeOrders(), Taobao);

        await store.Store.WithdrawAsync(orders.ImportId, "测试");

        Assert.That((store.Orders().Count, store.Lines().Count), Is.EqualTo((0, 0)), "items alone have no order to count in");
    }

    [Test]
    public async Task ARebuildReplaysPairsAndCompletionsAsTheyLanded()
    {
        using var store = new TestStore();
        await Landed(store.ImportTogetherAsync(Tmall, (OrdersName, ThreeOrders()), (ItemsName, ItemsOfThreeOrders())));
        await store.ImportAsync(LaterName, LaterOrders(), Tmall);
        await store.ImportAsync("ExportOrderList202503081200.csv", ThreeOrders("234567890123456780"), Taobao);
        await store.ImportAsync("ExportOrderDetailList202503081200.csv", ItemsOfThreeOrders("234567890123456780"), Taobao);
        var answers = await EndpointAnswers.OfAsync(store.Options.DatabasePath, From, To);
        var stored = store.Snapshot();

        using var output = new StringWriter();
        using var errors = new StringWriter();
        var outcome = await CommandLine.RunAsync(["rebuild", "--db", store.Options.DatabasePath, "--buyer-key-file", store.Options.BuyerKeyFile!], output, errors);

        Assert.That(outcome.ExitCode, Is.Zero, errors.ToString() + output);
        var after = await EndpointAnswers.OfAsync(store.Options.DatabasePath, From, To);
        Assert.That(after, Is.EqualTo(answers), EndpointAnswers.Differences(answers, after));
        Assert.That(store.Snapshot(), Is.EqualTo(stored), "every order and line, with the import that wrote it");
    }

    [Test]
    public async Task ARebuildRefusesWhenThePairsSecondFileIsMissingFromTheArchive()
    {
        using var store = new TestStore();
        var pair = (await Landed(store.ImportTogetherAsync(Tmall, (OrdersName, ThreeOrders()), (ItemsName, ItemsOfThreeOrders())))).Single();
        File.Delete(store.Store.Archive.FullPath(pair.CompanionArchivedAs!));

        using var errors = new StringWriter();
        var outcome = await CommandLine.RunAsync(["rebuild", "--db", store.Options.DatabasePath, "--buyer-key-file", store.Options.BuyerKeyFile!], TextWriter.Null, errors);

        Assert.That(outcome.ExitCode, Is.EqualTo(1));
        Assert.That(errors.ToString(), Does.Contain($"#{pair.ImportId} {OrdersName}").And.Contain("没有作任何更改"));
    }
}
