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
    private readonly SqliteStatement _order;
    private readonly long _importId;
    private readonly int _lOrderId, _lLineId, _lProductId, _lTitle, _lQuantity, _lAmount, _lRefund, _lStatus, _lAfterSale;
    private readonly int _oOrderId, _oPaidAt, _oSource, _oStatus, _oProvince, _oCity, _oDistrict, _oBuyer, _oBuyerSource;

    public OrderWriter(SqliteConnection connection, long importId, string platform, string shop, string observedAt)
    {
        _importId = importId;
        _line = new SqliteStatement(connection, UpsertLine);
        _order = new SqliteStatement(connection, UpsertOrder);
        foreach (var statement in new[] { _line, _order })
        {
            statement.Bind(statement.Index("@platform"), platform);
            statement.Bind(statement.Index("@shop"), shop);
            statement.Bind(statement.Index("@observed_at"), observedAt);
            statement.Bind(statement.Index("@import_id"), importId);
        }
        (_lOrderId, _lLineId, _lProductId, _lTitle, _lQuantity) =
            (_line.Index("@order_id"), _line.Index("@line_id"), _line.Index("@product_id"), _line.Index("@product_title"), _line.Index("@quantity"));
        (_lAmount, _lRefund, _lStatus, _lAfterSale) =
            (_line.Index("@amount_fen"), _line.Index("@refund_fen"), _line.Index("@status"), _line.Index("@after_sale_status"));
        (_oOrderId, _oPaidAt, _oSource, _oStatus, _oProvince) =
            (_order.Index("@order_id"), _order.Index("@paid_at"), _order.Index("@payment_time_source"), _order.Index("@status"), _order.Index("@province_code"));
        (_oCity, _oDistrict, _oBuyer, _oBuyerSource) =
            (_order.Index("@city"), _order.Index("@district"), _order.Index("@buyer_key"), _order.Index("@buyer_source"));
    }

    public LineCounts Write(ImportedOrder order)
    {
        var counts = new LineCounts();
        foreach (var line in order.Lines)
        {
            _line.Bind(_lOrderId, order.OrderId);
            _line.Bind(_lLineId, line.LineId);
            _line.Bind(_lProductId, line.ProductId);
            _line.Bind(_lTitle, line.ProductTitle);
            _line.Bind(_lQuantity, line.Quantity);
            _line.Bind(_lAmount, line.AmountFen);
            _line.Bind(_lRefund, line.RefundFen);
            _line.Bind(_lStatus, line.Status);
            _line.Bind(_lAfterSale, line.AfterSaleStatus);
            var firstImport = _line.Execute();
            if (firstImport is null) counts.Unchanged++;
            else if (firstImport == _importId) counts.New++;
            else counts.Updated++;
        }
        _order.Bind(_oOrderId, order.OrderId);
        _order.Bind(_oPaidAt, order.PaidAt);
        _order.Bind(_oSource, StoredText.Of(order.PaidAtSource));
        _order.Bind(_oStatus, order.Status);
        _order.Bind(_oProvince, order.ProvinceCode);
        _order.Bind(_oCity, order.City);
        _order.Bind(_oDistrict, order.District);
        _order.Bind(_oBuyer, order.BuyerKey);
        _order.Bind(_oBuyerSource, StoredText.Of(order.BuyerKey is null ? BuyerSource.None : order.BuyerSource));
        _order.Execute();
        return counts;
    }

    public void Dispose()
    {
        _line.Dispose();
        _order.Dispose();
    }
}

internal struct LineCounts
{
    public int New, Updated, Unchanged;
}
