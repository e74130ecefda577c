using System.Text.Json;
using Analytics.Store;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Analytics.Api.Health;

/// <summary>
/// /health for whoever watches the service (a monitor, the installer's check): whether the database can be read and
/// how much it holds. It never says where the database is — the answer is public, the server's folders are not.
/// </summary>
internal static class HealthApi
{
    public static IHealthChecksBuilder AddHealth(this IServiceCollection services) =>
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

    public static IEndpointConventionBuilder MapHealth(this IEndpointRouteBuilder routes) =>
        routes.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResponseWriter = WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var database = report.Entries["database"];
        context.Response.ContentType = "application/json; charset=utf-8";
        var answer = new Dictionary<string, object?>
        {
            ["status"] = report.Status == HealthStatus.Unhealthy ? "unavailable" : "ok",
            ["orders"] = database.Data.GetValueOrDefault("orders"),
            ["imports"] = database.Data.GetValueOrDefault("imports"),
        };
        if (database.Description is { } description)
            answer["detail"] = description;
        return context.Response.WriteAsync(JsonSerializer.Serialize(answer), context.RequestAborted);
    }
}

internal sealed class DatabaseHealthCheck(AnalyticsStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var counts = store.Counts();
            return Task.FromResult(HealthCheckResult.Healthy(data: new Dictionary<string, object>
            {
                ["orders"] = counts.Orders,
                ["imports"] = counts.Imports,
            }));
        }
        catch (System.Data.Common.DbException e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"数据库无法读取 / The database cannot be read: {e.Message}"));
        }
    }
}
