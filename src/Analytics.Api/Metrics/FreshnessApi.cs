using System.Globalization;
using Analytics.Api.Hosting;
using Analytics.Ingestion.Normalising;
using Analytics.Ingestion.Store;

namespace Analytics.Api.Metrics;

internal static class FreshnessApi
{
    public static RouteGroupBuilder MapFreshness(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Metrics");

        group.MapGet("/freshness", (AnalyticsStore store, TimeProvider time, ServiceSettings settings) =>
        {
            using var connection = store.Open();
            var now = time.BeijingNow().DateTime;
            return TypedResults.Ok(ImportLog.PerShop(connection).Select(shop =>
            {
                var hours = settings.ExpectedUploadHours(shop.Platform);
                var asOf = shop.LatestPaidAt is null ? (DateTime?)null : DateTime.Parse(shop.LatestPaidAt, CultureInfo.InvariantCulture);
                return new ShopFreshness
                {
                    Platform = shop.Platform, PlatformName = shop.PlatformName, Shop = shop.Shop, Enterprise = shop.Enterprise,
                    LatestPaidAt = shop.LatestPaidAt, LastImportAt = shop.LastImportAt, LastExportedAt = shop.LastExportedAt,
                    ExpectedEveryHours = hours, Stale = asOf is null || now - asOf.Value > TimeSpan.FromHours(hours),
                };
            }).ToList());
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
