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

    /// <summary>
    /// Imports the files now in the inbox, folder by folder, once every file of a folder has settled (the two files of a
    /// 淘宝/天猫 export are one import, so the second must not be missed while it is still being copied); returns the receipts.
    /// </summary>
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
        foreach (var folder in files.GroupBy(Path.GetDirectoryName))
        {
            if (cancellationToken.IsCancellationRequested)
                break;
            if (folder.Any(file => time.GetUtcNow() - File.GetLastWriteTimeUtc(file) < options.SettleTime))
                continue;
            try
            {
                receipts.AddRange(await ImportFolderAsync(folder.ToList(), cancellationToken));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogRetry(e, folder.Key ?? options.InboxPath);
            }
        }
        return receipts;
    }

    /// <summary>One folder's files as one bundle: each file, each export in a zip, and each 淘宝/天猫 pair is an import.</summary>
    private async Task<List<ImportReceipt>> ImportFolderAsync(List<string> files, CancellationToken cancellationToken)
    {
        var relative = Path.GetRelativePath(options.InboxPath, files[0]);
        var shopFolder = Path.GetDirectoryName(relative);
        var shop = string.IsNullOrEmpty(shopFolder) ? null : shopFolder.Split(Path.DirectorySeparatorChar)[0];
        using var bundle = ExportBundle.Open(files.Select(f => new ExportFile(f, Path.GetFileName(f))));
        var receipts = new List<ImportReceipt>();
        var ofFile = files.ToDictionary(f => f, _ => new List<ImportReceipt>(), StringComparer.Ordinal);
        var staying = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in bundle.Units)
        {
            try
            {
                var receipt = await store.ImportAsync(unit, new ImportRequest("inbox", shop), cancellationToken);
                receipts.Add(receipt);
                foreach (var source in unit.Sources)
                    ofFile[source.Path].Add(receipt);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
            {
                // Not the file's fault (locked, disk, database busy): it stays in the inbox for the next scan.
                LogRetry(e, unit.File.Name);
                staying.UnionWith(unit.Sources.Select(s => s.Path));
            }
        }
        foreach (var (file, fileReceipts) in ofFile)
        {
            if (fileReceipts.Count > 0 && !staying.Contains(file))
                await MoveAsync(file, fileReceipts, cancellationToken);
        }
        return receipts;
    }

    /// <summary>A file goes to failed/ when any import it held was rejected, else to done/, with its receipts beside it.</summary>
    private async Task MoveAsync(string file, List<ImportReceipt> receipts, CancellationToken cancellationToken)
    {
        var relative = Path.GetRelativePath(options.InboxPath, file);
        var rejected = receipts.Any(r => r.Rejected);
        var target = Path.Combine(rejected ? options.FailedPath : options.DonePath, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target))
            target = Path.Combine(Path.GetDirectoryName(target)!, $"{Path.GetFileNameWithoutExtension(target)}.{receipts[0].ImportId}{Path.GetExtension(target)}");
        await File.WriteAllTextAsync(target + ".receipt.txt", string.Concat(receipts.Select(r => r.ToText())), cancellationToken);
        File.Move(file, target);
        foreach (var receipt in receipts)
            LogImported(relative, receipt.Status, receipt.ImportId);
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
