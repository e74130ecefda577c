using Analytics.Ingestion.Formats;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Store;

/// <summary>
/// What the figures of a window rest on, as a report states it: each shop's days and months with data, the orders
/// counted by a payment-time fallback, and the import log in brief. Dates are Beijing <c>yyyy-MM-dd</c> text.
/// </summary>
internal static class CoverageReads
{
    /// <summary>Every known shop — seeded or ever sold — with what it has in <c>from..to</c>, biggest net sales first.</summary>
    public static IReadOnlyList<ShopCoverage> Shops(SqliteConnection connection, string from, string to)
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
        var window = new { from, to, firstMonth = from[..7], lastMonth = to[..7] };
        var monthsWithData = connection.Query<(string Platform, string Shop, string Month)>(months, window)
            .ToLookup(m => (m.Platform, m.Shop), m => m.Month);
        return connection.Query<ShopCoverage>(shops, window)
            .Select(s => s with { MonthsWithData = monthsWithData[(s.Platform, s.Shop)].ToHashSet(StringComparer.Ordinal) })
            .ToList();
    }

    /// <summary>Paid orders of <c>from..to</c> whose payment time came from a fallback, per platform and fallback.</summary>
    public static IReadOnlyList<PaymentTimeFallback> Fallbacks(SqliteConnection connection, string from, string toNext)
    {
        // The IN list is the partial index's own (007_fallback_index.sql): SQLite uses the index only when they match.
        const string fallbacks = """
            SELECT platform AS Platform, payment_time_source AS Source, count(*) AS Orders
            FROM orders
            WHERE paid_at >= @from AND paid_at < @toNext AND payment_time_source IN ('order-created-column', 'order-number-date')
            GROUP BY platform, payment_time_source
            """;
        return connection.Query<(string Platform, string Source, long Orders)>(fallbacks, new { from, toNext })
            .Select(f => new PaymentTimeFallback
            {
                Platform = f.Platform,
                Source = f.Source == StoredText.Of(PaymentTimeSource.OrderNumberDate) ? PaymentTimeSource.OrderNumberDate : PaymentTimeSource.OrderCreatedColumn,
                Orders = f.Orders,
            })
            .ToList();
    }

    /// <summary>How many files have landed, when the last one did (Beijing time), and the first day with sales.</summary>
    public static (long FilesLanded, string? LastImportAt, string? FirstDayEver) History(SqliteConnection connection)
    {
        var (files, lastImport) = connection.QuerySingle<(long, string?)>("SELECT count(*), max(finished_at) FROM imports WHERE status = 'landed'");
        return (files, lastImport, connection.ExecuteScalar<string?>("SELECT min(day) FROM sales_daily"));
    }

    /// <summary>Net sales (fen) per month (<c>yyyy-MM</c>) from <paramref name="firstMonth"/> to <paramref name="lastMonth"/>; months without sales are absent.</summary>
    public static IReadOnlyDictionary<string, long> NetSalesByMonth(SqliteConnection connection, string firstMonth, string lastMonth) =>
        connection.Query<(string Month, long NetSalesFen)>(
            """
            SELECT month AS Month, sum(gmv_fen - refund_fen) AS NetSalesFen
            FROM sales_monthly
            WHERE month >= @firstMonth AND month <= @lastMonth
            GROUP BY month
            """, new { firstMonth, lastMonth })
            .ToDictionary(m => m.Month, m => m.NetSalesFen);
}

public sealed record ShopCoverage
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

public sealed record PaymentTimeFallback
{
    public required string Platform { get; init; }
    public required PaymentTimeSource Source { get; init; }
    public long Orders { get; init; }
}

/// <summary>The seeded names documents print: provinces' short names (山西) and platforms' names (抖音), by code.</summary>
internal static class ReferenceNames
{
    public static IReadOnlyDictionary<string, string> ProvinceShortNames(SqliteConnection connection) =>
        connection.Query<(string Code, string ShortName)>("SELECT code, short_name FROM provinces").ToDictionary(p => p.Code, p => p.ShortName);

    public static IReadOnlyDictionary<string, string> PlatformNames(SqliteConnection connection) =>
        connection.Query<(string Code, string Name)>("SELECT code, name FROM platforms").ToDictionary(p => p.Code, p => p.Name);
}
