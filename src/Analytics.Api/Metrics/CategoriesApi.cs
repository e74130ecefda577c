using System.Security.Claims;
using Analytics.Api.Accounts;
using Analytics.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Metrics;

/// <summary>
/// /api/categories: 网络零售额 by product category with 其中农产品 (the indicators a county files), the products behind
/// them with their category, and the bureau's fix of one product's category.
/// </summary>
internal static class CategoriesApi
{
    public static RouteGroupBuilder MapCategories(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/categories").WithTags("Metrics").RequireAuthorization(Access.Figures);

        group.MapGet("/", Results<Ok<CategorySales>, ValidationProblem, ProblemHttpResult> (
            [AsParameters] ScopeParameters query, HttpRequest request, AnalyticsStore store, AnswerCache cache, TimeProvider time, ClaimsPrincipal user) =>
        {
            using var data = store.Read();
            var (scope, errors, forbidden) = query.Validate(data, time, user);
            if (forbidden is not null)
                return Access.Forbidden(forbidden);
            if (scope is null)
                return TypedResults.ValidationProblem(errors);
            return TypedResults.Ok(cache.GetOrCompute(request, data, () => new SalesMetrics(data).Categories(scope, ProductCategories.Of(data))));
        }).WithSummary("网络零售额 by product category and 其中农产品网络零售额, with shares and 同比");

        group.MapGet("/products", Results<Ok<IReadOnlyList<CategorizedProduct>>, ValidationProblem, ProblemHttpResult> (
            [AsParameters] ScopeParameters query, HttpRequest request, AnalyticsStore store, AnswerCache cache, TimeProvider time, ClaimsPrincipal user) =>
        {
            using var data = store.Read();
            var (scope, errors, forbidden) = query.Validate(data, time, user);
            if (forbidden is not null)
                return Access.Forbidden(forbidden);
            if (scope is null)
                return TypedResults.ValidationProblem(errors);
            return TypedResults.Ok(cache.GetOrCompute(request, data, () => new SalesMetrics(data).CategorizedProducts(scope, ProductCategories.Of(data))));
        }).WithSummary("Every product sold in the window with its category, whether it is a farm product, and why (fixed, rule keyword, none)");

        var fixes = group.MapGroup("/products/{platform}/{shop}/{productId}")
            .RequireAuthorization(Access.Bureau)
            .AddEndpointFilter<SessionAntiforgery>();

        fixes.MapPut("/", Results<Ok<ProductCategory>, NotFound<string>, ValidationProblem> (
            string platform, string shop, string productId, CategoryFix fix, AnalyticsStore store, ClaimsPrincipal user) =>
        {
            using var data = store.Read();
            var categories = ProductCategories.Of(data);
            var code = data.PlatformCode(platform);
            var errors = new Dictionary<string, string[]>();
            if (code is null)
                errors["platform"] = [$"不认识的平台“{platform}”。 / Unknown platform '{platform}'."];
            var category = fix.Category?.Trim();
            if (string.IsNullOrEmpty(category) || !categories.Names.Contains(category, StringComparer.Ordinal))
                errors["category"] = [$"品类应为以下之一：{string.Join("、", categories.Names)}（见 seeds/product-categories.csv）。 / category must be one of {string.Join(", ", categories.Names)}."];
            if (errors.Count > 0)
                return TypedResults.ValidationProblem(errors);
            // Without a farm flag, the product takes the one its category has in the rules.
            var farm = fix.Farm ?? data.CategoryRules().FirstOrDefault(r => r.Category == category)?.Farm ?? false;
            if (!store.FixProductCategory(code!, shop, productId, category!, farm, user.Actor()))
                return TypedResults.NotFound($"没有这个商品：{platform} / {shop} / {productId}。 / No product {productId} of shop {shop} on {platform}.");
            return TypedResults.Ok(new ProductCategory(category!, farm, "fixed", null));
        }).WithSummary("Put one product in a category (and say whether it is a farm product); wins over the title rules");

        fixes.MapDelete("/", Results<NoContent, NotFound<string>, ValidationProblem> (
            string platform, string shop, string productId, AnalyticsStore store, ClaimsPrincipal user) =>
        {
            string? code;
            using (var data = store.Read())
                code = data.PlatformCode(platform);
            if (code is null)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["platform"] = [$"不认识的平台“{platform}”。 / Unknown platform '{platform}'."] });
            return store.ClearProductCategory(code, shop, productId, user.Actor())
                ? TypedResults.NoContent()
                : TypedResults.NotFound($"这个商品没有人工指定的品类：{platform} / {shop} / {productId}。 / Product {productId} has no fixed category.");
        }).WithSummary("Give a product back to the title rules of seeds/product-categories.csv");

        return group;
    }
}

/// <summary>The body of a category fix: one of the categories of the rules (or 其他), and optionally whether it is a farm product.</summary>
internal sealed record CategoryFix(string? Category, bool? Farm);
