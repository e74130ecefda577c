using Analytics.Ingestion.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Metrics;

internal static class RankingsApi
{
    private static readonly string[] Measures = ["gmv", "orders", "netSales"];

    public static RouteGroupBuilder MapRankings(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Metrics");

        group.MapGet("/rankings/{dimension}", Results<Ok<Ranking>, ValidationProblem> (
            string dimension, [AsParameters] ScopeParameters query, string? by, int? limit,
            HttpRequest request, AnalyticsStore store, AnswerCache cache, TimeProvider time) =>
        {
            using var connection = store.Open();
            var (scope, errors) = query.Validate(connection, time);
            if (!RankingDimension.All.TryGetValue(dimension, out var ranked))
                errors["dimension"] = [$"Unknown ranking '{dimension}'. Accepted: {string.Join(", ", RankingDimension.All.Keys)}."];
            var measure = Measures.FirstOrDefault(m => string.Equals(m, by ?? "gmv", StringComparison.OrdinalIgnoreCase));
            if (measure is null)
                errors["by"] = [$"Unknown measure '{by}'. Accepted: {string.Join(", ", Measures)}."];
            if (limit is < 1 or > 1000)
                errors["limit"] = ["limit must be between 1 and 1000."];
            if (scope is null || ranked is null || measure is null || errors.Count > 0)
                return TypedResults.ValidationProblem(errors);
            return TypedResults.Ok(cache.GetOrCompute(request, connection, () => Rank(new SalesReader(connection), scope, ranked, measure, limit ?? 10)));
        }).WithSummary("平台/企业/店铺/省份/商品销售排行 by gmv, orders or netSales, with share and 环比");

        group.MapGet("/products/{platform}/{productId}/regions", Results<Ok<ProductRegions>, NotFound<string>, ValidationProblem> (
            string platform, string productId, [AsParameters] ScopeParameters query,
            HttpRequest request, AnalyticsStore store, AnswerCache cache, TimeProvider time) =>
        {
            using var connection = store.Open();
            var (scope, errors) = query.Validate(connection, time);
            if (scope is null)
                return TypedResults.ValidationProblem(errors);
            var reader = new SalesReader(connection);
            if (reader.Product(platform, productId) is not { } product)
                return TypedResults.NotFound($"No product {productId} on platform {platform}.");
            return TypedResults.Ok(cache.GetOrCompute(request, connection, () => Regions(reader, scope, product)));
        }).WithSummary("单品销售区域分布: one product's sales by province; orders without a known province apart");

        return group;
    }

    private static Ranking Rank(SalesReader reader, SalesScope scope, RankingDimension ranked, string measure, int limit)
    {
        var rows = reader.Ranking(scope, ranked);
        var previousScope = scope.Previous();
        var previous = reader.Ranking(previousScope, ranked).ToDictionary(RowKey);
        long Value(RankingRow row) => measure switch { "orders" => row.Orders, "netSales" => row.NetSalesFen, _ => row.GmvFen };

        var known = rows.Where(r => r.Key != "").ToList();
        var unknown = rows.Where(r => r.Key == "").ToList();
        // Products overlap within an order, so their total is the orders' total, not the sum of the products.
        var total = ranked.OfProducts ? reader.Ranking(scope, RankingDimension.All["platforms"]) : rows;
        var totalValue = total.Sum(Value);
        var items = known.OrderByDescending(Value).ThenBy(r => r.Key, StringComparer.Ordinal).Take(limit)
            .Select((row, index) => new RankedItem(index + 1, row.Key, row.Name, row.Platform, row.Shop, row.Orders,
                WindowFigures.Yuan(row.GmvFen), WindowFigures.Yuan(row.NetSalesFen),
                totalValue == 0 ? null : Math.Round((double)Value(row) / totalValue, 4),
                FigureChanges.Of(Value(row), previous.TryGetValue(RowKey(row), out var before) ? Value(before) : 0)))
            .ToList();
        return new Ranking(ranked.Name, measure, SalesScope.Text(scope.From), SalesScope.Text(scope.To),
            new DayWindow(SalesScope.Text(previousScope.From), SalesScope.Text(previousScope.To)),
            Amounts(total), items, ranked.Name == "provinces" ? Amounts(unknown) : null);
    }

    private static ProductRegions Regions(SalesReader reader, SalesScope scope, ProductName product)
    {
        var rows = reader.ProductRegions(scope, product.Platform, product.ProductId);
        var known = rows.Where(r => r.Key != "").ToList();
        var totalGmv = rows.Sum(r => r.GmvFen);
        var items = known.OrderByDescending(r => r.GmvFen).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select((row, index) => new RegionItem(index + 1, row.Key, row.Name, row.Orders, WindowFigures.Yuan(row.GmvFen),
                WindowFigures.Yuan(row.NetSalesFen), row.Units, totalGmv == 0 ? null : Math.Round((double)row.GmvFen / totalGmv, 4)))
            .ToList();
        return new ProductRegions(product.Platform, product.ProductId, product.Title, product.Shop,
            SalesScope.Text(scope.From), SalesScope.Text(scope.To), Amounts(rows), rows.Sum(r => r.Units), items,
            Amounts(rows.Where(r => r.Key == "")));
    }

    private static string RowKey(RankingRow row) => $"{row.Platform}\u001f{row.Shop}\u001f{row.Key}";

    private static SalesAmounts Amounts(IEnumerable<RankingRow> rows)
    {
        var list = rows.ToList();
        return new SalesAmounts(list.Sum(r => r.Orders), WindowFigures.Yuan(list.Sum(r => r.GmvFen)), WindowFigures.Yuan(list.Sum(r => r.NetSalesFen)));
    }
}
