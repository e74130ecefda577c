namespace Analytics.Store.Sales;

/// <summary>What a ranking groups by (platforms, enterprises, shops, provinces, products); its SQL stays in the store.</summary>
public sealed record RankingDimension
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
            "s.platform", "s.shop", "s.platform, s.shop, s.product_id", ofProducts: true),
    };

    private RankingDimension(string name, string key, string label, string platform, string shop, string groupBy, bool ofProducts = false) =>
        (Name, Key, Label, Platform, Shop, GroupBy, OfProducts) = (name, key, label, platform, shop, groupBy, ofProducts);

    public string Name { get; }

    /// <summary>True for products, whose rows are per product line rather than per order.</summary>
    public bool OfProducts { get; }

    // Constant SQL expressions over a sales or product_sales row s.
    internal string Key { get; }
    internal string Label { get; }
    internal string Platform { get; }
    internal string Shop { get; }
    internal string GroupBy { get; }
}
