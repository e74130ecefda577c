using System.Security.Claims;
using Analytics.Api.Accounts;
using Analytics.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Metrics;

internal static class SummaryApi
{
    public static RouteGroupBuilder MapSummary(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Metrics").RequireAuthorization(Access.Figures);

        group.MapGet("/summary", Results<Ok<Summary>, ValidationProblem, ProblemHttpResult> (
            [AsParameters] ScopeParameters query, HttpRequest request, AnalyticsStore store, AnswerCache cache, TimeProvider time, ClaimsPrincipal user) =>
        {
            using var data = store.Read();
            var (scope, errors, forbidden) = query.Validate(data, time, user);
            if (forbidden is not null)
                return Access.Forbidden(forbidden);
            if (scope is null)
                return TypedResults.ValidationProblem(errors);
            return TypedResults.Ok(cache.GetOrCompute(request, data, () => new SalesMetrics(data).Summary(scope)));
        }).WithSummary("订单量, 成交额, 网络零售额, 客单价, 复购率 … of a date range, with 环比, 同比 and 累计同比");

        group.MapGet("/trend", Results<Ok<Trend>, ValidationProblem, ProblemHttpResult> (
            [AsParameters] ScopeParameters query, string? interval, HttpRequest request, AnalyticsStore store, AnswerCache cache, TimeProvider time, ClaimsPrincipal user) =>
        {
            using var data = store.Read();
            var (scope, errors, forbidden) = query.Validate(data, time, user);
            if (forbidden is not null)
                return Access.Forbidden(forbidden);
            TrendInterval? step = interval?.Trim().ToLowerInvariant() switch
            {
                "day" => TrendInterval.Day,
                "week" => TrendInterval.Week,
                "month" => TrendInterval.Month,
                _ => null,
            };
            if (step is null)
                errors["interval"] = [$"interval must be day, week or month{(interval is null ? "" : $", not '{interval}'")}."];
            if (scope is null || step is null)
                return TypedResults.ValidationProblem(errors);
            return TypedResults.Ok(cache.GetOrCompute(request, data, () => new SalesMetrics(data).Trend(scope, step.Value)));
        }).WithSummary("One point per day, week (Monday–Sunday) or month, empty intervals included, clipped to the range");

        return group;
    }
}
