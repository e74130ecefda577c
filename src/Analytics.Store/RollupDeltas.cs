using System.Globalization;
using Analytics.Ingestion.Formats;
using Analytics.Ingestion.Importing;
using Analytics.Ingestion.Orders;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Store;

/// <summary>
/// What one import changes in the rollups. A new order's contribution is known in memory and is added as a delta;
/// a day on which a stored order changed (or from which one moved) is rebuilt from its definition instead, which
/// is always right however the order changed.
/// </summary>
internal sealed class RollupDeltas(string platform, string shop)
{
    private readonly Dictionary<(string Day, string Province), SalesDelta> _sales = [];
    private readonly Dictionary<(string Day, string Product, string Province), ProductDelta> _products = [];
    private readonly Dictionary<string, (string Title, string Version)> _titles = new(StringComparer.Ordinal);
    private readonly HashSet<DateOnly> _rebuild = [];

    public void AddNew(ImportedOrder order, string version)
    {
        RememberTitles(order, version);
        if (order.PaidAt is null)
            return;
        var day = order.PaidAt[..10];
        var province = order.ProvinceCode ?? "";
        var gmv = order.Lines.Sum(l => l.AmountFen);
        var sales = _sales.TryGetValue((day, province), out var s) ? s : new SalesDelta();
        sales.Orders++;
        sales.GmvFen += gmv;
        sales.RefundFen += order.Lines.Sum(l => l.RefundFen);
        sales.Units += order.Lines.Sum(l => (long)l.Quantity);
        if (order.BuyerKey is not null)
        {
            sales.BuyerOrders++;
            sales.BuyerGmvFen += gmv;
            sales.EstimatedBuyerOrders += order.BuyerSource == BuyerSource.ReceiverFingerprint ? 1 : 0;
        }
        _sales[(day, province)] = sales;
        foreach (var product in order.Lines.GroupBy(l => l.ProductId ?? l.LineId))
        {
            var delta = _products.TryGetValue((day, product.Key, province), out var p) ? p : new ProductDelta();
            delta.Orders++;
            delta.GmvFen += product.Sum(l => l.AmountFen);
            delta.RefundFen += product.Sum(l => l.RefundFen);
            delta.Units += product.Sum(l => (long)l.Quantity);
            _products[(day, product.Key, province)] = delta;
        }
    }

