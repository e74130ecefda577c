using System.Text.Json;
using Analytics.Ingestion.Importing;
using Analytics.Ingestion.Orders;
using Microsoft.Data.Sqlite;

namespace Analytics.Store;

/// <summary>
/// Orders of the file being imported whose version equals the stored one. They wait until the whole file is read,
/// because the tie-break is the latest time anywhere in the file. Kept in a temporary table, not in memory: a
/// re-export of a period in which no time changed ties on every order.
/// </summary>
internal sealed class TiedOrders : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteStatement _add;

    public TiedOrders(SqliteConnection connection)
    {
        _connection = connection;
        Execute("CREATE TEMP TABLE IF NOT EXISTS tied_orders (seq INTEGER PRIMARY KEY, payload TEXT NOT NULL)");
        Execute("DELETE FROM temp.tied_orders"); // what an import that failed on this connection left
        _add = new SqliteStatement(connection, "INSERT INTO temp.tied_orders (payload) VALUES (@payload)");
    }

    public int Count { get; private set; }

    public void Add(ImportedOrder order)
    {
        _add.Bind(1, JsonSerializer.Serialize(order));
        _add.Execute();
        Count++;
    }

    /// <summary>
    /// Every waiting order in the order they came, and the table emptied. The payloads are read out before the caller
    /// writes, and each order is made from its payload only when the caller reaches it.
    /// </summary>
    public IEnumerable<ImportedOrder> TakeAll()
    {
        var payloads = new List<string>(Count);
        using (var read = new SqliteStatement(_connection, "SELECT payload FROM temp.tied_orders ORDER BY seq"))
        {
            while (read.Step())
                payloads.Add(read.ColumnText(0));
        }
        Execute("DELETE FROM temp.tied_orders");
        Count = 0;
        return payloads.Select(payload => JsonSerializer.Deserialize<ImportedOrder>(payload)!);
    }

    public void Dispose() => _add.Dispose();

    private void Execute(string sql)
    {
        using var statement = new SqliteStatement(_connection, sql);
        statement.Execute();
    }
}
