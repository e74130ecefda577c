using System.Net;
using System.Net.Sockets;
using Analytics.Api.Cli;
using Analytics.Api.Hosting;
using Analytics.Store;
using Analytics.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace Analytics.Tests.Cli;

/// <summary>
/// A start that cannot work is refused in one line in Chinese, exit 2, before the database or any folder is created:
/// a --db whose folder does not exist, a report to a folder that does not exist or cannot be written, the port taken,
/// a second service on the same database.
/// </summary>
public sealed class StartChecksTests
{
    private static async Task<(int? ExitCode, string Output, string Errors)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var outcome = await CommandLine.RunAsync(args, output, errors);
        return (outcome.ExitCode, output.ToString(), errors.ToString());
    }

    private static void AssertOneChineseLine(string errors, string containing)
    {
        var lines = errors.TrimEnd('\n').Split('\n');
        Assert.That(lines, Has.Length.EqualTo(1), errors);
        Assert.That(lines[0], Does.Contain(containing));
        Assert.That(lines[0][0], Is.GreaterThan('\u2e80'), "Chinese first");
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [TestCase("import", "{file}")]
    [TestCase("withdraw", "1")]
    [TestCase("rebuild")]
    [TestCase("shops", "list")]
    [TestCase("backup")]
    [TestCase("report", "--month", "2023-03")]
    public async Task EveryVerbRefusesADatabaseWhoseFolderDoesNotExistAndCreatesNothing(string verb, params string[] arguments)
    {
        using var folder = new TemporaryFolder();
        var file = folder.File("orders.csv");
        File.WriteAllText(file, "x");
        var typo = Path.Combine(folder.Path, "typo", "a.db");

        var (exitCode, output, errors) = await Run([verb, .. arguments.Select(a => a.Replace("{file}", file, StringComparison.Ordinal)), "--db", typo]);

        Assert.That(exitCode, Is.EqualTo(2));
        AssertOneChineseLine(errors, $"数据库所在的文件夹 {Path.GetDirectoryName(typo)} 不存在");
        Assert.That(output, Is.Empty);
        Assert.That(Directory.Exists(Path.GetDirectoryName(typo)), Is.False);
    }

    [Test]
    public async Task ImportWithCreateMakesTheDatabasesFolder()
    {
        using var folder = new TemporaryFolder();
        var file = folder.File("1678239817_orders.csv");
        File.WriteAllBytes(file, SampleFiles.Bytes("乡味优选抖音店", "1678239817_orders.csv"));
        var database = Path.Combine(folder.Path, "新建", "analytics.db");

        var (refused, _, refusal) = await Run("import", file, "--db", database, "--shop", "乡味优选抖音店");
        var (created, output, _) = await Run("import", file, "--db", database, "--shop", "乡味优选抖音店", "--create");

        Assert.That(refused, Is.EqualTo(2));
        AssertOneChineseLine(refusal, "请加 --create");
        Assert.That(created, Is.EqualTo(0), output);
        Assert.That(File.Exists(database), Is.True);
    }

    [Test]
    public async Task AReportToAFolderThatDoesNotExistIsRefusedBeforeTheDatabaseIsOpened()
    {
        using var folder = new TemporaryFolder();
        var database = folder.File("analytics.db");
        File.WriteAllBytes(database, []);
        var missing = Path.Combine(folder.Path, "没有这个文件夹");

        var (exitCode, output, errors) = await Run("report", "--month", "2023-03", "--db", database, "--out", Path.Combine(missing, "x.pdf"));

        Assert.That(exitCode, Is.EqualTo(2));
        AssertOneChineseLine(errors, $"文件夹 {missing} 不存在");
        Assert.That(output, Is.Empty);
        Assert.That(Directory.Exists(missing), Is.False);
        Assert.That(new FileInfo(database).Length, Is.Zero, "the database was not opened, let alone given a schema");
    }

    [Test]
    public async Task AReportToAFolderThatCannotBeWrittenIsRefused()
    {
        // Even root cannot make a file in /proc: a folder that exists and takes no file, on any Linux.
        Assume.That(OperatingSystem.IsLinux(), Is.True);
        using var folder = new TemporaryFolder();
        var database = folder.File("analytics.db");
        File.WriteAllBytes(database, []);

        var (exitCode, _, errors) = await Run("report", "--month", "2023-03", "--db", database, "--out", "/proc/report.docx");

        Assert.That(exitCode, Is.EqualTo(2));
        AssertOneChineseLine(errors, "不能在文件夹 /proc 中写入文件");
        Assert.That(new FileInfo(database).Length, Is.Zero);
    }

    [Test]
    public void ASecondServiceOnTheSameDatabaseIsRefusedWhileTheFirstRuns()
    {
        using var folder = new TemporaryFolder();
        var settings = new ServiceSettings { DatabasePath = folder.File("analytics.db") };
        var urls = Configuration(("urls", $"http://127.0.0.1:{FreePort()}"));

        using (ServiceStart.Check(urls, settings, [], createDatabaseFolder: false))
        {
            var refused = Assert.Throws<StartRefusedException>(() => ServiceStart.Check(Configuration(("urls", $"http://127.0.0.1:{FreePort()}")), settings, [], false));
            Assert.That(refused!.Message, Does.StartWith($"数据库 {settings.DatabasePath} 已有一个服务在使用"));
        }
        using var afterTheFirstStopped = ServiceStart.Check(urls, settings, [], createDatabaseFolder: false);
        Assert.That(File.Exists(settings.DatabasePath), Is.False, "the checks create no database");
    }

    [Test]
    public void APortAlreadyTakenIsRefusedAndLeavesNothingBehind()
    {
        using var folder = new TemporaryFolder();
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        var port = ((IPEndPoint)other.LocalEndpoint).Port;
        var settings = new ServiceSettings { DatabasePath = Path.Combine(folder.Path, "数据", "analytics.db") };

        var refused = Assert.Throws<StartRefusedException>(() =>
            ServiceStart.Check(Configuration(("urls", $"http://127.0.0.1:{port}")), settings, [], createDatabaseFolder: true));

        Assert.That(refused!.Message, Does.StartWith($"端口 {port} 已被占用"));
        Assert.That(Directory.GetFileSystemEntries(folder.Path), Is.Empty, "not even the database's folder, though --create was given");
    }

    [Test]
    public void ADatabaseFolderThatDoesNotExistIsRefusedUnlessCreateIsGiven()
    {
        using var folder = new TemporaryFolder();
        var settings = new ServiceSettings { DatabasePath = Path.Combine(folder.Path, "数据", "analytics.db") };
        var urls = Configuration(("urls", $"http://127.0.0.1:{FreePort()}"));

        var refused = Assert.Throws<StartRefusedException>(() => ServiceStart.Check(urls, settings, [], createDatabaseFolder: false));
        Assert.That(refused!.Message, Does.Contain("不存在").And.Contain("--create"));
        Assert.That(Directory.Exists(Path.Combine(folder.Path, "数据")), Is.False);

        using var started = ServiceStart.Check(urls, settings, [], createDatabaseFolder: true);
        Assert.That(File.Exists(DatabaseLock.PathFor(settings.DatabasePath)), Is.True, "--create makes the folder, and the lock is held in it");
    }

    [Test]
    public void UnreadableSettingsAreRefusedInOneLineNamingEach()
    {
        var configuration = Configuration(("Backup:DailyAt", "25:00"), ("Logs:KeepDays", "一周"));
        var problems = new List<string>();
        var settings = ServiceSettings.From(configuration, problems);

        var refused = Assert.Throws<StartRefusedException>(() => ServiceStart.Check(configuration, settings, problems, false));

        Assert.That(refused!.Message, Does.StartWith("设置有误，服务没有启动").And.Contain("Backup:DailyAt").And.Contain("25:00").And.Contain("Logs:KeepDays"));
        Assert.That(refused.Message, Does.Not.Contain('\n'));
    }
}
