using Analytics.Api.Metrics;
using Analytics.Store;
using Analytics.Store.Sales;

namespace Analytics.Api.Reports;

/// <summary>
/// What the figures rest on: every known shop with the days and months of the period (and of the same period a
/// year before) it has data for, and the fallbacks used.
/// </summary>
internal sealed record ReportCoverage(
    IReadOnlyList<ShopCoverage> Shops, IReadOnlyList<ShopCoverage> YearAgoShops, IReadOnlyList<PaymentTimeFallback> Fallbacks,
    long FilesImported, string? LastImportAt, string? FirstDayEver)
{
    public static ReportCoverage Read(StoreReads data, ReportPeriod period)
    {
        var (files, lastImport, firstDay) = data.ImportHistory();
        var yearAgoTo = new SalesScope(period.From, period.To).YearAgo().To;
        return new ReportCoverage(
            data.ShopCoverage(SalesScope.Text(period.From), SalesScope.Text(period.To)),
            data.ShopCoverage(SalesScope.Text(period.From.AddYears(-1)), SalesScope.Text(yearAgoTo)),
            data.PaymentTimeFallbacks(SalesScope.Text(period.From), SalesScope.Text(period.To.AddDays(1))),
            files, lastImport, firstDay);
    }
}
