using Analytics.Ingestion.Formats;
using Analytics.Ingestion.Importing;
using Microsoft.Data.Sqlite;

namespace Analytics.Ingestion.Store;

/// <summary>
/// Upserts orders and their lines inside the import's transaction. A row from a newer export replaces the stored one
/// (newer statuses and refunds win); the same data again changes nothing; an order's totals are always recomputed
/// from all its stored lines, so overlapping exports never double.
/// </summary>
internal sealed class OrderWriter : IDisposable
{
    private const string UpsertLine = """
        INSERT INTO order_lines (platform, shop, order_id, line_id, product_id, product_title, quantity, amount_fen,
                                 refund_fen, status, after_sale_status, observed_at, first_import_id, last_import_id)
        VALUES (@platform, @shop, @order_id, @line_id, @product_id, @product_title, @quantity, @amount_fen,
                @refund_fen, @status, @after_sale_status, @observed_at, @import_id, @import_id)
        ON CONFLICT (platform, shop, order_id, line_id) DO UPDATE SET
            product_id = excluded.product_id, product_title = excluded.product_title, quantity = excluded.quantity,
            amount_fen = excluded.amount_fen, refund_fen = excluded.refund_fen, status = excluded.status,
            after_sale_status = excluded.after_sale_status, observed_at = excluded.observed_at,
            last_import_id = excluded.last_import_id
        WHERE excluded.observed_at >= order_lines.observed_at
          AND (excluded.product_id IS NOT order_lines.product_id OR excluded.product_title IS NOT order_lines.product_title
               OR excluded.quantity <> order_lines.quantity OR excluded.amount_fen <> order_lines.amount_fen
               OR excluded.refund_fen <> order_lines.refund_fen OR excluded.status IS NOT order_lines.status
               OR excluded.after_sale_status IS NOT order_lines.after_sale_status)
        RETURNING first_import_id
        """;

    // A new order's lines cannot exist yet (lines are only ever stored with their order).
    private const string InsertNewLine = """
        INSERT INTO order_lines (platform, shop, order_id, line_id, product_id, product_title, quantity, amount_fen,
                                 refund_fen, status, after_sale_status, observed_at, first_import_id, last_import_id)
        VALUES (@platform, @shop, @order_id, @line_id, @product_id, @product_title, @quantity, @amount_fen,
                @refund_fen, @status, @after_sale_status, @observed_at, @import_id, @import_id)
        """;

    private const string StoredPaidAt = """
        SELECT paid_at, buyer_key FROM orders WHERE platform = @platform AND shop = @shop AND order_id = @order_id
        """;

    // Most orders in an import are new: they are inserted with totals summed in memory, and only an order that
    // already exists pays for recomputing its totals from all its stored lines.
    private const string InsertNewOrder = """
        INSERT INTO orders (platform, shop, order_id, paid_at, payment_time_source, status, province_code, city, district,
                            buyer_key, buyer_source, gmv_fen, refund_fen, units, line_count, observed_at, first_import_id, last_import_id)
        VALUES (@platform, @shop, @order_id, @paid_at, @payment_time_source, @status, @province_code, @city, @district,
                @buyer_key, @buyer_source, @gmv_fen, @refund_fen, @units, @line_count, @observed_at, @import_id, @import_id)
        ON CONFLICT (platform, shop, order_id) DO NOTHING
        """;

