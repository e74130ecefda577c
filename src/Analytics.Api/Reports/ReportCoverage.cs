using Analytics.Api.Metrics;
using Analytics.Ingestion.Store;
using Analytics.Ingestion.Store.Sales;
using Microsoft.Data.Sqlite;

namespace Analytics.Api.Reports;

/// <summary>
/// What the figures rest on: every known shop with the days and months of the period (and of the same period a
/// year before) it has data for, and the fallbacks used.
/// </summary>
internal sealed record ReportCoverage(
    IReadOnlyList<ShopCoverage> Shops, IReadOnlyList<ShopCoverage> YearAgoShops, IReadOnlyList<PaymentTimeFallback> Fallbacks,
    long FilesImported, string? LastImportAt, string? FirstDayEver)
{
    public static ReportCoverage Read(SqliteConnection connection, ReportPeriod period)
    {
        var (files, lastImport, firstDay) = CoverageReads.History(connection);
        var yearAgoTo = new SalesScope(period.From, period.To).YearAgo().To;
        return new ReportCoverage(
            CoverageReads.Shops(connection, SalesScope.Text(period.From), SalesScope.Text(period.To)),
            CoverageReads.Shops(connection, SalesScope.Text(period.From.AddYears(-1)), SalesScope.Text(yearAgoTo)),
            CoverageReads.Fallbacks(connection, SalesScope.Text(period.From), SalesScope.Text(period.To.AddDays(1))),
            files, lastImport, firstDay);
    }
}
