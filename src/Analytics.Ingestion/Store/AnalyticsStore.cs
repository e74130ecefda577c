using Analytics.Ingestion.Importing;
using Analytics.Ingestion.Normalising;
using Microsoft.Data.Sqlite;

namespace Analytics.Ingestion.Store;

/// <summary>
/// The one door to the database for the CLI, the inbox worker and uploads: opens connections on an up-to-date schema
/// and runs imports one at a time, because SQLite has one writer and a file lands in one transaction.
/// </summary>
public sealed class AnalyticsStore(StoreOptions options, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _oneImportAtATime = new(1, 1);
    private readonly Lazy<BuyerKeys> _buyerKeys = new(() => BuyerKeys.Load(options.EffectiveBuyerKeyFile));
    private readonly Lock _migration = new();
    private bool _migrated;

    public StoreOptions Options => options;

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
        await _oneImportAtATime.WaitAsync(cancellationToken);
        try
        {
            using var connection = Open();
            return await new Importer(connection, _buyerKeys.Value, time, options.MaintainRollups).ImportAsync(path, request, cancellationToken);
        }
        finally
        {
            _oneImportAtATime.Release();
        }
    }

    public void Dispose() => _oneImportAtATime.Dispose();
}
