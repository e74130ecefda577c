namespace Analytics.Store.Sales;

/// <summary>
/// Every metrics query reads the CTE <c>sales</c> (one row per day × platform × shop × province) or
/// <c>product_sales</c> (adds the product). From the rollups they are the importer's tables; in raw mode the same
/// shapes are derived from orders and order lines, so one query text answers both ways and they can be compared.
/// Only these constant texts are joined; values are always parameters.
/// </summary>
internal static class SalesSql
{
    // Whole months of the range come from the month rollup, the days before and after them from the day rollup.
    private const string RollupSales = """
        WITH sales AS (
            SELECT month || '-01' AS day, platform, shop, province_code, orders, gmv_fen, refund_fen, units, buyer_orders, buyer_gmv_fen, estimated_buyer_orders
            FROM sales_monthly
            WHERE month >= @firstWholeMonth AND month <= @lastWholeMonth
            UNION ALL
            SELECT day, platform, shop, province_code, orders, gmv_fen, refund_fen, units, buyer_orders, buyer_gmv_fen, estimated_buyer_orders
            FROM sales_daily
            WHERE day >= @from AND day < @daysBeforeEnd
            UNION ALL
            SELECT day, platform, shop, province_code, orders, gmv_fen, refund_fen, units, buyer_orders, buyer_gmv_fen, estimated_buyer_orders
            FROM sales_daily
            WHERE day > @daysAfterStart AND day <= @to)
        """;

    private const string RollupSalesByDay = """
        WITH sales AS (
            SELECT day, platform, shop, province_code, orders, gmv_fen, refund_fen, units, buyer_orders, buyer_gmv_fen, estimated_buyer_orders
            FROM sales_daily
            WHERE day >= @from AND day <= @to)
        """;

    private const string RawSales = "WITH sales AS (\n" + SalesRows.OfOrders + ")";

    private const string RollupProductSales = """
        WITH product_sales AS (
            SELECT month || '-01' AS day, platform, shop, product_id, province_code, orders, gmv_fen, refund_fen, units
            FROM product_monthly
            WHERE month >= @firstWholeMonth AND month <= @lastWholeMonth
            UNION ALL
            SELECT day, platform, shop, product_id, province_code, orders, gmv_fen, refund_fen, units
            FROM product_daily
            WHERE day >= @from AND day < @daysBeforeEnd
            UNION ALL
            SELECT day, platform, shop, product_id, province_code, orders, gmv_fen, refund_fen, units
            FROM product_daily
            WHERE day > @daysAfterStart AND day <= @to)
        """;

    private const string RollupProductSalesByDay = """
        WITH product_sales AS (
            SELECT day, platform, shop, product_id, province_code, orders, gmv_fen, refund_fen, units
            FROM product_daily
            WHERE day >= @from AND day <= @to)
        """;

    private const string RawProductSales = "WITH product_sales AS (\n" + SalesRows.OfOrderProducts + ")";

    // One product's rows, found through the (platform, product_id, …) indexes rather than by scanning every product.
    private const string RollupOneProductSales = """
        WITH product_sales AS (
            SELECT month || '-01' AS day, platform, shop, product_id, province_code, orders, gmv_fen, refund_fen, units
            FROM product_monthly
            WHERE platform = @productPlatform AND product_id = @productId AND month >= @firstWholeMonth AND month <= @lastWholeMonth
            UNION ALL
            SELECT day, platform, shop, product_id, province_code, orders, gmv_fen, refund_fen, units
            FROM product_daily
            WHERE platform = @productPlatform AND product_id = @productId AND day >= @from AND day < @daysBeforeEnd
            UNION ALL
            SELECT day, platform, shop, product_id, province_code, orders, gmv_fen, refund_fen, units
            FROM product_daily
            WHERE platform = @productPlatform AND product_id = @productId AND day > @daysAfterStart AND day <= @to)
        """;

    /// <summary>The scope's filters over a CTE row aliased <c>s</c>; an unmapped shop is its own enterprise.</summary>
    public const string ScopeFilter = """
        (@platform IS NULL OR s.platform = @platform)
        AND (@shop IS NULL OR s.shop = @shop)
        AND (@allShops OR s.shop IN @onlyShops)
        AND (@province IS NULL OR s.province_code = @province)
        AND (@enterprise IS NULL OR coalesce((SELECT e.enterprise FROM shops e WHERE e.platform = s.platform AND e.shop = s.shop), s.shop) = @enterprise)
        """;

    public static string Sales(SalesScope scope, string query) => (scope.Raw ? RawSales : RollupSales) + "\n" + query;

    /// <summary>As <see cref="Sales"/>, with every row a real day (for series by day).</summary>
    public static string SalesByDay(SalesScope scope, string query) => (scope.Raw ? RawSales : RollupSalesByDay) + "\n" + query;

    public static string ProductSales(SalesScope scope, string query) => (scope.Raw ? RawProductSales : RollupProductSales) + "\n" + query;

    /// <summary>As <see cref="ProductSales"/>, with every row a real day.</summary>
    public static string ProductSalesByDay(SalesScope scope, string query) => (scope.Raw ? RawProductSales : RollupProductSalesByDay) + "\n" + query;

    /// <summary>As <see cref="ProductSales"/> for the product named by @productPlatform and @productId.</summary>
    public static string OneProductSales(SalesScope scope, string query) => (scope.Raw ? RawProductSales : RollupOneProductSales) + "\n" + query;
}
