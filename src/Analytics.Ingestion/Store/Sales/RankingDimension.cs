namespace Analytics.Ingestion.Store.Sales;

/// <summary>What a ranking groups by, as constant SQL expressions over a <c>sales</c> or <c>product_sales</c> row <c>s</c>.</summary>
internal sealed record RankingDimension(string Name, string Key, string Label, string Platform, string Shop, string GroupBy, bool OfProducts = false)
{
    private const string Enterprise = "coalesce((SELECT e.enterprise FROM shops e WHERE e.platform = s.platform AND e.shop = s.shop), s.shop)";

    public static readonly IReadOnlyDictionary<string, RankingDimension> All = new Dictionary<string, RankingDimension>
    {
        ["platforms"] = new("platforms", "s.platform", "coalesce((SELECT p.name FROM platforms p WHERE p.code = s.platform), s.platform)", "s.platform", "NULL", "s.platform"),
        ["enterprises"] = new("enterprises", Enterprise, Enterprise, "NULL", "NULL", "1"),
        ["shops"] = new("shops", "s.shop", "s.shop", "s.platform", "s.shop", "s.platform, s.shop"),
        ["provinces"] = new("provinces", "s.province_code", "(SELECT p.name FROM provinces p WHERE p.code = s.province_code)", "NULL", "NULL", "s.province_code"),
        ["products"] = new("products", "s.product_id",
            "(SELECT p.title FROM products p WHERE p.platform = s.platform AND p.shop = s.shop AND p.product_id = s.product_id)",
            "s.platform", "s.shop", "s.platform, s.shop, s.product_id", OfProducts: true),
    };
}
