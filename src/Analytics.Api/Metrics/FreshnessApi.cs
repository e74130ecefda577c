using System.Security.Claims;
using Analytics.Api.Accounts;
using Analytics.Api.Hosting;
using Analytics.Ingestion.Normalising;
using Analytics.Store;

namespace Analytics.Api.Metrics;

internal static class FreshnessApi
{
    public static RouteGroupBuilder MapFreshness(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Metrics").RequireAuthorization(Access.Figures);

        group.MapGet("/freshness", (AnalyticsStore store, TimeProvider time, ServiceSettings settings, ClaimsPrincipal user) =>
        {
            using var data = store.Read();
            var shops = new SalesMetrics(data).Freshness(time.BeijingNow().DateTime, settings.ExpectedUploadHours);
            IReadOnlyList<ShopFreshness> visible = user.IsOperator() ? [.. shops.Where(s => user.OwnShops().Contains(s.Shop))] : shops;
            return TypedResults.Ok(visible);
        }).WithSummary("数据截至: per platform and shop, the latest payment time in the data, when it was last imported, and whether it is older than the platform's expected upload interval");

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
    public int ExpectedEveryHours { get; init; }

    /// <summary>The latest payment in the data is older than the expected upload interval (or there is none): the screen shows it amber.</summary>
    public bool Stale { get; init; }
}
