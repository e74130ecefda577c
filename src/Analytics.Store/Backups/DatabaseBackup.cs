using System.Globalization;
using Analytics.Ingestion.Normalising;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Store.Backups;

/// <summary>
/// A consistent copy of what the service keeps, taken while it runs and imports: the database through SQLite's online
/// backup (one read transaction, so the copy is the database as one moment saw it, an import either wholly in it or not
/// at all), then the archive of landed files, then the buyer key. The archive is copied after the database, and a file
/// is archived before its import commits, so every file the copy's import log names is there. Landed files never change
/// (they are named by their SHA-256), so the backups folder keeps one archive that all its backups share, and each
/// backup copies only the files it lacks. A backup is written under a <c>.partial</c> name and renamed when whole.
/// </summary>
internal sealed class DatabaseBackup(StoreOptions options, TimeProvider time)
{
    public BackupOutcome Run(SqliteConnection source, string backupsFolder, Action<string> progress)
    {
        Directory.CreateDirectory(backupsFolder);
        var takenAt = time.BeijingNow();
        var folder = BackupFolders.NewFolder(backupsFolder, takenAt);
        var partial = folder + ".partial";
        if (Directory.Exists(partial))
            Directory.Delete(partial, recursive: true);
        Directory.CreateDirectory(partial);
        try
        {
            var copy = Path.Combine(partial, BackupManifest.DatabaseFileName);
            StoreCounts counts;
            IReadOnlyList<string> landedFiles;
            using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString()))
            {
                destination.Open();
                source.BackupDatabase(destination);
                // One self-contained file, nothing beside it, whatever journal the service runs with.
                destination.Execute("PRAGMA journal_mode = DELETE");
                counts = StoreCounts.Of(destination);
                landedFiles = LandedFiles(destination);
            }
            progress(string.Create(CultureInfo.InvariantCulture,
                $"数据库已复制：订单 {counts.Orders:N0}，导入 {counts.Imports:N0}，{BackupFolders.Size(new FileInfo(copy).Length)}"));

            var sharedArchive = Path.Combine(backupsFolder, "archive");
            var archive = ArchiveCopy.CopyMissing(options.EffectiveArchivePath, sharedArchive);
            var missing = landedFiles.Where(f => !File.Exists(Path.Combine(sharedArchive, f))).ToList();
            progress(string.Create(CultureInfo.InvariantCulture,
                $"归档：{archive.Files:N0} 个文件，{BackupFolders.Size(archive.Bytes)}，本次新复制 {archive.Copied:N0} 个") +
                (missing.Count > 0 ? $"；服务的归档中缺少 {missing.Count} 个已入库文件：{string.Join("、", missing.Take(5))}" : ""));

            var manifest = new BackupManifest
            {
                TakenAt = BeijingTime.Format(takenAt.DateTime),
                Database = Path.GetFullPath(options.DatabasePath),
                Orders = counts.Orders,
                Imports = counts.Imports,
                LandedImports = landedFiles.Count,
                DatabaseBytes = new FileInfo(copy).Length,
                ArchiveFiles = archive.Files,
                ArchiveBytes = archive.Bytes,
                ArchiveFilesCopied = archive.Copied,
                ArchiveMissing = missing,
                BuyerKey = CopyBuyerKey(partial),
            };
            manifest.WriteTo(partial);
            Directory.Move(partial, folder);
            return new BackupOutcome(folder, manifest);
        }
        catch
        {
            TryDelete(partial);
            throw;
        }
    }

    /// <summary>The archive places of the landed imports, the files a rebuild or a withdrawal will need.</summary>
    internal static IReadOnlyList<string> LandedFiles(SqliteConnection connection) => connection.Query<string>(
        """
        SELECT archived_as FROM imports WHERE status = 'landed' AND archived_as IS NOT NULL ORDER BY id
        """).ToList();

    private string? CopyBuyerKey(string folder)
    {
        // A key given in the environment is not a file of ours to copy; whoever set it keeps it.
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(BuyerKeys.EnvironmentVariable)) || !File.Exists(options.EffectiveBuyerKeyFile))
            return null;
        var target = Path.Combine(folder, BackupManifest.BuyerKeyFileName);
        File.Copy(options.EffectiveBuyerKeyFile, target);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return BackupManifest.BuyerKeyFileName;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // The next backup of the same second deletes it; a .partial folder is never taken for a backup.
        }
    }
}

/// <summary>Where a backup went and what it holds.</summary>
public sealed record BackupOutcome(string Folder, BackupManifest Manifest);
