using System.Security.Claims;
using Analytics.Api.Accounts;
using Analytics.Store;
using Analytics.Store.Sales;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Metrics;

internal static class RankingsApi
{
    public static RouteGroupBuilder MapRankings(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Metrics").RequireAuthorization(Access.Figures);

        group.MapGet("/rankings/{dimension}", Results<Ok<Ranking>, ValidationProblem, ProblemHttpResult> (
            string dimension, [AsParameters] ScopeParameters query, string? by, int? limit,
            HttpRequest request, AnalyticsStore store, AnswerCache cache, TimeProvider time, ClaimsPrincipal user) =>
        {
            using var data = store.Read();
            var (scope, errors, forbidden) = query.Validate(data, time, user);
            if (forbidden is not null)
                return Access.Forbidden(forbidden);
            if (!RankingDimension.All.TryGetValue(dimension, out var ranked))
                errors["dimension"] = [$"Unknown ranking '{dimension}'. Accepted: {string.Join(", ", RankingDimension.All.Keys)}."];
            var measure = SalesMetrics.Measures.FirstOrDefault(m => string.Equals(m, by ?? "gmv", StringComparison.OrdinalIgnoreCase));
            if (measure is null)
                errors["by"] = [$"Unknown measure '{by}'. Accepted: {string.Join(", ", SalesMetrics.Measures)}."];
            if (limit is < 1 or > 1000)
                errors["limit"] = ["limit must be between 1 and 1000."];
            if (scope is null || ranked is null || measure is null || errors.Count > 0)
                return TypedResults.ValidationProblem(errors);
            return TypedResults.Ok(cache.GetOrCompute(request, data, () => new SalesMetrics(data).Rank(scope, ranked, measure, limit ?? 10)));
        }).WithSummary("平台/企业/店铺/省份/商品销售排行 by gmv, orders or netSales, with share and 环比");

        group.MapGet("/products/{platform}/{productId}/regions", Results<Ok<ProductRegions>, NotFound<string>, ValidationProblem, ProblemHttpResult> (
            string platform, string productId, [AsParameters] ScopeParameters query,
            HttpRequest request, AnalyticsStore store, AnswerCache cache, TimeProvider time, ClaimsPrincipal user) =>
        {
            using var data = store.Read();
            var (scope, errors, forbidden) = query.Validate(data, time, user);
            if (forbidden is not null)
                return Access.Forbidden(forbidden);
            if (scope is null)
                return TypedResults.ValidationProblem(errors);
            var metrics = new SalesMetrics(data);
            if (metrics.Product(platform, productId) is not { } product)
                return TypedResults.NotFound($"No product {productId} on platform {platform}.");
            return TypedResults.Ok(cache.GetOrCompute(request, data, () => metrics.Regions(scope, product)));
        }).WithSummary("单品销售区域分布: one product's sales by province; orders without a known province apart");

        return group;
    }
}
