using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Api.Cli;
using Analytics.Store;
using Analytics.Store.Backups;
using Analytics.Tests.Api;
using Analytics.Tests.Support;

namespace Analytics.Tests.Backups;

/// <summary>
/// backup while the service runs and imports, then restore: the same figures and the same import log as at the moment
/// of the backup, with the archive and the buyer key put back beside the database.
/// </summary>
public sealed class BackupRoundTripTests
{
    private const string Summary = "/api/summary?from=2023-03-01&to=2023-03-31";

    private static async Task Upload(HttpClient client, string shop, string file)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(SampleFiles.Bytes(shop, file));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", file);
        form.Add(new StringContent(shop), "shop");
        using var response = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), form);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> Text(HttpClient client, string path) => await client.GetStringAsync(new Uri(path, UriKind.Relative));

    private static async Task<(int? ExitCode, string Output, string Errors)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var outcome = await CommandLine.RunAsync(args, output, errors);
        return (outcome.ExitCode, output.ToString(), errors.ToString());
    }

    [Test]
    public async Task ARoundTripWhileTheServiceRunsAndAnImportLandsDuringTheBackupGivesTheFiguresAndImportLogOfThatMoment()
    {
        using var folder = new TemporaryFolder();
        var (databasePath, keyFile, backups) = (folder.File("analytics.db"), folder.File("buyer.key"), folder.File("backups"));
        string summaryAtBackup, importsAtBackup, summaryAfter, backupFolder;
        using (var app = new AnalyticsApp(databasePath) { Settings = { ["Database:BuyerKeyFile"] = keyFile } })
        {
            using var client = app.CreateClient();
            await Upload(client, "禾丰小米杂粮拼多多店", "pdd_orders_2023-03-08.csv");
            await Upload(client, "槐乡农品京东店", "jd_orders_2023-03-08.csv");
            await Upload(client, "禾丰富硒小米旗舰店", "1678243395_orders.csv");
            summaryAtBackup = await Text(client, Summary);
            importsAtBackup = await Text(client, "/api/imports");

            // The backup as the CLI takes it: its own store on the service's files. Between the copy of the database and
            // that of the archive an upload lands through the running service, and waits for nothing.
            using var backupStore = new AnalyticsStore(new StoreOptions { DatabasePath = databasePath, BuyerKeyFile = keyFile }, TimeProvider.System);
            var landedDuringBackup = false;
            var outcome = await backupStore.BackupAsync(backups, line =>
            {
                if (landedDuringBackup)
                    return;
                landedDuringBackup = true;
                Upload(client, "禾丰小米杂粮拼多多店", "pdd_orders_2023-03-15.csv").GetAwaiter().GetResult();
            });
            backupFolder = outcome.Folder;
            summaryAfter = await Text(client, Summary);
            Assert.That(landedDuringBackup, Is.True);
            Assert.That(summaryAfter, Is.Not.EqualTo(summaryAtBackup), "the upload during the backup changed the service's figures");
            Assert.That(outcome.Manifest.Imports, Is.EqualTo(3), "the backup is the database as it was when its copy began");
            Assert.That(outcome.Manifest.ArchiveFiles, Is.EqualTo(4), "the archive copied after the database has every file the copy names, and the new one");
        }

        // The service stopped, the backup is put back.
        var (exitCode, output, errors) = await Run("restore", backupFolder, "--db", databasePath, "--buyer-key-file", keyFile);

        Assert.That(exitCode, Is.EqualTo(0), errors);
        Assert.That(output, Does.Contain("恢复完成：订单").And.Contain("导入 3"));
        var kept = Directory.GetFiles(Path.GetDirectoryName(databasePath)!, "analytics.db.before-restore-*");
        Assert.That(kept, Has.Length.EqualTo(1), "the database that was replaced is kept");
        using (var restored = new AnalyticsApp(databasePath))
        {
            using var client = restored.CreateClient();
            Assert.That(await Text(client, Summary), Is.EqualTo(summaryAtBackup));
            Assert.That(await Text(client, "/api/imports"), Is.EqualTo(importsAtBackup));
        }
        using (var replaced = new AnalyticsApp(kept[0]))
        {
            using var client = replaced.CreateClient();
            Assert.That(await Text(client, Summary), Is.EqualTo(summaryAfter), "the kept database is the one the service left");
        }
    }

    [Test]
    public async Task RestoringOnAnotherMachinePutsBackTheDatabaseTheArchiveAndTheBuyerKey()
    {
        using var store = new TestStore();
        await store.ImportAsync("1678239817_orders.csv", SampleFiles.Bytes("乡味优选抖音店", "1678239817_orders.csv"), "乡味优选抖音店");
        await store.ImportAsync("jd_orders_2023-03-15.csv", SampleFiles.Bytes("槐乡农品京东店", "jd_orders_2023-03-15.csv"), "槐乡农品京东店");
        var (backupCode, backupOutput, backupErrors) = await Run("backup", "--db", store.Options.DatabasePath,
            "--buyer-key-file", store.Options.BuyerKeyFile!, "--to", Path.Combine(store.Folder, "u盘"), "--create");
        Assert.That(backupCode, Is.EqualTo(0), backupErrors);
        var backup = BackupFolders.List(Path.Combine(store.Folder, "u盘")).Single().Folder;
        Assert.That(backupOutput, Does.Contain("备份完成：" + backup));

        var elsewhere = Path.Combine(store.Folder, "新电脑", "数据");
        var (refusedCode, _, refusedErrors) = await Run("restore", backup, "--db", Path.Combine(elsewhere, "analytics.db"));
        Assert.That(refusedCode, Is.EqualTo(2));
        Assert.That(refusedErrors.TrimEnd().Split('\n'), Has.Length.EqualTo(1).And.Some.Contain("--create"));
        Assert.That(Directory.Exists(elsewhere), Is.False);

        var (exitCode, _, errors) = await Run("restore", backup, "--db", Path.Combine(elsewhere, "analytics.db"), "--create");

        Assert.That(exitCode, Is.EqualTo(0), errors);
        Assert.That(File.ReadAllText(Path.Combine(elsewhere, "analytics.db.buyer-key")), Is.EqualTo(File.ReadAllText(store.Options.BuyerKeyFile!)));
        var archived = Directory.GetFiles(Path.Combine(store.Folder, "archive"), "*", SearchOption.AllDirectories).Select(Path.GetFileName);
        Assert.That(Directory.GetFiles(Path.Combine(elsewhere, "archive"), "*", SearchOption.AllDirectories).Select(Path.GetFileName), Is.EquivalentTo(archived));
        using var restored = new AnalyticsStore(new StoreOptions { DatabasePath = Path.Combine(elsewhere, "analytics.db") }, TimeProvider.System);
        using var reads = restored.Read();
        Assert.That(reads.Imports(10).Select(i => (i.ImportId, i.FileName, i.Status)), Is.EqualTo(new[]
        {
            (2L, "jd_orders_2023-03-15.csv", "landed"), (1L, "1678239817_orders.csv", "landed"),
        }));
        // A withdrawal replays from the archive: it works on the restored database, so the archive came back whole.
        var withdrawn = await restored.WithdrawAsync(1, "测试");
        Assert.That(withdrawn.Status, Is.EqualTo("withdrawn"));
    }

    [Test]
    public async Task EveryBackupSharesOneArchiveAndCopiesOnlyTheFilesItLacks()
    {
        using var store = new TestStore();
        var backups = Path.Combine(store.Folder, "backups");
        await store.ImportAsync("1678239817_orders.csv", SampleFiles.Bytes("乡味优选抖音店", "1678239817_orders.csv"), "乡味优选抖音店");
        var first = await store.Store.BackupAsync(backups);
        var second = await store.Store.BackupAsync(backups);
        await store.ImportAsync("1678849450_orders.csv", SampleFiles.Bytes("乡味优选抖音店", "1678849450_orders.csv"), "乡味优选抖音店");
        var third = await store.Store.BackupAsync(backups);

        Assert.That((first.Manifest.ArchiveFilesCopied, second.Manifest.ArchiveFilesCopied, third.Manifest.ArchiveFilesCopied), Is.EqualTo((1L, 0L, 1L)));
        Assert.That(new[] { first.Folder, second.Folder, third.Folder }.Distinct().Count(), Is.EqualTo(3), "backups in the same second keep their own folders");
        Assert.That(Directory.GetFiles(Path.Combine(backups, "archive"), "*", SearchOption.AllDirectories), Has.Length.EqualTo(2));
        Assert.That(Directory.GetDirectories(backups).Select(Path.GetFileName), Has.None.EndsWith(".partial"));
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(third.Folder, BackupManifest.FileName))).RootElement;
        Assert.That((manifest.GetProperty("orders").GetInt64(), manifest.GetProperty("imports").GetInt64(), manifest.GetProperty("archiveFolder").GetString()),
            Is.EqualTo((third.Manifest.Orders, 2L, "../archive")));
        Assert.That(third.Manifest.Orders, Is.GreaterThan(first.Manifest.Orders));
    }
}
