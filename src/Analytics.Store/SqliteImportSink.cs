using Analytics.Ingestion.Importing;
using Analytics.Ingestion.Normalising;
using Analytics.Ingestion.Orders;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Store;

/// <summary>Imports land in SQLite: one write transaction per file, the archive kept before it commits.</summary>
internal sealed class SqliteImportSink(SqliteConnection connection, ExportArchive? archive, bool maintainRollups) : IImportSink
{
    public ImportReceipt? LandedWithSameContent(string sha256, string? companionSha256 = null) =>
        ImportLog.LandedWithSameContent(connection, sha256, companionSha256);

    public ProvinceDirectory Provinces()
    {
        const string sql = "SELECT code, name, short_name AS ShortName, aliases FROM provinces";
        return new ProvinceDirectory(connection.Query<(string Code, string Name, string ShortName, string Aliases)>(sql).Select(p => new Province
        {
            Code = p.Code,
            Name = p.Name,
            ShortName = p.ShortName,
            Aliases = p.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        }));
    }

    public bool NameOneShop(string name, string otherName) =>
        ShopRegistry.Find(connection, null, name).Select(s => s.Shop).Intersect(ShopRegistry.Find(connection, null, otherName).Select(s => s.Shop)).Any();

    public long RecordUnlanded(ImportReceipt receipt) => ImportLog.RecordUnlanded(connection, receipt);

    public IImportBatch Begin(ImportStart start)
    {
        var transaction = connection.BeginTransaction(deferred: false);
        try
        {
            var shop = ShopRegistry.ForImport(connection, transaction, start.Shop, start.Platform, start.StartedAt);
            var importId = ImportLog.Begin(connection, transaction, start.FileName, start.Sha256, start.Source, start.StartedAt);
            return new Batch(connection, transaction, importId, shop, start, archive, maintainRollups);
        }
        catch
        {
            transaction.Dispose();
            throw;
        }
    }

    /// <summary>The orders of an import already recorded, written again inside the caller's transaction (withdraw, rebuild).</summary>
    public static IOrderSink Replay(SqliteConnection connection, SqliteTransaction transaction, ImportReceipt landed, string platform,
        string? exportedAt, bool maintainRollups) =>
        new OrderWriter(connection, transaction, landed.ImportId, platform, landed.Shop!, exportedAt, maintainRollups);

    private sealed class Batch : IImportBatch
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteTransaction _transaction;
        private readonly ExportArchive? _archive;
        private readonly OrderWriter _orders;
        private readonly OtherShopOrders _otherShops;
        private bool _released;

        public Batch(SqliteConnection connection, SqliteTransaction transaction, long importId, ImportShop shop, ImportStart start,
            ExportArchive? archive, bool maintainRollups)
        {
            (_connection, _transaction, _archive) = (connection, transaction, archive);
            (ImportId, Shop) = (importId, shop);
            _orders = new OrderWriter(connection, transaction, importId, start.Platform, shop.Shop, start.ExportedAt, maintainRollups);
            _otherShops = new OtherShopOrders(connection, transaction, start.Platform, shop.Shop);
        }

        public long ImportId { get; }
        public ImportShop Shop { get; }

        public string? OtherShopHolding(string orderId) => _otherShops.Holding(orderId);

        public void Write(ImportedOrder order) => _orders.Write(order);

        public LineCounts Settle(string? fileLatestAt) => _orders.Settle(fileLatestAt);

        public ImportedOrder? StoredOrder(string orderId) => _orders.StoredOrder(orderId);

        public ImportReceipt Complete(ImportReceipt receipt, string path, string? companionPath = null)
        {
            ReleaseStatements(); // prepared statements end before the commit, as they always did
            var recorded = receipt with
            {
                ArchivedAs = _archive?.Keep(path, receipt.Sha256, receipt.FileName),
                CompanionArchivedAs = companionPath is null ? null : _archive?.Keep(companionPath, receipt.CompanionSha256!, receipt.CompanionFileName!),
            };
            ImportLog.Finish(_connection, _transaction, recorded);
            _transaction.Commit();
            return recorded;
        }

        public void Dispose()
        {
            ReleaseStatements();
            _transaction.Dispose(); // rolls back unless completed
        }

        private void ReleaseStatements()
        {
            if (_released)
                return;
            _released = true;
            _orders.Dispose();
            _otherShops.Dispose();
        }
    }
}
