using Analytics.Ingestion.Normalising;
using Analytics.Store;
using Analytics.Store.Backups;

namespace Analytics.Api.Backups;

/// <summary>Backup:Folder, Backup:DailyAt (Beijing time), Backup:Keep.</summary>
internal sealed record BackupSchedule(string Folder, TimeOnly DailyAt, int Keep);

/// <summary>
/// The daily backup: at Backup:DailyAt (Beijing time, by the service's clock) a backup into Backup:Folder, keeping the
/// newest Backup:Keep. An office PC is often off at night, so a backup missed is taken at the next check after the
/// start: whenever the latest scheduled time has no backup taken at or after it.
/// </summary>
internal sealed partial class BackupWorker(AnalyticsStore store, TimeProvider time, BackupSchedule schedule, ILogger<BackupWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first check a minute after the start, not during it: the screen and the inbox come first.
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await BackUpIfDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A full disk must not stop the service, nor fill the log: it is tried again half an hour later.
                BackupFailed(logger, e, schedule.Folder);
                await Task.Delay(TimeSpan.FromMinutes(30), time, stoppingToken);
            }
        }
    }

    /// <summary>Takes the backup when one is due, then prunes the oldest; returns it, or null when none was due.</summary>
    public async Task<BackupOutcome?> BackUpIfDueAsync(CancellationToken cancellationToken)
    {
        var now = time.BeijingNow().DateTime;
        var due = now.Date + schedule.DailyAt.ToTimeSpan();
        if (due > now)
            due = due.AddDays(-1);
        if (BackupFolders.List(schedule.Folder) is [.., var newest] && newest.TakenAt >= due)
            return null;
        var outcome = await store.BackupAsync(schedule.Folder, cancellationToken: cancellationToken);
        var pruned = BackupFolders.Prune(schedule.Folder, schedule.Keep);
        BackedUp(logger, outcome.Folder, outcome.Manifest.Orders, outcome.Manifest.Imports, outcome.Manifest.ArchiveFilesCopied, pruned.Count);
        foreach (var missing in outcome.Manifest.ArchiveMissing)
            ArchiveFileMissing(logger, missing);
        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "每日备份完成：{Folder}（订单 {Orders}，导入 {Imports}；新复制归档文件 {Copied} 个；删除旧备份 {Pruned} 个）")]
    private static partial void BackedUp(ILogger logger, string folder, long orders, long imports, long copied, int pruned);

    [LoggerMessage(Level = LogLevel.Warning, Message = "备份时发现服务的归档中缺少已入库文件 {File}：该导入无法撤回或重建")]
    private static partial void ArchiveFileMissing(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "每日备份失败（备份文件夹 {Folder}），半小时后重试")]
    private static partial void BackupFailed(ILogger logger, Exception exception, string folder);
}

internal static class BackupHosting
{
    public static WebApplicationBuilder AddDailyBackup(this WebApplicationBuilder builder, Hosting.ServiceSettings settings)
    {
        if (settings.BackupDailyAt is not { } dailyAt)
            return builder;
        builder.Services.AddSingleton(new BackupSchedule(settings.BackupFolder, dailyAt, settings.BackupKeep));
        builder.Services.AddHostedService<BackupWorker>();
        return builder;
    }
}
