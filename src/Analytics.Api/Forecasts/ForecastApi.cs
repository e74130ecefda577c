using System.Globalization;
using System.Security.Claims;
using Analytics.Api.Accounts;
using Analytics.Api.Metrics;
using Analytics.Ingestion.Normalising;
using Analytics.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Api.Forecasts;

/// <summary>The query string of /api/forecast: metric, horizon, asOf and the metrics API's filters.</summary>
internal sealed record ForecastParameters(
    [FromQuery] string? Metric, [FromQuery] string? Horizon, [FromQuery] string? AsOf, [FromQuery] string? Platform,
    [FromQuery] string? Shop, [FromQuery] string? Enterprise, [FromQuery] string? Province);

internal static class ForecastApi
{
    public const int DefaultHorizon = 14;

    public static WebApplicationBuilder AddForecasts(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ShopDaysCache>();
        return builder;
    }

    public static RouteGroupBuilder MapForecasts(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Forecasts").RequireAuthorization(Access.Figures);

        group.MapGet("/forecast", Results<Ok<ForecastAnswer>, ValidationProblem, ProblemHttpResult> (
            [AsParameters] ForecastParameters query, HttpRequest request, AnalyticsStore store, AnswerCache cache, ShopDaysCache shopDays, TimeProvider time, ClaimsPrincipal user) =>
        {
            var errors = new Dictionary<string, string[]>();
            var metric = SalesForecasts.Metrics.FirstOrDefault(m => string.Equals(m, query.Metric?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (metric is null)
                errors["metric"] = [$"metric must be one of {string.Join(", ", SalesForecasts.Metrics)}{(query.Metric is null ? "" : $", not '{query.Metric}'")}."];
            var horizon = DefaultHorizon;
            if (query.Horizon is { } text && !(int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out horizon) && horizon is >= 1 and <= SalesForecasts.MaxHorizon))
                errors["horizon"] = [$"horizon is a number of days from 1 to {SalesForecasts.MaxHorizon}, not '{text}'."];
            var asOf = time.BeijingToday();
            if (query.AsOf is { Length: > 0 } day && !DateOnly.TryParseExact(day.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
                errors["asOf"] = [$"'{day}' is not a date; use YYYY-MM-DD, e.g. 2023-06-15 (the last day of history; the forecast starts the day after)."];

            using var data = store.Read();
            // The filters and what the asker may see are the metrics API's: ScopeParameters narrows an operator to their shops.
            var filters = new ScopeParameters(SalesScopeText(asOf), SalesScopeText(asOf), query.Platform, query.Shop, query.Enterprise, query.Province, null);
            var (scope, scopeErrors, forbidden) = filters.Validate(data, time, user);
            if (forbidden is not null)
                return Access.Forbidden(forbidden);
            foreach (var (key, messages) in scopeErrors)
                errors[key] = messages;
            if (scope is null || errors.Count > 0)
                return TypedResults.ValidationProblem(errors);

            var lastDay = data.DaysWithSales().Last is { } last ? DateOnly.ParseExact(last[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null;
            return TypedResults.Ok(cache.GetOrCompute(request, data, SalesScopeText(asOf),
                () => SalesForecasts.Answer(new SalesMetrics(data), shopDays.Get(data), scope, metric!, horizon, asOf, lastDay)));
        }).WithSummary("预测: one point per day after asOf with its 80% and 95% band, the model chosen by backtest, and 本月预计 / 全年预计");

        return group;
    }

    private static string SalesScopeText(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
