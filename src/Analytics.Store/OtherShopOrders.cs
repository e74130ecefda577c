using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Store;

/// <summary>
/// Looks up order numbers under a platform's other shops. A platform's order numbers are unique across the platform,
/// so a file whose orders are already stored under another shop was given the wrong shop — and importing it would
/// count the same sales twice. Point look-ups on the orders' key, one per other shop.
/// </summary>
internal sealed class OtherShopOrders : IDisposable
{
    private const string Lookup = "SELECT 1 FROM orders WHERE platform = @platform AND shop = @shop AND order_id = @order_id";

    private readonly List<(string Shop, SqliteStatement Statement, int OrderId)> _shops = [];

    public OtherShopOrders(SqliteConnection connection, SqliteTransaction transaction, string platform, string shop)
    {
        const string others = "SELECT DISTINCT shop FROM shops WHERE platform = @platform AND shop <> @shop";
        foreach (var other in connection.Query<string>(others, new { platform, shop }, transaction))
        {
            var statement = new SqliteStatement(connection, Lookup);
            statement.Bind(statement.Index("@platform"), platform);
            statement.Bind(statement.Index("@shop"), other);
            _shops.Add((other, statement, statement.Index("@order_id")));
        }
    }

    /// <summary>The other shop that holds this order number, if any.</summary>
    public string? Holding(string orderId)
    {
        foreach (var (shop, statement, orderIdIndex) in _shops)
        {
            statement.Bind(orderIdIndex, orderId);
            if (statement.Execute() is not null)
                return shop;
        }
        return null;
    }

    public void Dispose()
    {
        foreach (var (_, statement, _) in _shops)
            statement.Dispose();
    }
}
