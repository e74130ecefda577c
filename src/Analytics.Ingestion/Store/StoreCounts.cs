using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Ingestion.Store;

/// <summary>How much the database holds: orders and the import log, read by the health check.</summary>
public sealed record StoreCounts(long Orders, long Imports)
{
    internal static StoreCounts Of(SqliteConnection connection) => connection.QuerySingle<StoreCounts>(
        """
        SELECT (SELECT count(*) FROM orders) AS Orders, (SELECT count(*) FROM imports) AS Imports
        """);
}
