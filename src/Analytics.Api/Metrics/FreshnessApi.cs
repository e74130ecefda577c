using Analytics.Ingestion.Store;
using Dapper;

namespace Analytics.Api.Metrics;

internal static class FreshnessApi
{
    public static RouteGroupBuilder MapFreshness(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Metrics");

        group.MapGet("/freshness", (AnalyticsStore store) =>
        {
            const string sql = """
                SELECT i.platform AS Platform, coalesce(p.name, i.platform) AS PlatformName, i.shop AS Shop,
                       coalesce(s.enterprise, i.shop) AS Enterprise, max(i.latest_paid_at) AS LatestPaidAt,
                       max(i.finished_at) AS LastImportAt, max(i.exported_at) AS LastExportedAt
                FROM imports i
                LEFT JOIN platforms p ON p.code = i.platform
                LEFT JOIN shops s ON s.platform = i.platform AND s.shop = i.shop
                WHERE i.status = 'landed'
                GROUP BY i.platform, i.shop
                ORDER BY i.platform, i.shop
                """;
            using var connection = store.Open();
            return TypedResults.Ok(connection.Query<ShopFreshness>(sql).ToList());
        }).WithSummary("数据截至: per platform and shop, the latest payment time in the data and when it was last imported");

        return group;
    }
}

internal sealed record ShopFreshness
{
    public required string Platform { get; init; }
    public required string PlatformName { get; init; }
    public required string Shop { get; init; }
    public required string Enterprise { get; init; }
    public string? LatestPaidAt { get; init; }
    public required string LastImportAt { get; init; }
    public string? LastExportedAt { get; init; }
}
