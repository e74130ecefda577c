namespace Analytics.Store;

/// <summary>
/// The one definition of what a paid order adds to the sales figures. The day and product rollups are these rows
/// summed per day (<see cref="Rollups"/>), and the raw answers (<c>source=raw</c>) read these rows directly, so the
/// two can only differ if the rollups were not kept. Paid in <c>[@from, @toNext)</c>, Beijing time.
/// </summary>
internal static class SalesRows
{
    /// <summary>One row per paid order: its day, where it sold, and its share of every additive figure.</summary>
    public const string OfOrders = """
        SELECT substr(paid_at, 1, 10) AS day, platform, shop, coalesce(province_code, '') AS province_code, 1 AS orders,
               gmv_fen, refund_fen, units, buyer_key IS NOT NULL AS buyer_orders, iif(buyer_key IS NULL, 0, gmv_fen) AS buyer_gmv_fen,
               buyer_source = 'receiver-fingerprint' AS estimated_buyer_orders
        FROM orders
        WHERE paid_at >= @from AND paid_at < @toNext
        """;

    /// <summary>One row per paid order and product in it (a product's lines of one order are one order of that product).</summary>
    public const string OfOrderProducts = """
        SELECT substr(o.paid_at, 1, 10) AS day, o.platform, o.shop, coalesce(l.product_id, l.line_id) AS product_id,
               coalesce(o.province_code, '') AS province_code, 1 AS orders,
               sum(l.amount_fen) AS gmv_fen, sum(l.refund_fen) AS refund_fen, sum(l.quantity) AS units
        FROM orders o
        JOIN order_lines l ON l.platform = o.platform AND l.shop = o.shop AND l.order_id = o.order_id
        WHERE o.paid_at >= @from AND o.paid_at < @toNext
        GROUP BY o.platform, o.shop, o.order_id, coalesce(l.product_id, l.line_id)
        """;
}
