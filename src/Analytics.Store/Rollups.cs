using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Store;

/// <summary>
/// The definition of the rollups over orders and lines, applied to whole payment days inside the import's transaction.
/// Days on which a stored order changed are rebuilt this way (see <see cref="RollupDeltas"/>), which keeps the rollups
/// equal to their definition however an order changed: a new payment day, a refund, a province filled in.
/// </summary>
internal static class Rollups
{
    // A day's rollup rows are the day's sales rows summed (SalesRows: the one definition, which raw answers read too).
    private const string RebuildSales = """
        DELETE FROM sales_daily WHERE day = @from;
        INSERT INTO sales_daily (day, platform, shop, province_code, orders, gmv_fen, refund_fen, units,
                                 buyer_orders, buyer_gmv_fen, estimated_buyer_orders)
        SELECT day, platform, shop, province_code, sum(orders), sum(gmv_fen), sum(refund_fen), sum(units),
               sum(buyer_orders), sum(buyer_gmv_fen), sum(estimated_buyer_orders)
        FROM (
        """ + SalesRows.OfOrders + """
        )
        GROUP BY day, platform, shop, province_code;
        """;

    private const string RebuildProducts = """
        DELETE FROM product_daily WHERE day = @from;
        INSERT INTO product_daily (day, platform, shop, product_id, province_code, orders, gmv_fen, refund_fen, units)
        SELECT day, platform, shop, product_id, province_code, sum(orders), sum(gmv_fen), sum(refund_fen), sum(units)
        FROM (
        """ + SalesRows.OfOrderProducts + """
        )
        GROUP BY day, platform, shop, product_id, province_code;
        """;

    public static void RebuildAll(SqliteConnection connection, SqliteTransaction transaction)
    {
        var days = connection.Query<string>("SELECT DISTINCT substr(paid_at, 1, 10) FROM orders WHERE paid_at IS NOT NULL", transaction: transaction);
        Rebuild(connection, transaction, days.Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToList());
        const string latestPaidAt = """
            UPDATE imports SET latest_paid_at = (SELECT max(o.paid_at) FROM orders o WHERE o.platform = imports.platform AND o.shop = imports.shop)
            WHERE status = 'landed'
            """;
        connection.Execute(latestPaidAt, transaction: transaction);
        const string titles = """
            INSERT OR REPLACE INTO products (platform, shop, product_id, title, observed_at)
            SELECT platform, shop, coalesce(product_id, line_id), product_title, max(observed_at)
            FROM order_lines WHERE product_title IS NOT NULL
            GROUP BY platform, shop, coalesce(product_id, line_id)
            """;
        connection.Execute(titles, transaction: transaction);
    }

    /// <summary>A shop's product titles from its stored lines: each product's title in its newest stored version.</summary>
    public static void RebuildTitles(SqliteConnection connection, SqliteTransaction transaction, string platform, string shop)
    {
        const string sql = """
            DELETE FROM products WHERE platform = @platform AND shop = @shop;
            INSERT INTO products (platform, shop, product_id, title, observed_at)
            SELECT platform, shop, coalesce(product_id, line_id), product_title, max(observed_at)
            FROM order_lines WHERE platform = @platform AND shop = @shop AND product_title IS NOT NULL
            GROUP BY platform, shop, coalesce(product_id, line_id)
            """;
        connection.Execute(sql, new { platform, shop }, transaction);
    }

    // A day's rows are taken out of its month before the day is rebuilt and put back after, so months stay exact.
    private const string DayIntoMonth = """
        INSERT INTO sales_monthly (month, platform, shop, province_code, orders, gmv_fen, refund_fen, units, buyer_orders, buyer_gmv_fen, estimated_buyer_orders)
        SELECT substr(day, 1, 7), platform, shop, province_code, @sign * orders, @sign * gmv_fen, @sign * refund_fen, @sign * units,
               @sign * buyer_orders, @sign * buyer_gmv_fen, @sign * estimated_buyer_orders
        FROM sales_daily WHERE day = @day
        ON CONFLICT (month, platform, shop, province_code) DO UPDATE SET
            orders = orders + excluded.orders, gmv_fen = gmv_fen + excluded.gmv_fen, refund_fen = refund_fen + excluded.refund_fen,
            units = units + excluded.units, buyer_orders = buyer_orders + excluded.buyer_orders,
            buyer_gmv_fen = buyer_gmv_fen + excluded.buyer_gmv_fen, estimated_buyer_orders = estimated_buyer_orders + excluded.estimated_buyer_orders;
        INSERT INTO product_monthly (month, platform, shop, product_id, province_code, orders, gmv_fen, refund_fen, units)
        SELECT substr(day, 1, 7), platform, shop, product_id, province_code, @sign * orders, @sign * gmv_fen, @sign * refund_fen, @sign * units
        FROM product_daily WHERE day = @day
        ON CONFLICT (month, platform, shop, product_id, province_code) DO UPDATE SET
            orders = orders + excluded.orders, gmv_fen = gmv_fen + excluded.gmv_fen, refund_fen = refund_fen + excluded.refund_fen,
            units = units + excluded.units;
        DELETE FROM sales_monthly WHERE month = substr(@day, 1, 7) AND orders = 0;
        DELETE FROM product_monthly WHERE month = substr(@day, 1, 7) AND orders = 0;
        """;

    public static void Rebuild(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<DateOnly> days)
    {
        foreach (var day in days.Distinct().Order())
        {
            var text = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var parameters = new { from = text, toNext = day.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
            connection.Execute(DayIntoMonth, new { day = text, sign = -1 }, transaction);
            connection.Execute(RebuildSales, parameters, transaction);
            connection.Execute(RebuildProducts, parameters, transaction);
            connection.Execute(DayIntoMonth, new { day = text, sign = 1 }, transaction);
        }
    }
}
