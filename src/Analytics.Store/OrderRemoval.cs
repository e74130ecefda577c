using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Analytics.Store;

/// <summary>
/// Takes stored orders out with everything derived from them: the days they were paid on are rebuilt and their
/// buyers' days leave the buyer counts. Used by a withdrawal and by a shop merge, inside their transaction.
/// </summary>
internal sealed class OrderRemoval : IDisposable
{
    private const string Stored = "SELECT paid_at, buyer_key FROM orders WHERE platform = @platform AND shop = @shop AND order_id = @order_id";
    private const string Delete = """
        DELETE FROM order_lines WHERE platform = @platform AND shop = @shop AND order_id = @order_id;
        """;
    private const string DeleteOrder = "DELETE FROM orders WHERE platform = @platform AND shop = @shop AND order_id = @order_id";

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteStatement _stored, _deleteLines, _deleteOrder;
    private readonly BuyerStats _buyers;
    private readonly HashSet<DateOnly> _days = [];

    public OrderRemoval(SqliteConnection connection, SqliteTransaction transaction, string platform)
    {
        (_connection, _transaction) = (connection, transaction);
        _buyers = new BuyerStats(connection, platform);
        (_stored, _deleteLines, _deleteOrder) = (new SqliteStatement(connection, Stored), new SqliteStatement(connection, Delete), new SqliteStatement(connection, DeleteOrder));
        foreach (var statement in new[] { _stored, _deleteLines, _deleteOrder })
            statement.Bind(statement.Index("@platform"), platform);
    }

    /// <summary>The days whose rollups <see cref="Finish"/> rebuilds; a caller adds the days it writes orders on.</summary>
    public ISet<DateOnly> Days => _days;

    public void Remove(string shop, string orderId)
    {
        foreach (var statement in new[] { _stored, _deleteLines, _deleteOrder })
        {
            statement.Bind(statement.Index("@shop"), shop);
            statement.Bind(statement.Index("@order_id"), orderId);
        }
        var (paidAt, buyer) = _stored.QueryTexts();
        if (paidAt is { Length: >= 10 })
            _days.Add(DateOnly.ParseExact(paidAt.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture));
        _buyers.Move(buyer, paidAt, null, null);
        _deleteLines.Execute();
        _deleteOrder.Execute();
    }

    public void Finish()
    {
        _buyers.Apply(_connection, _transaction);
        Rollups.Rebuild(_connection, _transaction, _days);
        _days.Clear();
    }

    public void Dispose()
    {
        _stored.Dispose();
        _deleteLines.Dispose();
        _deleteOrder.Dispose();
        _buyers.Dispose();
    }
}
