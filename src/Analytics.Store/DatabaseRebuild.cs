using Analytics.Ingestion.Formats;
using Analytics.Ingestion.Importing;
using Analytics.Ingestion.Normalising;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Store;

/// <summary>
/// Makes the database anew from the archive and the import log: the shop registry and the whole log are carried over,
/// and every landed import that was not withdrawn is replayed from its archived file, in its original order, under its
/// own id. The new database is built beside the old one and moved over it in one rename only when it is complete, so a
/// rebuild that is killed or fails leaves the old one serving. This is also how a reader fix reaches old data.
/// </summary>
internal sealed class DatabaseRebuild(StoreOptions options, BuyerKeys buyerKeys, TimeProvider time, ExportCatalog formats)
{
    public async Task<RebuildOutcome> RunAsync(Action<string> progress, CancellationToken cancellationToken)
    {
        var databasePath = Path.GetFullPath(options.DatabasePath);
        // Held for the whole rebuild: a service starting meanwhile refuses, and one already running makes this refuse.
        using var held = DatabaseLock.TryTake(databasePath) ?? throw new RebuildRefusedException(
            "数据库正被正在运行的服务使用。请先停止服务，再运行 rebuild。旧数据库没有任何更改。",
            "A running service holds the database. Stop it, then run rebuild again. The old database is unchanged.");
        var archive = new ExportArchive(options.EffectiveArchivePath);
        IReadOnlyList<ImportReceipt> landed;
        StoreFigures before;
        using (var old = Database.Open(databasePath))
        {
            Database.Migrate(old, options.SeedsDirectory, formats.MappedPlatforms);
            landed = ImportLog.Landed(old);
            before = StoreFigures.Of(old);
        }
        var missing = landed.Where(i => !archive.HasEveryFileOf(i)).Select(i => $"#{i.ImportId} {i.FileName}").ToList();
        if (missing.Count > 0)
        {
            throw new RebuildRefusedException(
                $"归档文件夹 {archive.Root} 中缺少 {missing.Count} 个已入库文件：{string.Join("、", missing.Take(10))}{(missing.Count > 10 ? " …" : "")}。没有作任何更改。",
                $"The archive {archive.Root} lacks {missing.Count} landed files: {string.Join(", ", missing.Take(10))}. Nothing was changed.");
        }

        var building = databasePath + ".rebuilding";
        DeleteDatabaseFiles(building); // what a killed earlier rebuild left
        StoreFigures after;
        try
        {
            using (var fresh = Database.Open(building))
            {
                Database.Migrate(fresh, options.SeedsDirectory, formats.MappedPlatforms);
                CarryOver(fresh, databasePath);
                var importer = new Importer(new SqliteImportSink(fresh, archive: null, options.MaintainRollups), buyerKeys, time, formats);
                for (var i = 0; i < landed.Count; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    // Said before the replay, so a long file shows what the rebuild is busy with.
                    progress($"重放 {i + 1}/{landed.Count}：导入 #{landed[i].ImportId} {landed[i].FileName}");
                    using var transaction = fresh.BeginTransaction(deferred: false);
                    var import = landed[i];
                    var receipt = await importer.ReplayAsync(archive.Find(import.ArchivedAs)!, archive.Find(import.CompanionArchivedAs), import,
                        (platform, exportedAt) => SqliteImportSink.Replay(fresh, transaction, import, platform, exportedAt, options.MaintainRollups),
                        onlyOrders: null, cancellationToken);
                    ImportLog.RefreshFileFacts(fresh, transaction, receipt);
                    transaction.Commit();
                }
                after = StoreFigures.Of(fresh);
                StoreEvents.Record(fresh, null, Now(), "rebuild", Environment.UserName,
                    $"从归档重建：重放 {landed.Count} 个导入；订单 {before.Orders} → {after.Orders}，成交额（分） {before.GmvFen} → {after.GmvFen}");
                fresh.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            cancellationToken.ThrowIfCancellationRequested();
            var kept = SwapIn(building, databasePath);
            return new RebuildOutcome(landed.Count, before, after, kept);
        }
        catch
        {
            DeleteDatabaseFiles(building);
            throw;
        }
    }

    /// <summary>The shop registry, the accounts and keys, and the whole import and audit logs, as they are, so ids, withdrawals and history stay.</summary>
    private static void CarryOver(SqliteConnection fresh, string databasePath)
    {
        fresh.Execute("ATTACH DATABASE @path AS old", new { path = databasePath });
        // Both databases are at the same schema version (both just migrated), so their columns match one for one.
        const string copy = """
            DELETE FROM main.shops;
            INSERT INTO main.shops SELECT * FROM old.shops;
            INSERT INTO main.shop_aliases SELECT * FROM old.shop_aliases;
            INSERT INTO main.imports SELECT * FROM old.imports;
            INSERT INTO main.import_problems SELECT * FROM old.import_problems;
            INSERT INTO main.store_events SELECT * FROM old.store_events;
            INSERT INTO main.users SELECT * FROM old.users;
            INSERT INTO main.api_keys SELECT * FROM old.api_keys;
            INSERT INTO main.account_shops SELECT * FROM old.account_shops;
            INSERT INTO main.audit_log SELECT * FROM old.audit_log;
            """;
        using (var transaction = fresh.BeginTransaction())
        {
            fresh.Execute(copy, transaction: transaction);
            transaction.Commit();
        }
        fresh.Execute("DETACH DATABASE old");
    }

    /// <summary>
    /// Keeps a copy of the old database, then moves the new one over it in one rename: at every moment the path holds a
    /// whole database. Refused while another program (a running service) holds the old one open.
    /// </summary>
    private string SwapIn(string building, string databasePath)
    {
        if (File.Exists(databasePath + "-wal") && new FileInfo(databasePath + "-wal").Length > 0)
        {
            throw new RebuildRefusedException(
                "数据库正被其他程序（例如正在运行的服务）使用。请先停止服务，再运行 rebuild。旧数据库没有任何更改。",
                "The database is in use by another program (a running service?). Stop it, then run rebuild again. The old database is unchanged.");
        }
        var kept = $"{databasePath}.before-rebuild-{time.BeijingNow():yyyyMMdd-HHmmss}";
        File.Copy(databasePath, kept);
        DeleteSideFiles(building);
        File.Move(building, databasePath, overwrite: true);
        DeleteSideFiles(databasePath);
        return kept;
    }

    private static void DeleteDatabaseFiles(string path)
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

    private string Now() => time.BeijingNowText();
}

public sealed record RebuildOutcome(int ImportsReplayed, StoreFigures Before, StoreFigures After, string OldDatabaseKeptAs);

/// <summary>The figures a rebuild reports before and after: what a person checks first.</summary>
public sealed record StoreFigures
{
    public long Orders { get; init; }
    public long Lines { get; init; }
    public long PaidOrders { get; init; }
    public long GmvFen { get; init; }
    public long RefundFen { get; init; }
    public long Shops { get; init; }

    internal static StoreFigures Of(SqliteConnection connection)
    {
        const string sql = """
            SELECT (SELECT count(*) FROM orders) AS Orders, (SELECT count(*) FROM order_lines) AS Lines,
                   coalesce(sum(orders), 0) AS PaidOrders, coalesce(sum(gmv_fen), 0) AS GmvFen, coalesce(sum(refund_fen), 0) AS RefundFen,
                   (SELECT count(*) FROM shops) AS Shops
            FROM sales_monthly
            """;
        return connection.QuerySingle<StoreFigures>(sql);
    }
}

/// <summary>A rebuild that was not made, and why; the old database is unchanged.</summary>
public sealed class RebuildRefusedException(string message, string messageEn) : Exception(message)
{
    public string MessageEn { get; } = messageEn;
}
