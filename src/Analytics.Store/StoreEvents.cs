using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Store;

/// <summary>What was done to the data besides importing — withdrawals, shop changes, rebuilds — with who and when.</summary>
internal static class StoreEvents
{
    internal static void Record(SqliteConnection connection, SqliteTransaction? transaction, string at, string kind, string actor, string detail)
    {
        const string sql = "INSERT INTO store_events (at, kind, actor, detail) VALUES (@at, @kind, @actor, @detail)";
        connection.Execute(sql, new { at, kind, actor, detail }, transaction);
    }

    /// <summary>
    /// Moves whenever the figures may have changed: an import, a withdrawal, a shop merge, a rebuild. Both ids only
    /// grow, so their sum does too.
    /// </summary>
    public static long DataVersion(SqliteConnection connection)
    {
        const string sql = "SELECT coalesce((SELECT max(id) FROM imports), 0) + coalesce((SELECT max(id) FROM store_events), 0)";
        return connection.ExecuteScalar<long>(sql);
    }

    public static IReadOnlyList<StoreEvent> List(SqliteConnection connection, int limit = 200)
    {
        const string sql = "SELECT id, at, kind, actor, detail FROM store_events ORDER BY id DESC LIMIT @limit";
        return connection.Query<StoreEvent>(sql, new { limit }).ToList();
    }
}

public sealed record StoreEvent
{
    public long Id { get; init; }
    public required string At { get; init; }
    public required string Kind { get; init; }
    public required string Actor { get; init; }
    public required string Detail { get; init; }
}
