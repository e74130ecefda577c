using System.Globalization;
using Analytics.Api.Backups;
using Analytics.Store;
using Analytics.Store.Backups;
using Analytics.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Analytics.Tests.Backups;

/// <summary>The daily backup at Backup:DailyAt by the service's clock: taken once a day, caught up after a night off, the newest kept.</summary>
public sealed class DailyBackupTests
{
    private static DateTimeOffset Beijing(string time) => DateTimeOffset.Parse(time + "+08:00", CultureInfo.InvariantCulture);

    [Test]
    public async Task ItBacksUpOnceADayAtItsTimeCatchesUpAMissedOneAndKeepsTheNewest()
    {
        using var store = new TestStore();
        await store.ImportAsync("1678239817_orders.csv", SampleFiles.Bytes("乡味优选抖音店", "1678239817_orders.csv"), "乡味优选抖音店");
        var backups = Path.Combine(store.Folder, "backups");
        var clock = new TestClock(Beijing("2025-03-02T09:15:00"));
        // As in the service, the store and the worker share the service's clock, which names the backups.
        using var serviceStore = new AnalyticsStore(store.Options, clock);
        var worker = new BackupWorker(serviceStore, clock, new BackupSchedule(backups, new TimeOnly(2, 30), Keep: 2), NullLogger<BackupWorker>.Instance);

        // The PC was off at 02:30: the first check after the start takes the missed backup.
        var caughtUp = await worker.BackUpIfDueAsync(CancellationToken.None);
        clock.Set(Beijing("2025-03-02T18:00:00"));
        var sameDay = await worker.BackUpIfDueAsync(CancellationToken.None);
        clock.Set(Beijing("2025-03-03T02:29:00"));
        var beforeTime = await worker.BackUpIfDueAsync(CancellationToken.None);
        clock.Set(Beijing("2025-03-03T02:30:30"));
        var atTime = await worker.BackUpIfDueAsync(CancellationToken.None);
        clock.Set(Beijing("2025-03-04T02:31:00"));
        var nextDay = await worker.BackUpIfDueAsync(CancellationToken.None);

        Assert.That(caughtUp?.Folder, Does.EndWith("analytics-backup-20250302-091500"));
        Assert.That((sameDay, beforeTime), Is.EqualTo(((BackupOutcome?)null, (BackupOutcome?)null)), "one backup a day");
        Assert.That(atTime?.Folder, Does.EndWith("analytics-backup-20250303-023030"));
        Assert.That(nextDay?.Folder, Does.EndWith("analytics-backup-20250304-023100"));
        Assert.That(BackupFolders.List(backups).Select(b => Path.GetFileName(b.Folder)),
            Is.EqualTo(new[] { "analytics-backup-20250303-023030", "analytics-backup-20250304-023100" }), "Backup:Keep 2: the newest two");
        Assert.That(Directory.GetFiles(Path.Combine(backups, "archive"), "*", SearchOption.AllDirectories), Has.Length.EqualTo(1), "the shared archive stays");
    }
}
