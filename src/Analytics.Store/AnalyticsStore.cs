using Analytics.Ingestion.Formats;
using Analytics.Ingestion.Importing;
using Analytics.Ingestion.Normalising;
using Analytics.Store.Backups;
using Microsoft.Data.Sqlite;

namespace Analytics.Store;

/// <summary>
/// The one door to the database: reading sessions (<see cref="Read"/>) on an up-to-date schema, and every change —
/// imports, withdrawals, shop registry edits, rebuilds — one at a time, because SQLite has one writer and each lands in
/// one transaction.
/// </summary>
public sealed class AnalyticsStore(StoreOptions options, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _oneWriteAtATime = new(1, 1);
    private readonly Lazy<BuyerKeys> _buyerKeys = new(() => BuyerKeys.Load(options.EffectiveBuyerKeyFile));
    private readonly Lazy<ExportCatalog> _formats = new(() => StoreFormats.Load(options));
    private readonly Lock _migration = new();
    private bool _migrated;

    public StoreOptions Options => options;

    /// <summary>
    /// The exports this store reads: the built-in readers and the mapping files (seeds/formats/ and Formats:Path).
    /// Throws <see cref="Ingestion.Formats.Mapping.MappingFileException"/> for a bad mapping file, before anything is opened.
    /// </summary>
    public ExportCatalog Formats => _formats.Value;

    public ExportArchive Archive { get; } = new(options.EffectiveArchivePath);

    /// <summary>Users, API keys, the shops operators may touch, and the audit log.</summary>
    public AccountBook Accounts => _accounts ??= new AccountBook(this);

    private AccountBook? _accounts;

    /// <summary>预警 episodes and their webhook deliveries.</summary>
    public AlertBook Alerts => _alerts ??= new AlertBook(this);

    private AlertBook? _alerts;

    /// <summary>How many orders and imports the database holds; throws when it cannot be read.</summary>
    public StoreCounts Counts()
    {
        using var connection = Open();
        return StoreCounts.Of(connection);
    }

    /// <summary>A reading session; dispose it when the request, report or command is done.</summary>
    public StoreReads Read() => new(Open(), Formats);

    internal SqliteConnection Open()
    {
        var formats = Formats; // a bad mapping file is refused before the database is touched
        var connection = Database.Open(options.DatabasePath);
        lock (_migration)
        {
            if (!_migrated)
            {
                Database.Migrate(connection, options.SeedsDirectory, formats.MappedPlatforms);
                _migrated = true;
            }
        }
        return connection;
    }

    public async Task<ImportReceipt> ImportAsync(string path, ImportRequest request, CancellationToken cancellationToken = default)
    {
        await _oneWriteAtATime.WaitAsync(cancellationToken);
        try
        {
            using var connection = Open();
            return await NewImporter(connection).ImportAsync(path, request, cancellationToken);
        }
        finally
        {
            _oneWriteAtATime.Release();
        }
    }

    /// <summary>What importing the file would do (see <see cref="Importer.PreviewAsync(string, ImportRequest, CancellationToken)"/>); nothing is kept.</summary>
    public Task<ImportReceipt> PreviewAsync(string path, ImportRequest request, CancellationToken cancellationToken = default) =>
        WriteAsync(importer => importer.PreviewAsync(path, request, cancellationToken), cancellationToken);

    /// <summary>Imports one unit of an <see cref="ExportBundle"/>: a file, an orders file with its items file, or a refusal to record.</summary>
    public Task<ImportReceipt> ImportAsync(ImportUnit unit, ImportRequest request, CancellationToken cancellationToken = default) =>
        WriteAsync(importer => importer.ImportAsync(unit, request, cancellationToken), cancellationToken);

    /// <summary>What importing the unit would do; nothing is kept.</summary>
    public Task<ImportReceipt> PreviewAsync(ImportUnit unit, ImportRequest request, CancellationToken cancellationToken = default) =>
        WriteAsync(importer => importer.PreviewAsync(unit, request, cancellationToken), cancellationToken);

    /// <summary>
    /// Imports files given together (see <see cref="ExportBundle"/>): each export on its own, every export inside a zip on its
    /// own, an orders file with its items file as one import. One receipt per import, in the order given.
    /// </summary>
    public async Task<IReadOnlyList<ImportReceipt>> ImportAllAsync(IReadOnlyList<ExportFile> files, ImportRequest request,
        CancellationToken cancellationToken = default)
    {
        using var bundle = ExportBundle.Open(files);
        var receipts = new List<ImportReceipt>();
        foreach (var unit in bundle.Units)
            receipts.Add(await ImportAsync(unit, request, cancellationToken));
        return receipts;
    }

    private async Task<ImportReceipt> WriteAsync(Func<Importer, Task<ImportReceipt>> import, CancellationToken cancellationToken)
    {
        await _oneWriteAtATime.WaitAsync(cancellationToken);
        try
        {
            using var connection = Open();
            return await import(NewImporter(connection));
        }
        finally
        {
            _oneWriteAtATime.Release();
        }
    }

    /// <summary>Withdraws a landed import (see <see cref="ImportWithdrawal"/>); throws <see cref="WithdrawRefusedException"/> when it cannot.</summary>
    public async Task<ImportReceipt> WithdrawAsync(long importId, string by, CancellationToken cancellationToken = default)
    {
        await _oneWriteAtATime.WaitAsync(cancellationToken);
        try
        {
            using var connection = Open();
            return await new ImportWithdrawal(connection, NewImporter(connection), Archive, options.MaintainRollups).WithdrawAsync(importId, by, Now(), cancellationToken);
        }
        finally
        {
            _oneWriteAtATime.Release();
        }
    }

    /// <summary>Makes the database anew from the archive (see <see cref="DatabaseRebuild"/>); the service must not be running.</summary>
    public async Task<RebuildOutcome> RebuildAsync(Action<string> progress, CancellationToken cancellationToken = default)
    {
        await _oneWriteAtATime.WaitAsync(cancellationToken);
        try
        {
            return await new DatabaseRebuild(options, _buyerKeys.Value, time, Formats).RunAsync(progress, cancellationToken);
        }
        finally
        {
            _oneWriteAtATime.Release();
        }
    }

    /// <summary>
    /// A consistent copy of the database, the archive and the buyer key into <c>analytics-backup-&lt;time&gt;/</c> in
    /// <paramref name="backupsFolder"/> (see <see cref="DatabaseBackup"/>). A reader, not a change: imports go on meanwhile.
    /// </summary>
    public Task<BackupOutcome> BackupAsync(string backupsFolder, Action<string>? progress = null, CancellationToken cancellationToken = default) =>
        Task.Run(() =>
        {
            using var connection = Open();
            return new DatabaseBackup(options, time).Run(connection, backupsFolder, progress ?? (_ => { }));
        }, cancellationToken);

    /// <summary>
    /// Puts a backup back in place of this store's database, archive and key (see <see cref="DatabaseRestore"/>); throws
    /// <see cref="RestoreRefusedException"/>, changing nothing, while a service runs on the database. Use no other
    /// method of this store afterwards: open a new one.
    /// </summary>
    public RestoreOutcome Restore(string backupFolder, Action<string>? progress = null) =>
        new DatabaseRestore(options, time, Formats).Run(backupFolder, progress ?? (_ => { }));

    /// <summary>
    /// Registers a shop of a platform (a code or any name of it: jd, 京东); throws <see cref="UnknownPlatformException"/>
    /// or <see cref="ShopRegistryException"/> when it cannot.
    /// </summary>
    public RegisteredShopName AddShop(string name, string platform, string? enterprise, string actor) => WriteAlone(connection =>
    {
        var code = ShopRegistry.PlatformCode(connection, platform)
            ?? throw new UnknownPlatformException($"不认识的平台“{platform}”；可用：{string.Join("、", ShopRegistry.PlatformChoices(connection))}。");
        ShopRegistry.Add(connection, name, code, enterprise, actor, Now());
        return new RegisteredShopName(name, ShopRegistry.PlatformName(connection, null, code), enterprise ?? name);
    });

    /// <summary>Renames a shop: its orders, imports and figures move with it, and imports naming the old name count under the new one.</summary>
    public void RenameShop(string from, string to, string actor) => WriteAlone(connection =>
    {
        ShopRegistry.Rename(connection, from, to, actor, Now());
        return true;
    });

    /// <summary>Merges one shop into another of the same platform; an order both hold keeps its newer version.</summary>
    public MergeOutcome MergeShops(string from, string into, string actor) =>
        WriteAlone(connection => ShopRegistry.Merge(connection, from, into, actor, Now()));

    /// <summary>Puts one product in a category (and says whether it is a farm product); false when no such product was ever imported.</summary>
    public bool FixProductCategory(string platform, string shop, string productId, string category, bool farm, string actor) =>
        WriteAlone(connection => ProductCategoryBook.Fix(connection, new ProductCategoryFix
        {
            Platform = platform, Shop = shop, ProductId = productId, Category = category, Farm = farm, FixedBy = actor, FixedAt = Now(),
        }));

    /// <summary>Gives a product back to the rules of seeds/product-categories.csv; false when it had no fix.</summary>
    public bool ClearProductCategory(string platform, string shop, string productId, string actor) =>
        WriteAlone(connection => ProductCategoryBook.Clear(connection, platform, shop, productId, actor, Now()));

    private T WriteAlone<T>(Func<SqliteConnection, T> change)
    {
        _oneWriteAtATime.Wait();
        try
        {
            using var connection = Open();
            return change(connection);
        }
        finally
        {
            _oneWriteAtATime.Release();
        }
    }

    /// <summary>A small change that waits its turn behind any import, so it never makes an import wait on the database.</summary>
    internal async Task<T> WriteAloneAsync<T>(Func<SqliteConnection, T> change, CancellationToken cancellationToken)
    {
        await _oneWriteAtATime.WaitAsync(cancellationToken);
        try
        {
            using var connection = Open();
            return change(connection);
        }
        finally
        {
            _oneWriteAtATime.Release();
        }
    }

    private Importer NewImporter(SqliteConnection connection) =>
        new(new SqliteImportSink(connection, options.KeepArchive ? Archive : null, options.MaintainRollups), _buyerKeys.Value, time, Formats);

    public string Now() => time.BeijingNowText();

    public void Dispose() => _oneWriteAtATime.Dispose();
}
