using Analytics.Ingestion.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Metrics;

internal static class SummaryApi
{
    public static RouteGroupBuilder MapSummary(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Metrics");

        group.MapGet("/summary", Results<Ok<Summary>, ValidationProblem> (
            [AsParameters] ScopeParameters query, HttpRequest request, AnalyticsStore store, AnswerCache cache, TimeProvider time) =>
        {
            using var connection = store.Open();
            var (scope, errors) = query.Validate(connection, time);
            if (scope is null)
                return TypedResults.ValidationProblem(errors);
            return TypedResults.Ok(cache.GetOrCompute(request, connection, () =>
            {
                var reader = new SalesReader(connection);
                var totals = reader.Totals(scope);
                var current = WindowFigures.Of(scope, totals);
                // For a whole year, 环比, 同比 and 累计同比 are all the year before: each window is read once.
                var known = new Dictionary<SalesScope, WindowFigures> { [scope] = current };
                WindowFigures Figures(SalesScope window) =>
                    known.TryGetValue(window, out var figures) ? figures : known[window] = WindowFigures.Of(window, reader.Totals(window));
                var yearToDate = scope.YearToDate();
                var yearToDateFigures = Figures(yearToDate);
                return new Summary(current, SalesReader.Estimates(totals),
                    ComparedFigures.Of(current, Figures(scope.Previous())),
                    ComparedFigures.Of(current, Figures(scope.YearAgo())),
                    YearToDateFigures.Of(yearToDateFigures, Figures(yearToDate.YearAgo())));
            }));
        }).WithSummary("订单量, 成交额, 网络零售额, 客单价, 复购率 … of a date range, with 环比, 同比 and 累计同比");

        group.MapGet("/trend", Results<Ok<Trend>, ValidationProblem> (
            [AsParameters] ScopeParameters query, string? interval, HttpRequest request, AnalyticsStore store, AnswerCache cache, TimeProvider time) =>
        {
            using var connection = store.Open();
            var (scope, errors) = query.Validate(connection, time);
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
            return TypedResults.Ok(cache.GetOrCompute(request, connection, () => Compute(new SalesReader(connection), scope, step.Value)));
        }).WithSummary("One point per day, week (Monday–Sunday) or month, empty intervals included, clipped to the range");

        return group;
    }

    private static Trend Compute(SalesReader reader, SalesScope scope, TrendInterval step)
    {
        var days = reader.Days(scope).ToDictionary(d => d.Day);
        var intervals = Intervals(scope, step).ToList();
        var buyers = reader.BuyersPer(scope, intervals);
        var points = new List<TrendPoint>();
        foreach (var (start, end) in intervals)
        {
            var inside = Enumerable.Range(0, end.DayNumber - start.DayNumber + 1)
                .Select(i => days.GetValueOrDefault(SalesScope.Text(start.AddDays(i)))).OfType<DayRow>().ToList();
            points.Add(new TrendPoint(SalesScope.Text(start), SalesScope.Text(end), inside.Sum(d => d.Orders),
                WindowFigures.Yuan(inside.Sum(d => d.GmvFen)), WindowFigures.Yuan(inside.Sum(d => d.GmvFen - d.RefundFen)),
                buyers[start]));
        }
        return new Trend(SalesScope.Text(scope.From), SalesScope.Text(scope.To), step.ToString().ToLowerInvariant(), points);
    }

    private static IEnumerable<(DateOnly Start, DateOnly End)> Intervals(SalesScope scope, TrendInterval interval)
    {
        for (var start = scope.From; start <= scope.To;)
        {
            var next = interval switch
            {
                TrendInterval.Day => start.AddDays(1),
                TrendInterval.Week => start.AddDays(7 - ((int)start.DayOfWeek + 6) % 7),
                _ => new DateOnly(start.Year, start.Month, 1).AddMonths(1),
            };
            var end = next.AddDays(-1) > scope.To ? scope.To : next.AddDays(-1);
            yield return (start, end);
            start = next;
        }
    }
}
