using Analytics.Store;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Analytics.Tests.Api;

namespace Analytics.Tests.Forecasts;

/// <summary>Writes daily sales straight into the day rollup, which is all the forecasts and warnings read.</summary>
internal static class SalesDays
{
    /// <summary>One row per day from <paramref name="from"/>: net sales in yuan (refunds as given), province 14.</summary>
    public static void Write(AnalyticsApp app, string platform, string shop, DateOnly from, IReadOnlyList<double> netYuan, IReadOnlyList<double>? refundYuan = null)
    {
        app.Services.GetRequiredService<AnalyticsStore>().Read().Dispose(); // the schema
        using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        for (var i = 0; i < netYuan.Count; i++)
        {
            var refund = (long)Math.Round((refundYuan?[i] ?? 0) * 100);
            connection.Execute("""
                INSERT OR REPLACE INTO sales_daily (day, platform, shop, province_code, orders, gmv_fen, refund_fen, units, buyer_orders, buyer_gmv_fen, estimated_buyer_orders)
                VALUES (@day, @platform, @shop, '14', @orders, @gmv, @refund, @orders, 0, 0, 0)
                """, new { day = from.AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), platform, shop, orders = (long)(netYuan[i] / 100), gmv = (long)Math.Round(netYuan[i] * 100) + refund, refund }, transaction);
        }
        // As an import would: the data version moves on, so answers and kept series are read afresh.
        connection.Execute("INSERT INTO store_events (at, kind, actor, detail) VALUES ('2023-01-01 00:00:00', 'test', 'test', 'sales days written')", transaction: transaction);
        transaction.Commit();
    }

    /// <summary>One product of a shop: a row per day in the product rollup (province 14) and its title.</summary>
    public static void WriteProduct(AnalyticsApp app, string platform, string shop, string productId, string title, DateOnly from, IReadOnlyList<double> netYuan)
    {
        app.Services.GetRequiredService<AnalyticsStore>().Read().Dispose(); // the schema
        using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        connection.Execute("INSERT OR REPLACE INTO products (platform, shop, product_id, title, observed_at) VALUES (@platform, @shop, @productId, @title, '2023-01-01 00:00:00')",
            new { platform, shop, productId, title }, transaction);
        for (var i = 0; i < netYuan.Count; i++)
        {
            connection.Execute("""
                INSERT OR REPLACE INTO product_daily (day, platform, shop, product_id, province_code, orders, gmv_fen, refund_fen, units)
                VALUES (@day, @platform, @shop, @productId, '14', @orders, @gmv, 0, @orders)
                """, new { day = from.AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), platform, shop, productId, orders = (long)(netYuan[i] / 100), gmv = (long)Math.Round(netYuan[i] * 100) }, transaction);
        }
        connection.Execute("INSERT INTO store_events (at, kind, actor, detail) VALUES ('2023-01-01 00:00:00', 'test', 'test', 'product days written')", transaction: transaction);
        transaction.Commit();
    }

    /// <summary>A steady shop: <paramref name="level"/> yuan a day, weekends 10% more, ±3% noise from a fixed seed.</summary>
    public static double[] Steady(DateOnly from, int days, double level, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, days).Select(i =>
        {
            var weekend = from.AddDays(i).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1.1 : 1.0;
            return Math.Round(level * weekend * (1 + 0.06 * (random.NextDouble() - 0.5)), 2);
        })];
    }
}
