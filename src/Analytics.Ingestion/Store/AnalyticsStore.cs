using Analytics.Ingestion.Importing;
using Analytics.Ingestion.Normalising;
using Microsoft.Data.Sqlite;

namespace Analytics.Ingestion.Store;

/// <summary>
/// The one door to the database for the CLI, the inbox worker and uploads: opens connections on an up-to-date schema
/// and runs imports and withdrawals one at a time, because SQLite has one writer and each lands in one transaction.
/// </summary>
public sealed class AnalyticsStore(StoreOptions options, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _oneWriteAtATime = new(1, 1);
    private readonly Lazy<BuyerKeys> _buyerKeys = new(() => BuyerKeys.Load(options.EffectiveBuyerKeyFile));
    private readonly Lock _migration = new();
    private bool _migrated;

    public StoreOptions Options => options;

    public ExportArchive Archive { get; } = new(options.EffectiveArchivePath);

    /// <summary>How many orders and imports the database holds; throws when it cannot be read.</summary>
    public StoreCounts Counts()
    {
        using var connection = Open();
        return StoreCounts.Of(connection);
    }

    public SqliteConnection Open()
    {
        var connection = Database.Open(options.DatabasePath);
        lock (_migration)
        {
            if (!_migrated)
            {
                Database.Migrate(connection, options.SeedsDirectory);
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

    /// <summary>Withdraws a landed import (see <see cref="ImportWithdrawal"/>); throws <see cref="WithdrawRefusedException"/> when it cannot.</summary>
    public async Task<ImportReceipt> WithdrawAsync(long importId, string by, CancellationToken cancellationToken = default)
    {
        await _oneWriteAtATime.WaitAsync(cancellationToken);
        try
        {
            using var connection = Open();
            return await new ImportWithdrawal(connection, NewImporter(connection), Archive).WithdrawAsync(importId, by, Now(), cancellationToken);
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
            return await new DatabaseRebuild(options, _buyerKeys.Value, time).RunAsync(progress, cancellationToken);
        }
        finally
        {
            _oneWriteAtATime.Release();
        }
    }

    private Importer NewImporter(SqliteConnection connection) =>
        new(connection, _buyerKeys.Value, time, options.KeepArchive ? Archive : null, options.MaintainRollups);

    public string Now() => time.BeijingNowText();

    public void Dispose() => _oneWriteAtATime.Dispose();
}
