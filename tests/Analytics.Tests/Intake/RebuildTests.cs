using System.Diagnostics;
using Analytics.Api.Cli;
using Analytics.Ingestion.Importing;
using Analytics.Store;
using Analytics.Tests.Support;

namespace Analytics.Tests.Intake;

/// <summary>
/// Every landed file is kept in the archive by its SHA-256, and `rebuild` makes the database anew from the archive and
/// the import log — the same answers, the same log — swapping it in only once it is complete.
/// </summary>
public sealed class RebuildTests
{
    private static readonly DateOnly SampleFrom = new(2023, 3, 1), SampleTo = new(2023, 3, 14);

    /// <summary>Every committed sample, the Douyin chain with its middle link withdrawn, and a renamed shop.</summary>
    private static async Task<TestStore> AStoreWithHistory()
    {
        var store = new TestStore();
        foreach (var shopFolder in Directory.GetDirectories(SampleFiles.Folder()).Order(StringComparer.Ordinal))
        {
            var files = SampleFiles.Exports(shopFolder).Select(f => new ExportFile(f, Path.GetFileName(f))).ToList();
            var receipts = await store.Store.ImportAllAsync(files, new ImportRequest("test", Path.GetFileName(shopFolder)));
            Assert.That(receipts.Select(r => r.Landed), Is.All.True);
        }
        var chain = new List<ImportReceipt>();
        foreach (var (name, bytes) in OverlappingExports.DouyinChain())
            chain.Add(await store.ImportAsync(name, bytes, "禾丰富硒小米旗舰店"));
        await store.Store.WithdrawAsync(chain[1].ImportId, "测试");
        using (var connection = store.Store.Open())
            ShopRegistry.Rename(connection, "槐乡农品京东店", "槐乡农品京东旗舰店", "测试", "2026-12-01 10:00:00");
        return store;
    }

