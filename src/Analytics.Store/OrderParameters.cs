using Analytics.Ingestion.Formats;
using Analytics.Ingestion.Importing;
using Analytics.Ingestion.Orders;

namespace Analytics.Store;

// Parameter positions are looked up once per statement, not per row, and a version shared by the whole file is
// bound once: these run for every line of every import.

/// <summary>Binds a line's facts to an order-line statement (<c>@order_id</c>, <c>@line_id</c> … <c>@observed_at</c>).</summary>
internal sealed class LineParameters(SqliteStatement statement)
{
    private readonly int _orderId = statement.Index("@order_id"), _lineId = statement.Index("@line_id"),
        _productId = statement.Index("@product_id"), _title = statement.Index("@product_title"), _quantity = statement.Index("@quantity"),
        _amount = statement.Index("@amount_fen"), _refund = statement.Index("@refund_fen"), _status = statement.Index("@status"),
        _afterSale = statement.Index("@after_sale_status"), _version = statement.Index("@observed_at");
    private string? _boundVersion;

    public void Bind(string orderId, OrderLine line, string version)
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
        if (!ReferenceEquals(version, _boundVersion))
        {
            statement.Bind(_version, version);
            _boundVersion = version;
        }
    }
}

/// <summary>Binds an order's own facts (payment time, status, region, buyer, version) to an order statement.</summary>
internal sealed class OrderParameters(SqliteStatement statement)
{
    private readonly int _orderId = statement.Index("@order_id"), _paidAt = statement.Index("@paid_at"),
        _source = statement.Index("@payment_time_source"), _status = statement.Index("@status"),
        _province = statement.Index("@province_code"), _city = statement.Index("@city"), _district = statement.Index("@district"),
        _buyer = statement.Index("@buyer_key"), _buyerSource = statement.Index("@buyer_source"), _version = statement.Index("@observed_at");
    private string? _boundVersion;

    public void Bind(ImportedOrder order, string version)
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
        if (!ReferenceEquals(version, _boundVersion))
        {
            statement.Bind(_version, version);
            _boundVersion = version;
        }
    }
}