    private const string UpsertOrder = """
        INSERT INTO orders (platform, shop, order_id, paid_at, payment_time_source, status, province_code, city, district,
                            buyer_key, buyer_source, gmv_fen, refund_fen, units, line_count, observed_at, first_import_id, last_import_id)
        SELECT @platform, @shop, @order_id, @paid_at, @payment_time_source, @status, @province_code, @city, @district,
               @buyer_key, @buyer_source, SUM(amount_fen), SUM(refund_fen), SUM(quantity), COUNT(*), @observed_at, @import_id, @import_id
        FROM order_lines
        WHERE platform = @platform AND shop = @shop AND order_id = @order_id
        ON CONFLICT (platform, shop, order_id) DO UPDATE SET
            gmv_fen = excluded.gmv_fen, refund_fen = excluded.refund_fen, units = excluded.units, line_count = excluded.line_count,
            paid_at = iif(excluded.observed_at >= orders.observed_at, excluded.paid_at, orders.paid_at),
            payment_time_source = iif(excluded.observed_at >= orders.observed_at, excluded.payment_time_source, orders.payment_time_source),
            status = iif(excluded.observed_at >= orders.observed_at, excluded.status, orders.status),
            province_code = iif(excluded.observed_at >= orders.observed_at, excluded.province_code, orders.province_code),
            city = iif(excluded.observed_at >= orders.observed_at, excluded.city, orders.city),
            district = iif(excluded.observed_at >= orders.observed_at, excluded.district, orders.district),
            buyer_key = iif(excluded.observed_at >= orders.observed_at, excluded.buyer_key, orders.buyer_key),
            buyer_source = iif(excluded.observed_at >= orders.observed_at, excluded.buyer_source, orders.buyer_source),
            observed_at = max(excluded.observed_at, orders.observed_at),
            last_import_id = excluded.last_import_id
        WHERE excluded.gmv_fen <> orders.gmv_fen OR excluded.refund_fen <> orders.refund_fen
           OR excluded.units <> orders.units OR excluded.line_count <> orders.line_count
           OR (excluded.observed_at >= orders.observed_at
               AND (excluded.paid_at IS NOT orders.paid_at OR excluded.payment_time_source IS NOT orders.payment_time_source
                    OR excluded.status IS NOT orders.status OR excluded.province_code IS NOT orders.province_code
                    OR excluded.city IS NOT orders.city OR excluded.district IS NOT orders.district
                    OR excluded.buyer_key IS NOT orders.buyer_key OR excluded.buyer_source IS NOT orders.buyer_source))
        """;

    private readonly SqliteStatement _line;
    private readonly SqliteStatement _newLine;
    private readonly LineParameters _lineParameters, _newLineParameters;
    private readonly SqliteStatement _order;
    private readonly SqliteStatement _newOrder;
    private readonly SqliteStatement _storedPaidAt;
    private readonly int _storedPaidAtOrderId;
    private readonly RollupDeltas _rollups;
    private readonly bool _maintainRollups;
    private readonly BuyerStats _buyers;
    private readonly OrderParameters _orderParameters, _newOrderParameters;
    private readonly int _nGmv, _nRefund, _nUnits, _nLines;
    private readonly long _importId;

    public OrderWriter(SqliteConnection connection, long importId, string platform, string shop, string observedAt, bool maintainRollups = true)
    {
        _importId = importId;
        _line = new SqliteStatement(connection, UpsertLine);
        _newLine = new SqliteStatement(connection, InsertNewLine);
        _order = new SqliteStatement(connection, UpsertOrder);
        _maintainRollups = maintainRollups;
        _rollups = new RollupDeltas(platform, shop, observedAt);
        _buyers = new BuyerStats(connection, platform);
        _newOrder = new SqliteStatement(connection, InsertNewOrder);
        _storedPaidAt = new SqliteStatement(connection, StoredPaidAt);
        _storedPaidAt.Bind(_storedPaidAt.Index("@platform"), platform);
        _storedPaidAt.Bind(_storedPaidAt.Index("@shop"), shop);
        _storedPaidAtOrderId = _storedPaidAt.Index("@order_id");
        foreach (var statement in new[] { _line, _newLine, _order, _newOrder })
        {
            statement.Bind(statement.Index("@platform"), platform);
            statement.Bind(statement.Index("@shop"), shop);
            statement.Bind(statement.Index("@observed_at"), observedAt);
            statement.Bind(statement.Index("@import_id"), importId);
        }
        _lineParameters = new LineParameters(_line);
        _newLineParameters = new LineParameters(_newLine);
        _orderParameters = new OrderParameters(_order);
        _newOrderParameters = new OrderParameters(_newOrder);
        (_nGmv, _nRefund, _nUnits, _nLines) = (_newOrder.Index("@gmv_fen"), _newOrder.Index("@refund_fen"), _newOrder.Index("@units"), _newOrder.Index("@line_count"));
    }

    /// <summary>Writes what this import changed in the rollups and buyer counts; called once, before the transaction commits.</summary>
    public void ApplyRollups(SqliteConnection connection, SqliteTransaction transaction)
    {
        if (!_maintainRollups)
            return;
        _rollups.Apply(connection, transaction);
        _buyers.Apply(connection, transaction);
    }