    /// <summary>A stored order changed: the days it was and is paid on are rebuilt.</summary>
    public void Rebuild(ImportedOrder order, string? storedPaidAt, string version)
    {
        RememberTitles(order, version);
        foreach (var paidAt in new[] { order.PaidAt, storedPaidAt })
        {
            if (paidAt is { Length: >= 10 })
                _rebuild.Add(DateOnly.ParseExact(paidAt.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    public void Apply(SqliteConnection connection, SqliteTransaction transaction)
    {
        const string addSales = """
            INSERT INTO sales_daily (day, platform, shop, province_code, orders, gmv_fen, refund_fen, units, buyer_orders, buyer_gmv_fen, estimated_buyer_orders)
            VALUES (@Day, @platform, @shop, @Province, @Orders, @GmvFen, @RefundFen, @Units, @BuyerOrders, @BuyerGmvFen, @EstimatedBuyerOrders)
            ON CONFLICT (day, platform, shop, province_code) DO UPDATE SET
                orders = orders + excluded.orders, gmv_fen = gmv_fen + excluded.gmv_fen, refund_fen = refund_fen + excluded.refund_fen,
                units = units + excluded.units, buyer_orders = buyer_orders + excluded.buyer_orders,
                buyer_gmv_fen = buyer_gmv_fen + excluded.buyer_gmv_fen, estimated_buyer_orders = estimated_buyer_orders + excluded.estimated_buyer_orders
            """;
        const string addProducts = """
            INSERT INTO product_daily (day, platform, shop, product_id, province_code, orders, gmv_fen, refund_fen, units)
            VALUES (@Day, @platform, @shop, @Product, @Province, @Orders, @GmvFen, @RefundFen, @Units)
            ON CONFLICT (day, platform, shop, product_id, province_code) DO UPDATE SET
                orders = orders + excluded.orders, gmv_fen = gmv_fen + excluded.gmv_fen, refund_fen = refund_fen + excluded.refund_fen,
                units = units + excluded.units
            """;
        const string addSalesMonthly = """
            INSERT INTO sales_monthly (month, platform, shop, province_code, orders, gmv_fen, refund_fen, units, buyer_orders, buyer_gmv_fen, estimated_buyer_orders)
            VALUES (@Month, @platform, @shop, @Province, @Orders, @GmvFen, @RefundFen, @Units, @BuyerOrders, @BuyerGmvFen, @EstimatedBuyerOrders)
            ON CONFLICT (month, platform, shop, province_code) DO UPDATE SET
                orders = orders + excluded.orders, gmv_fen = gmv_fen + excluded.gmv_fen, refund_fen = refund_fen + excluded.refund_fen,
                units = units + excluded.units, buyer_orders = buyer_orders + excluded.buyer_orders,
                buyer_gmv_fen = buyer_gmv_fen + excluded.buyer_gmv_fen, estimated_buyer_orders = estimated_buyer_orders + excluded.estimated_buyer_orders
            """;
        const string addProductsMonthly = """
            INSERT INTO product_monthly (month, platform, shop, product_id, province_code, orders, gmv_fen, refund_fen, units)
            VALUES (@Month, @platform, @shop, @Product, @Province, @Orders, @GmvFen, @RefundFen, @Units)
            ON CONFLICT (month, platform, shop, product_id, province_code) DO UPDATE SET
                orders = orders + excluded.orders, gmv_fen = gmv_fen + excluded.gmv_fen, refund_fen = refund_fen + excluded.refund_fen,
                units = units + excluded.units
            """;
        const string title = """
            INSERT INTO products (platform, shop, product_id, title, observed_at) VALUES (@platform, @shop, @Product, @Title, @Version)
            ON CONFLICT (platform, shop, product_id) DO UPDATE SET title = excluded.title, observed_at = excluded.observed_at
            WHERE excluded.observed_at >= products.observed_at AND excluded.title IS NOT products.title
            """;
        // Days to rebuild are rebuilt from the stored orders, which already include this import's new orders.
        var rebuilt = _rebuild.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToHashSet();
        connection.Execute(addSales, _sales.Where(s => !rebuilt.Contains(s.Key.Day)).Select(s => new
        {
            s.Key.Day, platform, shop, s.Key.Province, s.Value.Orders, s.Value.GmvFen, s.Value.RefundFen, s.Value.Units,
            s.Value.BuyerOrders, s.Value.BuyerGmvFen, s.Value.EstimatedBuyerOrders,
        }), transaction);
        connection.Execute(addProducts, _products.Where(p => !rebuilt.Contains(p.Key.Day)).Select(p => new
        {
            p.Key.Day, platform, shop, p.Key.Product, p.Key.Province, p.Value.Orders, p.Value.GmvFen, p.Value.RefundFen, p.Value.Units,
        }), transaction);
        // The same new orders, summed per month.
        connection.Execute(addSalesMonthly,
            MonthsOf(_sales.Where(s => !rebuilt.Contains(s.Key.Day)), s => (Month: s.Key.Day[..7], s.Key.Province), s => s.Value)
                .Select(m => new
                {
                    m.Key.Month, platform, shop, m.Key.Province, m.Value.Orders, m.Value.GmvFen, m.Value.RefundFen, m.Value.Units,
                    m.Value.BuyerOrders, m.Value.BuyerGmvFen, m.Value.EstimatedBuyerOrders,
                }), transaction);
        connection.Execute(addProductsMonthly,
            MonthsOf(_products.Where(p => !rebuilt.Contains(p.Key.Day)), p => (Month: p.Key.Day[..7], p.Key.Product, p.Key.Province), p => p.Value)
                .Select(m => new { m.Key.Month, platform, shop, m.Key.Product, m.Key.Province, m.Value.Orders, m.Value.GmvFen, m.Value.RefundFen, m.Value.Units }),
            transaction);
        Rollups.Rebuild(connection, transaction, _rebuild);
        connection.Execute(title, _titles.Select(t => new { platform, shop, Product = t.Key, t.Value.Title, t.Value.Version }), transaction);
    }

    private static Dictionary<TKey, TDelta> MonthsOf<TEntry, TKey, TDelta>(IEnumerable<TEntry> entries, Func<TEntry, TKey> month, Func<TEntry, TDelta> delta)
        where TKey : notnull
        where TDelta : IDelta<TDelta>, new()
    {
        var months = new Dictionary<TKey, TDelta>();
        foreach (var entry in entries)
        {
            var key = month(entry);
            months[key] = (months.TryGetValue(key, out var sum) ? sum : new TDelta()).Plus(delta(entry));
        }
        return months;
    }

    /// <summary>A product's title as the newest version of any order in this file names it.</summary>
    private void RememberTitles(ImportedOrder order, string version)
    {
        foreach (var line in order.Lines)
        {
            var product = line.ProductId ?? line.LineId;
            if (line.ProductTitle is not null && (!_titles.TryGetValue(product, out var known) || string.CompareOrdinal(version, known.Version) >= 0))
                _titles[product] = (line.ProductTitle, version);
        }
    }

    private interface IDelta<T>
    {
        T Plus(T other);
    }

    private sealed class SalesDelta : IDelta<SalesDelta>
    {
        public long Orders, GmvFen, RefundFen, Units, BuyerOrders, BuyerGmvFen, EstimatedBuyerOrders;

        public SalesDelta Plus(SalesDelta other) => new()
        {
            Orders = Orders + other.Orders, GmvFen = GmvFen + other.GmvFen, RefundFen = RefundFen + other.RefundFen, Units = Units + other.Units,
            BuyerOrders = BuyerOrders + other.BuyerOrders, BuyerGmvFen = BuyerGmvFen + other.BuyerGmvFen,
            EstimatedBuyerOrders = EstimatedBuyerOrders + other.EstimatedBuyerOrders,
        };
    }

    private sealed class ProductDelta : IDelta<ProductDelta>
    {
        public long Orders, GmvFen, RefundFen, Units;

        public ProductDelta Plus(ProductDelta other) => new()
        {
            Orders = Orders + other.Orders, GmvFen = GmvFen + other.GmvFen, RefundFen = RefundFen + other.RefundFen, Units = Units + other.Units,
        };
    }
}
