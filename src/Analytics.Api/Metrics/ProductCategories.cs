using Analytics.Store;
using Analytics.Store.Sales;

namespace Analytics.Api.Metrics;

/// <summary>
/// Puts products in the bureau's categories: the bureau's fix for that product if there is one, else the first rule of
/// seeds/product-categories.csv whose keyword the title holds, else 其他 (not a farm product).
/// </summary>
internal sealed class ProductCategories(IReadOnlyList<CategoryRule> rules, IReadOnlyList<ProductCategoryFix> fixes)
{
    public const string Other = "其他";

    private readonly Dictionary<(string Platform, string Shop, string ProductId), ProductCategoryFix> _fixes =
        fixes.ToDictionary(f => (f.Platform, f.Shop, f.ProductId));

    public static ProductCategories Of(StoreReads data) => new(data.CategoryRules(), data.ProductCategoryFixes());

    /// <summary>The categories a product can be put in: those the rules name, in their order, and 其他.</summary>
    public IReadOnlyList<string> Names => rules.Select(r => r.Category).Append(Other).Distinct(StringComparer.Ordinal).ToList();

    public ProductCategory Of(string platform, string shop, string productId, string? title)
    {
        if (_fixes.TryGetValue((platform, shop, productId), out var fix))
            return new ProductCategory(fix.Category, fix.Farm, "fixed", null);
        foreach (var rule in rules)
            if (rule.Keywords.FirstOrDefault(k => title?.Contains(k, StringComparison.Ordinal) == true) is { } keyword)
                return new ProductCategory(rule.Category, rule.Farm, "rule", keyword);
        return new ProductCategory(Other, false, "none", null);
    }

    public ProductCategory Of(RankingRow product) => Of(product.Platform ?? "", product.Shop ?? "", product.Key, product.Name);
}

/// <summary>A product's category, whether it is a farm product, and why: `fixed` by the bureau, a `rule`'s keyword, or `none` matched.</summary>
internal sealed record ProductCategory(string Category, bool Farm, string Source, string? Keyword);

/// <summary>
/// GET /api/categories: 网络零售额 by product category and 其中农产品, each with its share of the county's and 同比.
/// `withoutProductDetail` is the part of the county's 网络零售额 no product line carries (orders whose items file has not
/// arrived), so the categories and it add up to the whole.
/// </summary>
internal sealed record CategorySales(string From, string To, DayWindow YearAgo, decimal NetSales, IReadOnlyList<CategoryItem> Categories,
    CategoryFigure FarmProducts, decimal WithoutProductDetail);

internal sealed record CategoryItem(int Rank, string Name, int Products, decimal NetSales, double? Share, decimal YearAgoNetSales, double? Change);

internal sealed record CategoryFigure(int Products, decimal NetSales, double? Share, decimal YearAgoNetSales, double? Change);

/// <summary>GET /api/categories/products: every product that sold in the window, with its category and why.</summary>
internal sealed record CategorizedProduct(string Platform, string? PlatformName, string Shop, string ProductId, string? Title,
    string Category, bool Farm, string Source, string? Keyword, decimal NetSales);
