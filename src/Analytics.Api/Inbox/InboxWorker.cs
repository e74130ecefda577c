using Analytics.Ingestion.Importing;
using Analytics.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Analytics.Api.Inbox;

/// <summary>
/// Imports each file dropped into the inbox once, then moves it with its receipt to done/ or failed/. A file left in
/// the inbox by a crash is imported again on restart, which changes nothing (same rows, same data); a broken file
/// never stops the worker.
/// </summary>
public sealed partial class InboxWorker(AnalyticsStore store, InboxOptions options, TimeProvider time, ILogger<InboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Directory.CreateDirectory(options.InboxPath);
        LogWatching(options.InboxPath);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ScanOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The wall screen depends on this loop running for weeks: log, and scan again next time.
                LogScanFailed(e, options.InboxPath);
            }
            try
            {
                await Task.Delay(options.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Imports every settled file now in the inbox; returns their receipts.</summary>
    public async Task<IReadOnlyList<ImportReceipt>> ScanOnceAsync(CancellationToken cancellationToken)
    {
        var receipts = new List<ImportReceipt>();
        if (!Directory.Exists(options.InboxPath))
            return receipts;
        List<string> files;
        try
        {
            files = Directory.EnumerateFiles(options.InboxPath, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                .Where(IsExport).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogScanFailed(e, options.InboxPath);
            return receipts;
        }
        foreach (var file in files)
        {
            if (cancellationToken.IsCancellationRequested)
                break;
            if (time.GetUtcNow() - File.GetLastWriteTimeUtc(file) < options.SettleTime)
                continue;
            try
            {
                receipts.Add(await ImportOneAsync(file, cancellationToken));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
            {
                // Not the file's fault (locked, disk, database busy): it stays in the inbox for the next scan.
                LogRetry(e, file);
            }
        }
        return receipts;
    }

    private async Task<ImportReceipt> ImportOneAsync(string file, CancellationToken cancellationToken)
    {
        var relative = Path.GetRelativePath(options.InboxPath, file);
        var shopFolder = Path.GetDirectoryName(relative);
        var shop = string.IsNullOrEmpty(shopFolder) ? null : shopFolder.Split(Path.DirectorySeparatorChar)[0];
        var receipt = await store.ImportAsync(file, new ImportRequest("inbox", shop), cancellationToken);
        var target = Path.Combine(receipt.Rejected ? options.FailedPath : options.DonePath, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target))
            target = Path.Combine(Path.GetDirectoryName(target)!, $"{Path.GetFileNameWithoutExtension(target)}.{receipt.ImportId}{Path.GetExtension(target)}");
        await File.WriteAllTextAsync(target + ".receipt.txt", receipt.ToText(), cancellationToken);
        File.Move(file, target);
        LogImported(relative, receipt.Status, receipt.ImportId);
        return receipt;
    }

    private static bool IsExport(string path)
    {
        var name = Path.GetFileName(path);
        return !name.StartsWith('.') && !name.StartsWith("~$", StringComparison.Ordinal) &&
               !name.EndsWith(".receipt.txt", StringComparison.Ordinal) &&
               !name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".crdownload", StringComparison.OrdinalIgnoreCase);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching inbox {Inbox} (drop files as <shop>/<file>)")]
    private partial void LogWatching(string inbox);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox file {File} {Outcome} as import #{ImportId}")]
    private partial void LogImported(string file, string outcome, long importId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scanning the inbox {Inbox} failed; it is scanned again at the next interval")]
    private partial void LogScanFailed(Exception exception, string inbox);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox file {File} could not be imported now; it stays in the inbox and is tried again")]
    private partial void LogRetry(Exception exception, string file);
}
