using Analytics.Api.Reports;
using Analytics.Store;
using Analytics.Tests.Support;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace Analytics.Tests.Reports;

/// <summary>The reports folder on the 1st: last month's report in every format, written once.</summary>
[Category("Demo")]
[NonParallelizable]
public sealed class MonthlyReportWorkerTests
{
    private string _folder = "";
    private AnalyticsStore _store = null!;

    [SetUp]
    public async Task OpenTheDemoDatabase()
    {
        _folder = Directory.CreateTempSubdirectory("analytics-reports-").FullName;
        // A copy: one test records a late import in it.
        _store = new AnalyticsStore(new StoreOptions { DatabasePath = await DemoData.CopyToAsync(_folder) }, TimeProvider.System);
    }

    [TearDown]
    public void Close()
    {
        _store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private MonthlyReportWorker WorkerAt(string beijingTime, string? fontPath = null)
    {
        var clock = new TestClock(DateTimeOffset.Parse(beijingTime, System.Globalization.CultureInfo.InvariantCulture));
        var renderer = new ReportRenderer(_store, clock, new ReportOptions("禾丰县", fontPath));
        return new MonthlyReportWorker(renderer, _store, clock, new MonthlyReportOptions(Path.Combine(_folder, "reports")), NullLogger<MonthlyReportWorker>.Instance);
    }

    [Test]
    public async Task OnTheFirstItWritesLastMonthsReportInEveryFormatOnce()
    {
        var worker = WorkerAt("2023-07-01T00:30:00+08:00");

        var written = await worker.WriteDueReportAsync(CancellationToken.None);
        var again = await worker.WriteDueReportAsync(CancellationToken.None);

        Assert.That(written.Select(Path.GetFileName), Is.EquivalentTo(new[] { "report-2023-06.docx", "report-2023-06.xlsx", "report-2023-06.pdf", "report-2023-06.html" }));
        Assert.That(Directory.GetFiles(Path.Combine(_folder, "reports")).Select(Path.GetFileName), Is.EquivalentTo(written.Select(Path.GetFileName)), "no partial files left");
        Assert.That(await File.ReadAllTextAsync(Path.Combine(_folder, "reports", "report-2023-06.html")), Does.Contain("2023年6月，全县实现网络零售额"));
        Assert.That(again, Is.Empty);
    }

    [Test]
    public async Task WithoutAFontItWritesEverythingButThePdfAndAddsThePdfOnceThereIsOne()
    {
        var written = await WorkerAt("2023-07-01T08:00:00+08:00", "/nonexistent/font.ttf").WriteDueReportAsync(CancellationToken.None);
        var later = await WorkerAt("2023-07-01T09:00:00+08:00").WriteDueReportAsync(CancellationToken.None);

        Assert.That(written.Select(Path.GetFileName), Is.EquivalentTo(new[] { "report-2023-06.docx", "report-2023-06.xlsx", "report-2023-06.html" }));
        Assert.That(later.Select(Path.GetFileName), Is.EqualTo(new[] { "report-2023-06.pdf" }));
    }

    [Test]
    public async Task AfterTheFirstWeekNothingIsWritten()
    {
        var written = await WorkerAt("2023-07-08T10:00:00+08:00").WriteDueReportAsync(CancellationToken.None);

        Assert.That(written, Is.Empty);
        Assert.That(Directory.Exists(Path.Combine(_folder, "reports")), Is.False);
    }

    [Test]
    public async Task ExportsOfTheMonthImportedAfterTheReportHaveItWrittenAgain()
    {
        var worker = WorkerAt("2023-07-01T00:30:00+08:00", "/nonexistent/font.ttf");
        var first = await worker.WriteDueReportAsync(CancellationToken.None);
        using (var connection = _store.Open())
            connection.Execute("""
                INSERT INTO imports (file_name, sha256, source, status, started_at, finished_at, latest_paid_at)
                VALUES ('late.csv', 'x', 'inbox', 'landed', @finished, @finished, '2023-06-30 23:10:00')
                """, new { finished = DateTimeOffset.UtcNow.AddMinutes(5).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) });

        var again = await worker.WriteDueReportAsync(CancellationToken.None);

        Assert.That(first, Has.Count.EqualTo(3));
        Assert.That(again.Select(Path.GetFileName), Is.EquivalentTo(first.Select(Path.GetFileName)));
    }

    [Test]
    public async Task AWithdrawalOfAnImportReachingIntoTheMonthHasTheReportWrittenAgain()
    {
        var worker = WorkerAt("2023-07-01T00:30:00+08:00", "/nonexistent/font.ttf");
        var first = await worker.WriteDueReportAsync(CancellationToken.None);
        // The demo's own archive, and a clock a few minutes on: the withdrawal is logged to the second.
        var demoArchive = Path.Combine(Path.GetDirectoryName(await DemoData.PathAsync())!, "archive");
        using (var later = new AnalyticsStore(_store.Options with { ArchivePath = demoArchive }, new TestClock(DateTimeOffset.UtcNow.AddMinutes(5))))
        {
            long june;
            using (var connection = later.Open())
                june = connection.ExecuteScalar<long>("SELECT max(id) FROM imports WHERE status = 'landed' AND latest_paid_at >= '2023-06-01'");
            await later.WithdrawAsync(june, "测试");
        }

        var again = await worker.WriteDueReportAsync(CancellationToken.None);

        Assert.That(first, Has.Count.EqualTo(3));
        Assert.That(again.Select(Path.GetFileName), Is.EquivalentTo(first.Select(Path.GetFileName)));
    }
}