    private static async Task<(int? ExitCode, string Output, string Errors)> Rebuild(TestStore store)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var outcome = await CommandLine.RunAsync(["rebuild", "--db", store.Options.DatabasePath, "--buyer-key-file", store.Options.BuyerKeyFile!], output, errors);
        return (outcome.ExitCode, output.ToString(), errors.ToString());
    }

    private static async Task<SortedDictionary<string, string>> Answers(TestStore store)
    {
        var answers = await EndpointAnswers.OfAsync(store.Options.DatabasePath, SampleFrom, SampleTo);
        foreach (var (url, answer) in await EndpointAnswers.OfAsync(store.Options.DatabasePath, OverlappingExports.From, OverlappingExports.To))
            answers[url] = answer;
        return answers;
    }

    private static readonly List<Analytics.Ingestion.Formats.RowProblem> NoProblems = [];

    /// <summary>Each import's receipt, with its row problems as text (a record compares lists by reference).</summary>
    private static List<(ImportReceipt Receipt, string Problems)> Log(TestStore store)
    {
        using var connection = store.Store.Open();
        return ImportLog.List(connection, 1000)
            .Select(r => (r with { Problems = NoProblems }, string.Join("\n", ImportLog.Problems(connection, r.ImportId)))).ToList();
    }

    [Test]
    public async Task EveryLandedFileIsKeptByItsHashAndRejectedOnesAreNot()
    {
        using var store = new TestStore();
        var bytes = SampleFiles.Bytes("禾丰富硒谷物京东自营店", "jd_orders_2023-03-08.csv");
        var landed = await store.ImportAsync("jd_orders_2023-03-08.csv", bytes, "禾丰富硒谷物京东自营店");
        var rejected = await store.ImportAsync("statement.csv", "动账时间,动账金额\n2025-03-02,10.00\n"u8.ToArray());

        Assert.That(landed.ArchivedAs, Is.EqualTo($"{landed.Sha256[..2]}/{landed.Sha256}.csv"));
        Assert.That(File.ReadAllBytes(Path.Combine(store.Folder, "archive", landed.Sha256[..2], landed.Sha256 + ".csv")), Is.EqualTo(bytes));
        Assert.That(rejected.ArchivedAs, Is.Null);
        Assert.That(Directory.GetFiles(Path.Combine(store.Folder, "archive"), "*", SearchOption.AllDirectories), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task ARebuildFromTheArchiveAnswersExactlyAsTheDatabaseItReplaces()
    {
        using var store = await AStoreWithHistory();
        var answers = await Answers(store);
        var stored = store.Snapshot();
        var log = Log(store);

        var (exitCode, output, errors) = await Rebuild(store);

        Assert.That(exitCode, Is.EqualTo(0), errors + output);
        Assert.That(output, Does.Contain("重建完成").And.Contain("重建前：订单").And.Contain("重建后：订单"));
        var after = await Answers(store);
        Assert.That(after, Is.EqualTo(answers), EndpointAnswers.Differences(answers, after));
        Assert.That(store.Snapshot(), Is.EqualTo(stored), "every order and line, with the import that wrote it");
        Assert.That(Log(store), Is.EqualTo(log), "the import log, withdrawals included, is carried over");
        Assert.That(Directory.GetFiles(store.Folder, "analytics.db.before-rebuild-*"), Has.Length.EqualTo(1), "the old database is kept aside");
        using var connection = store.Store.Open();
        Assert.That(StoreEvents.List(connection).Select(e => e.Kind), Is.EqualTo(new[] { "rebuild", "shop-rename", "withdraw" }));
    }

    [Test]
    public async Task ARebuildRefusesWhenTheArchiveLacksALandedFileAndChangesNothing()
    {
        using var store = await AStoreWithHistory();
        var lost = Log(store).Select(r => r.Receipt).First(r => r.Landed);
        File.Delete(store.Store.Archive.FullPath(lost.ArchivedAs!));
        var stored = store.Snapshot();

        var (exitCode, _, errors) = await Rebuild(store);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(errors, Does.Contain($"#{lost.ImportId} {lost.FileName}").And.Contain("没有作任何更改"));
        Assert.That(store.Snapshot(), Is.EqualTo(stored));
        Assert.That(File.Exists(store.Options.DatabasePath + ".rebuilding"), Is.False);
    }

    [Test]
    public async Task ARebuildKilledHalfwayLeavesTheOldDatabaseServingAndTheNextOneSucceeds()
    {
        Assume.That(OperatingSystem.IsLinux(), "the kill point is held with a named pipe (mkfifo)");
        using var store = await AStoreWithHistory();
        var answers = await Answers(store);
        var stored = store.Snapshot();
        var log = Log(store).Select(r => r.Receipt).Where(r => r.Landed).OrderBy(r => r.ImportId).ToList();

        // The last landed file's archive copy (the rebuild replays in import order) becomes a named pipe: the rebuild blocks opening it, with every earlier
        // file already replayed, so the kill lands halfway every time, however fast the replay is.
        var lastArchived = store.Store.Archive.FullPath(log[^1].ArchivedAs!);
        var lastBytes = File.ReadAllBytes(lastArchived);
        File.Delete(lastArchived);
        using (var mkfifo = Process.Start("mkfifo", lastArchived))
            await mkfifo.WaitForExitAsync();

        using (var rebuild = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Analytics.Api.dll"), "rebuild", "--db", store.Options.DatabasePath, "--buyer-key-file", store.Options.BuyerKeyFile! },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!)
        {
            string? line;
            var theLast = $"重放 {log.Count}/{log.Count}";
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            using var _ = patience.Token.Register(() => rebuild.Kill(entireProcessTree: true));
            while ((line = await rebuild.StandardOutput.ReadLineAsync(patience.Token)) is not null && !line.Contains(theLast, StringComparison.Ordinal)) { }
            // The message is made only on failure: reading stderr to its end waits for the process to exit.
            Assert.That(line, Is.Not.Null, () => "the rebuild stopped early: " + rebuild.StandardError.ReadToEnd());
            await Task.Delay(200); // well inside the replay of the last file, which cannot finish
            Assert.That(rebuild.HasExited, Is.False, () => $"exit {rebuild.ExitCode}: {rebuild.StandardError.ReadToEnd()}");
            rebuild.Kill(entireProcessTree: true);
            await rebuild.WaitForExitAsync();
        }
        File.Delete(lastArchived);
        File.WriteAllBytes(lastArchived, lastBytes);

        Assert.That(Directory.GetFiles(store.Folder, "analytics.db.before-rebuild-*"), Is.Empty, "killed before the swap");
        Assert.That(File.Exists(store.Options.DatabasePath + ".rebuilding"), Is.True, "killed while building beside the old database");
        Assert.That(store.Snapshot(), Is.EqualTo(stored));
        var served = await Answers(store);
        Assert.That(served, Is.EqualTo(answers), EndpointAnswers.Differences(answers, served));
        var (exitCode, output, errors) = await Rebuild(store);
        Assert.That(exitCode, Is.EqualTo(0), errors + output);
        Assert.That(store.Snapshot(), Is.EqualTo(stored));
        Assert.That(File.Exists(store.Options.DatabasePath + ".rebuilding"), Is.False);
    }
}
