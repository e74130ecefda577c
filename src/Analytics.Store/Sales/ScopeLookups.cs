using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Store.Sales;

/// <summary>What a query's filters name, resolved against the seeded names and the data: platforms, provinces, the years covered.</summary>
internal static class ScopeLookups
{
    /// <summary>The first and last day with sales (Beijing <c>yyyy-MM-dd</c>), null when there are none.</summary>
    public static (string? First, string? Last) DaysWithSales(SqliteConnection connection) =>
        // Two subqueries: SQLite answers a lone min() or max() from the index, but both in one SELECT scan the table.
        connection.QuerySingle<(string? First, string? Last)>("SELECT (SELECT min(day) FROM sales_daily), (SELECT max(day) FROM sales_daily)");

    /// <summary>A platform's code from its code, name or any alias (jd, 京东, 京东商城), or a platform code found in the data.</summary>
    public static string? PlatformCode(SqliteConnection connection, string text) =>
        connection.QueryFirstOrDefault<string>(
            """
            SELECT code FROM platforms WHERE code = lower(@p) OR name = @p OR '|' || lower(aliases) || '|' LIKE '%|' || lower(@p) || '|%'
            UNION SELECT DISTINCT platform FROM sales_daily WHERE platform = lower(@p)
            """, new { p = text });

    /// <summary>The platforms a filter accepts, as "code (name)".</summary>
    public static IReadOnlyList<string> KnownPlatforms(SqliteConnection connection) =>
        connection.Query<string>("SELECT code || ' (' || name || ')' FROM platforms ORDER BY code").ToList();

    /// <summary>A province's GB/T 2260 code from its code, name, short name or any spelling (14, 山西, 山西省).</summary>
    public static string? ProvinceCode(SqliteConnection connection, string text) =>
        connection.QuerySingleOrDefault<string>(
            "SELECT code FROM provinces WHERE code = @p OR name = @p OR short_name = @p OR '|' || aliases || '|' LIKE '%|' || @p || '|%'",
            new { p = text });
}
