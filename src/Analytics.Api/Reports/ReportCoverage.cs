using Analytics.Api.Metrics;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Api.Reports;

/// <summary>What the figures rest on: every known shop with the days of the period it has data for, and the fallbacks used.</summary>
internal sealed record ReportCoverage(IReadOnlyList<ShopCoverage> Shops, IReadOnlyList<PaymentTimeFallback> Fallbacks, long FilesImported, string? LastImportAt)
{
    public static ReportCoverage Read(SqliteConnection connection, ReportPeriod period)
    {
        // Shops from the seeded map and every shop that ever sold, so a shop whose exports are missing shows up as such.
        const string shops = """
            WITH known AS (SELECT platform, shop FROM shops UNION SELECT DISTINCT platform, shop FROM sales_monthly),
            inside AS (
                SELECT platform, shop, min(day) AS first_day, max(day) AS last_day, sum(orders) AS orders, sum(gmv_fen - refund_fen) AS net_fen
                FROM sales_daily WHERE day >= @from AND day <= @to
                GROUP BY platform, shop)
            SELECT k.platform AS Platform, coalesce(p.name, k.platform) AS PlatformName, k.shop AS Shop,
                   coalesce(e.enterprise, k.shop) AS Enterprise, i.first_day AS FirstDay, i.last_day AS LastDay,
                   coalesce(i.orders, 0) AS Orders, coalesce(i.net_fen, 0) AS NetSalesFen,
                   (SELECT max(m.month) FROM sales_monthly m WHERE m.platform = k.platform AND m.shop = k.shop) AS LastMonthEver
            FROM known k
            LEFT JOIN inside i ON i.platform = k.platform AND i.shop = k.shop
            LEFT JOIN platforms p ON p.code = k.platform
            LEFT JOIN shops e ON e.platform = k.platform AND e.shop = k.shop
            ORDER BY coalesce(i.net_fen, 0) DESC, k.platform, k.shop
            """;
        const string fallbacks = """
            SELECT platform AS Platform, payment_time_source AS Source, count(*) AS Orders
            FROM orders
            WHERE paid_at >= @from AND paid_at < @toNext AND payment_time_source IN ('order-created-column', 'order-number-date')
            GROUP BY platform, payment_time_source
            """;
        const string imports = "SELECT count(*), max(finished_at) FROM imports WHERE status = 'landed'";

        var window = new { from = SalesScope.Text(period.From), to = SalesScope.Text(period.To), toNext = SalesScope.Text(period.To.AddDays(1)) };
        var (files, lastImport) = connection.QuerySingle<(long, string?)>(imports);
        return new ReportCoverage(
            connection.Query<ShopCoverage>(shops, window).ToList(),
            connection.Query<PaymentTimeFallback>(fallbacks, window).ToList(),
            files, lastImport);
    }
}

internal sealed record ShopCoverage
{
    public required string Platform { get; init; }
    public required string PlatformName { get; init; }
    public required string Shop { get; init; }
    public required string Enterprise { get; init; }
    public string? FirstDay { get; init; }
    public string? LastDay { get; init; }
    public long Orders { get; init; }
    public long NetSalesFen { get; init; }
    public string? LastMonthEver { get; init; }
}

internal sealed record PaymentTimeFallback
{
    public required string Platform { get; init; }
    public required string Source { get; init; }
    public long Orders { get; init; }
}
