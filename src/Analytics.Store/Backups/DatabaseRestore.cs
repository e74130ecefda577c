using System.Globalization;
using Analytics.Ingestion.Formats;
using Analytics.Ingestion.Normalising;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Store.Backups;

/// <summary>
/// Puts a backup back: the database, the landed files its import log names, and the buyer key. Refused, changing
/// nothing, while a service holds the database (<see cref="DatabaseLock"/>), and when the backup is unreadable or lacks
/// a landed file. The database in place is kept as <c>&lt;db&gt;.before-restore-&lt;time&gt;</c>; the backup is copied
/// beside it, checked and brought to this version's schema first, and moved over it in one rename.
/// </summary>
internal sealed class DatabaseRestore(StoreOptions options, TimeProvider time, ExportCatalog formats)
{
    public RestoreOutcome Run(string from, Action<string> progress)
    {
        var backup = Path.Combine(from, BackupManifest.DatabaseFileName);
        if (!File.Exists(backup))
        {
            throw new RestoreRefusedException($"{from} 不是备份文件夹：其中没有 {BackupManifest.DatabaseFileName}。没有作任何更改。",
                $"{from} is not a backup: it holds no {BackupManifest.DatabaseFileName}. Nothing was changed.");
        }
        var target = Path.GetFullPath(options.DatabasePath);
        using var held = DatabaseLock.TryTake(target) ?? throw new RestoreRefusedException(
            $"服务正在使用数据库 {target}，请先停止服务（systemctl stop analytics，或 sc.exe stop Analytics），再恢复。没有作任何更改。",
            $"A running service holds the database {target}; stop it first. Nothing was changed.");

        var restoring = target + ".restoring";
        DeleteWithSideFiles(restoring);
        File.Copy(backup, restoring);
        StoreCounts counts;
        IReadOnlyList<string> landedFiles;
        try
        {
            using var copy = Database.Open(restoring);
            var check = copy.ExecuteScalar<string>("PRAGMA quick_check");
            if (check != "ok")
                throw new RestoreRefusedException($"备份中的数据库已损坏（{check}）。没有作任何更改。", $"The backup's database is damaged ({check}). Nothing was changed.");
            Database.Migrate(copy, options.SeedsDirectory, formats.MappedPlatforms); // a backup made by an earlier version
            copy.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
            counts = StoreCounts.Of(copy);
            landedFiles = DatabaseBackup.LandedFiles(copy);
        }
        catch (SqliteException e)
        {
            DeleteWithSideFiles(restoring);
            throw new RestoreRefusedException($"备份中的数据库无法读取：{e.Message}。没有作任何更改。", $"The backup's database cannot be read: {e.Message}. Nothing was changed.");
        }
        catch
        {
            DeleteWithSideFiles(restoring);
            throw;
        }

        var backupArchive = BackupArchive(from);
        var targetArchive = options.EffectiveArchivePath;
        var missing = landedFiles.Where(f => !File.Exists(Path.Combine(backupArchive, f)) && !File.Exists(Path.Combine(targetArchive, f))).ToList();
        if (missing.Count > 0)
        {
            DeleteWithSideFiles(restoring);
            throw new RestoreRefusedException(
                $"备份的归档 {backupArchive} 中缺少 {missing.Count} 个已入库文件（{string.Join("、", missing.Take(5))}）：请复制整个备份文件夹（含 archive/）。没有作任何更改。",
                $"The backup's archive {backupArchive} lacks {missing.Count} landed files; copy the whole backups folder, archive/ included. Nothing was changed.");
        }

        var stamp = time.BeijingNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        string? kept = null;
        if (File.Exists(target))
        {
            // Whatever the write-ahead log still holds goes into the file first, so the kept copy is whole on its own.
            using (var current = Database.Open(target))
                current.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
            kept = $"{target}.before-restore-{stamp}";
            File.Move(target, kept);
            DeleteSideFiles(target);
        }
        DeleteSideFiles(restoring);
        File.Move(restoring, target);
        progress(kept is null ? $"数据库已恢复到 {target}" : $"数据库已恢复到 {target}；原数据库保留为 {kept}");

        var archive = ArchiveCopy.CopyMissing(backupArchive, targetArchive);
        progress(string.Create(CultureInfo.InvariantCulture, $"归档：放回 {archive.Copied:N0} 个文件到 {targetArchive}（其余已在）"));
        var keyKeptAs = RestoreBuyerKey(from, stamp, progress);
        return new RestoreOutcome(target, kept, counts, archive.Copied, keyKeptAs);
    }

    /// <summary>The backup's own archive/ when it has one (a copy made by hand), else the one its backups folder shares.</summary>
    private static string BackupArchive(string from)
    {
        var own = Path.Combine(from, "archive");
        var manifest = BackupManifest.ReadFrom(from);
        return Directory.Exists(own) ? own : Path.GetFullPath(Path.Combine(from, manifest?.ArchiveFolder ?? "../archive"));
    }

    private string? RestoreBuyerKey(string from, string stamp, Action<string> progress)
    {
        var saved = Path.Combine(from, BackupManifest.BuyerKeyFileName);
        var keyFile = Path.GetFullPath(options.EffectiveBuyerKeyFile);
        if (!File.Exists(saved))
        {
            progress("买家密钥：备份中没有（取自环境变量 ANALYTICS_BUYER_KEY，或当时尚未生成），保持不变");
            return null;
        }
        string? kept = null;
        if (File.Exists(keyFile))
        {
            if (File.ReadAllText(keyFile) == File.ReadAllText(saved))
            {
                progress("买家密钥：与备份相同，保持不变");
                return null;
            }
            kept = $"{keyFile}.before-restore-{stamp}";
            File.Move(keyFile, kept);
        }
        File.Copy(saved, keyFile);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        progress(kept is null ? $"买家密钥已放回 {keyFile}" : $"买家密钥已放回 {keyFile}；原密钥保留为 {kept}");
        return kept;
    }

    private static void DeleteWithSideFiles(string path)
    {
        File.Delete(path);
        DeleteSideFiles(path);
    }

    private static void DeleteSideFiles(string path)
    {
        File.Delete(path + "-wal");
        File.Delete(path + "-shm");
        File.Delete(path + "-journal");
    }
}

/// <summary>What a restore put back, and where the database and key it replaced were kept.</summary>
public sealed record RestoreOutcome(string Database, string? OldDatabaseKeptAs, StoreCounts Counts, long ArchiveFilesCopied, string? OldBuyerKeyKeptAs);

/// <summary>A restore that was not made, and why; nothing was changed.</summary>
public sealed class RestoreRefusedException(string message, string messageEn) : Exception(message)
{
    public string MessageEn { get; } = messageEn;
}
