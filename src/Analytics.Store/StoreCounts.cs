using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Store;

/// <summary>How much the database holds (orders and the import log, for the health check) and how far its data reaches.</summary>
public sealed record StoreCounts(long Orders, long Imports)
{
    internal static StoreCounts Of(SqliteConnection connection) => connection.QuerySingle<StoreCounts>(
        """
        SELECT (SELECT count(*) FROM orders) AS Orders, (SELECT count(*) FROM imports) AS Imports
        """);

    /// <summary>The latest payment time in the data (Beijing time), null when nothing was paid.</summary>
    public static string? LatestPaidAt(SqliteConnection connection) =>
        connection.ExecuteScalar<string?>("SELECT max(paid_at) FROM orders");
}
