using Analytics.Api.Metrics;
using Dapper;
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
        // The IN list is the partial index's own (007_fallback_index.sql): SQLite uses the index only when they match.
        const string fallbacks = """
            SELECT platform AS Platform, payment_time_source AS Source, count(*) AS Orders
            FROM orders
            WHERE paid_at >= @from AND paid_at < @toNext AND payment_time_source IN ('order-created-column', 'order-number-date')
            GROUP BY platform, payment_time_source
            """;
        const string imports = "SELECT count(*), max(finished_at) FROM imports WHERE status = 'landed'";
        const string firstDay = "SELECT min(day) FROM sales_daily";

        var (files, lastImport) = connection.QuerySingle<(long, string?)>(imports);
        var window = new { from = SalesScope.Text(period.From), toNext = SalesScope.Text(period.To.AddDays(1)) };
        return new ReportCoverage(
            ShopsOver(connection, period.From, period.To),
            ShopsOver(connection, period.From.AddYears(-1), new SalesScope(period.From, period.To).YearAgo().To),
            connection.Query<PaymentTimeFallback>(fallbacks, window).ToList(),
            files, lastImport, connection.ExecuteScalar<string?>(firstDay));
    }

    /// <summary>Shops from the seeded map and every shop that ever sold, so a shop whose exports are missing shows up as such.</summary>
    private static List<ShopCoverage> ShopsOver(SqliteConnection connection, DateOnly from, DateOnly to)
    {
        const string shops = """
            WITH known AS (SELECT platform, shop FROM shops UNION SELECT DISTINCT platform, shop FROM sales_monthly),
            inside AS (
                SELECT platform, shop, min(day) AS first_day, max(day) AS last_day, sum(orders) AS orders, sum(gmv_fen - refund_fen) AS net_fen
                FROM sales_daily WHERE day >= @from AND day <= @to
                GROUP BY platform, shop),
            ever AS (SELECT platform, shop, min(month) AS first_month, max(month) AS last_month FROM sales_monthly GROUP BY platform, shop)
            SELECT k.platform AS Platform, coalesce(p.name, k.platform) AS PlatformName, k.shop AS Shop,
                   coalesce(e.enterprise, k.shop) AS Enterprise, i.first_day AS FirstDay, i.last_day AS LastDay,
                   coalesce(i.orders, 0) AS Orders, coalesce(i.net_fen, 0) AS NetSalesFen,
                   v.first_month AS FirstMonthEver, v.last_month AS LastMonthEver
            FROM known k
            LEFT JOIN inside i ON i.platform = k.platform AND i.shop = k.shop
            LEFT JOIN ever v ON v.platform = k.platform AND v.shop = k.shop
            LEFT JOIN platforms p ON p.code = k.platform
            LEFT JOIN shops e ON e.platform = k.platform AND e.shop = k.shop
            ORDER BY coalesce(i.net_fen, 0) DESC, k.platform, k.shop
            """;
        const string months = """
            SELECT platform AS Platform, shop AS Shop, month AS Month
            FROM sales_monthly WHERE month >= @firstMonth AND month <= @lastMonth
            GROUP BY platform, shop, month HAVING sum(orders) > 0
            """;
        var window = new { from = SalesScope.Text(from), to = SalesScope.Text(to), firstMonth = SalesScope.Text(from)[..7], lastMonth = SalesScope.Text(to)[..7] };
        var monthsWithData = connection.Query<(string Platform, string Shop, string Month)>(months, window)
            .ToLookup(m => (m.Platform, m.Shop), m => m.Month);
        return connection.Query<ShopCoverage>(shops, window)
            .Select(s => s with { MonthsWithData = monthsWithData[(s.Platform, s.Shop)].ToHashSet(StringComparer.Ordinal) })
            .ToList();
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
    public string? FirstMonthEver { get; init; }
    public string? LastMonthEver { get; init; }

    /// <summary>The window's months (YYYY-MM) in which the shop has paid orders.</summary>
    public IReadOnlySet<string> MonthsWithData { get; init; } = new HashSet<string>();
}

internal sealed record PaymentTimeFallback
{
    public required string Platform { get; init; }
    public required string Source { get; init; }
    public long Orders { get; init; }
}