    public LineCounts Write(ImportedOrder order)
    {
        _newOrderParameters.Bind(order);
        _newOrder.Bind(_nGmv, order.Lines.Sum(l => l.AmountFen));
        _newOrder.Bind(_nRefund, order.Lines.Sum(l => l.RefundFen));
        _newOrder.Bind(_nUnits, order.Lines.Sum(l => (long)l.Quantity));
        _newOrder.Bind(_nLines, order.Lines.Count);
        var isNewOrder = _newOrder.ExecuteChanges() == 1;

        var counts = new LineCounts();
        if (isNewOrder)
        {
            foreach (var line in order.Lines)
            {
                _newLineParameters.Bind(order.OrderId, line);
                _newLine.Execute();
            }
            counts.New = order.Lines.Count;
            if (_maintainRollups)
            {
                _rollups.AddNew(order);
                if (order.PaidAt is not null && order.BuyerKey is not null)
                    _buyers.Add(order.BuyerKey, order.PaidAt);
            }
            return counts;
        }

        _storedPaidAt.Bind(_storedPaidAtOrderId, order.OrderId);
        var (storedPaidAt, storedBuyer) = _storedPaidAt.QueryTexts();
        _rollups.Rebuild(order, storedPaidAt);
        foreach (var line in order.Lines)
        {
            _lineParameters.Bind(order.OrderId, line);
            var firstImport = _line.Execute();
            if (firstImport is null) counts.Unchanged++;
            else if (firstImport == _importId) counts.New++;
            else counts.Updated++;
        }
        _orderParameters.Bind(order);
        _order.Execute();
        // An older export does not overwrite a newer one, so the stored order, not the imported one, says what changed.
        var (paidAt, buyer) = _storedPaidAt.QueryTexts();
        if (_maintainRollups)
            _buyers.Move(storedBuyer, storedPaidAt, buyer, paidAt);
        return counts;
    }

    private sealed class LineParameters(SqliteStatement statement)
    {
        private readonly int _orderId = statement.Index("@order_id"), _lineId = statement.Index("@line_id"),
            _productId = statement.Index("@product_id"), _title = statement.Index("@product_title"), _quantity = statement.Index("@quantity"),
            _amount = statement.Index("@amount_fen"), _refund = statement.Index("@refund_fen"), _status = statement.Index("@status"),
            _afterSale = statement.Index("@after_sale_status");

        public void Bind(string orderId, OrderLine line)
        {
            statement.Bind(_orderId, orderId);
            statement.Bind(_lineId, line.LineId);
            statement.Bind(_productId, line.ProductId);
            statement.Bind(_title, line.ProductTitle);
            statement.Bind(_quantity, line.Quantity);
            statement.Bind(_amount, line.AmountFen);
            statement.Bind(_refund, line.RefundFen);
            statement.Bind(_status, line.Status);
            statement.Bind(_afterSale, line.AfterSaleStatus);
        }
    }

    /// <summary>The order-level facts both order statements bind.</summary>
    private sealed class OrderParameters(SqliteStatement statement)
    {
        private readonly int _orderId = statement.Index("@order_id"), _paidAt = statement.Index("@paid_at"),
            _source = statement.Index("@payment_time_source"), _status = statement.Index("@status"),
            _province = statement.Index("@province_code"), _city = statement.Index("@city"), _district = statement.Index("@district"),
            _buyer = statement.Index("@buyer_key"), _buyerSource = statement.Index("@buyer_source");

        public void Bind(ImportedOrder order)
        {
            statement.Bind(_orderId, order.OrderId);
            statement.Bind(_paidAt, order.PaidAt);
            statement.Bind(_source, StoredText.Of(order.PaidAtSource));
            statement.Bind(_status, order.Status);
            statement.Bind(_province, order.ProvinceCode);
            statement.Bind(_city, order.City);
            statement.Bind(_district, order.District);
            statement.Bind(_buyer, order.BuyerKey);
            statement.Bind(_buyerSource, StoredText.Of(order.BuyerKey is null ? BuyerSource.None : order.BuyerSource));
        }
    }

    public void Dispose()
    {
        _line.Dispose();
        _newLine.Dispose();
        _order.Dispose();
        _newOrder.Dispose();
        _storedPaidAt.Dispose();
        _buyers.Dispose();
    }
}

internal struct LineCounts
{
    public int New, Updated, Unchanged;
}
