using Analytics.Ingestion.Formats;
using Analytics.Ingestion.Importing;
using Analytics.Store.Sales;
using Microsoft.Data.Sqlite;

namespace Analytics.Store;

/// <summary>
/// One reading session on the store (one connection, for one request, report or CLI command): every typed read that
/// the figures, the reports and the operators' pages ask for. Callers see rows and names, never tables.
/// </summary>
public sealed class StoreReads : IDisposable
{
    private readonly SqliteConnection _connection;

    internal StoreReads(SqliteConnection connection, ExportCatalog formats)
    {
        _connection = connection;
        Sales = new SalesReader(connection);
        Formats = formats;
    }

    /// <summary>What each platform's exports can say (refunds stated or inferred), the mapped platforms included.</summary>
    public ExportCatalog Formats { get; }

    /// <summary>Totals, days, buyers, rankings and product regions for a scope and window.</summary>
    public SalesReader Sales { get; }

    /// <summary>Grows with every change to the data (an import landing, a withdrawal, a shop merged): answers older than it are stale.</summary>
    public long DataVersion() => StoreEvents.DataVersion(_connection);

    /// <summary>The latest payment time in the data (Beijing time), null when nothing was paid.</summary>
    public string? LatestPaidAt() => StoreCounts.LatestPaidAt(_connection);

    /// <inheritdoc cref="ScopeLookups.DaysWithSales"/>
    public (string? First, string? Last) DaysWithSales() => ScopeLookups.DaysWithSales(_connection);

    /// <inheritdoc cref="ScopeLookups.PlatformCode"/>
    public string? PlatformCode(string text) => ScopeLookups.PlatformCode(_connection, text);

    /// <inheritdoc cref="ScopeLookups.KnownPlatforms"/>
    public IReadOnlyList<string> KnownPlatforms() => ScopeLookups.KnownPlatforms(_connection);

    /// <inheritdoc cref="ScopeLookups.ProvinceCode"/>
    public string? ProvinceCode(string text) => ScopeLookups.ProvinceCode(_connection, text);

    public IReadOnlyDictionary<string, string> ProvinceShortNames() => ReferenceNames.ProvinceShortNames(_connection);

    public IReadOnlyDictionary<string, string> PlatformNames() => ReferenceNames.PlatformNames(_connection);

    /// <inheritdoc cref="CoverageReads.Shops"/>
    public IReadOnlyList<ShopCoverage> ShopCoverage(string from, string to) => CoverageReads.Shops(_connection, from, to);

    /// <inheritdoc cref="CoverageReads.Fallbacks"/>
    public IReadOnlyList<PaymentTimeFallback> PaymentTimeFallbacks(string from, string toNext) => CoverageReads.Fallbacks(_connection, from, toNext);

    /// <inheritdoc cref="CoverageReads.History"/>
    public (long FilesLanded, string? LastImportAt, string? FirstDayEver) ImportHistory() => CoverageReads.History(_connection);

    /// <inheritdoc cref="CoverageReads.NetSalesByMonth"/>
    public IReadOnlyDictionary<string, long> NetSalesByMonth(string firstMonth, string lastMonth) =>
        CoverageReads.NetSalesByMonth(_connection, firstMonth, lastMonth);

    /// <summary>The import log, newest first.</summary>
    public IReadOnlyList<ImportReceipt> Imports(int limit) => ImportLog.List(_connection, limit);

    /// <summary>The imports filed under these shops, newest first.</summary>
    public IReadOnlyList<ImportReceipt> ImportsOfShops(IReadOnlyList<string> shops, int limit) => ImportLog.OfShops(_connection, shops, limit);

    public ImportReceipt? Import(long importId) => ImportLog.Find(_connection, importId);

    /// <inheritdoc cref="ImportLog.LastChangeFrom"/>
    public string? LastChangeFrom(string fromPaidAt) => ImportLog.LastChangeFrom(_connection, fromPaidAt);

    /// <inheritdoc cref="ImportLog.PerShop"/>
    public IReadOnlyList<ShopImports> ImportsPerShop() => ImportLog.PerShop(_connection);

    /// <summary>The shop registry with each shop's orders and imports.</summary>
    public IReadOnlyList<ShopListing> Shops() => ShopRegistry.List(_connection);

    /// <summary>The rules of seeds/product-categories.csv, in the order they are tried.</summary>
    public IReadOnlyList<CategoryRule> CategoryRules() => ProductCategoryBook.Rules(_connection);

    /// <summary>The bureau's category for single products, which wins over the rules.</summary>
    public IReadOnlyList<ProductCategoryFix> ProductCategoryFixes() => ProductCategoryBook.Fixes(_connection);

    public void Dispose() => _connection.Dispose();
}
