using Analytics.Api.Metrics;
using Analytics.Store.Sales;

namespace Analytics.Api.Forecasts;

/// <summary>
/// Composes /api/forecast from a scope's daily series: two years of history up to asOf (or the data's last day, when
/// asOf is later), the model chosen by backtest, the days after asOf, and the month's and year's projections.
/// </summary>
internal static class SalesForecasts
{
    public const int MaxHorizon = 90;
    public const int HistoryDays = 730;

    /// <summary>A forecast from data older than this would be a guess about a period nobody has seen.</summary>
    public const int MaxDataGapDays = 31;

    public const string BandMethod =
        "empirical: quantiles of the backtest's own errors per horizon (log ratio, pooled over neighbouring horizons); beyond 30 days widened by √(h/30)";

    public static readonly IReadOnlyList<string> Metrics = ["netSales", "orders", "gmv"];

    /// <param name="scope">the filters; its dates are ignored.</param>
    /// <param name="lastDayWithData">the county's latest day with a paid order, or null when there is none.</param>
    public static ForecastAnswer Answer(SalesMetrics figures, ShopDays? kept, SalesScope scope, string metric, int horizon, DateOnly asOf, DateOnly? lastDayWithData)
    {
        var asOfText = SalesScope.Text(asOf);
        ForecastAnswer Nothing(string reason, string message, string? through) =>
            new(metric, asOfText, horizon, through, null, null, message, reason, BandMethod, [], null, null, null);

        if (lastDayWithData is not { } lastDay)
            return Nothing("暂无已付款订单", "还没有任何已付款订单，无法预测。 / No paid order yet: nothing to forecast from.", null);
        var historyEnd = lastDay < asOf ? lastDay : asOf;
        var through = SalesScope.Text(historyEnd);
        if (asOf.DayNumber - historyEnd.DayNumber > MaxDataGapDays)
            return Nothing($"数据超过 {MaxDataGapDays} 天未更新", $"数据只到 {through}，距 {asOfText} 超过 {MaxDataGapDays} 天，不做预测。 / The data ends on {through}, more than {MaxDataGapDays} days before asOf: no forecast.", through);

        var series = figures.Series(scope.Over(historyEnd.AddDays(1 - HistoryDays), historyEnd), metric, kept);
        var yearEnd = new DateOnly(asOf.Year, 12, 31);
        var last = asOf.AddDays(horizon) > yearEnd ? asOf.AddDays(horizon) : yearEnd;
        var forecast = SeriesForecaster.Forecast(series, last.DayNumber - historyEnd.DayNumber, judged: Math.Min(horizon, Backtest.Horizon));
        if (forecast is null)
        {
            var usable = Array.FindIndex(series.Values, v => v != 0);
            var days = usable < 0 ? 0 : series.Length - usable;
            return Nothing("历史不足八周", $"历史不足八周（截至 {through} 只有 {days} 天有数据），暂不预测。 / Under eight weeks of history ({days} days through {through}): no forecast.", through);
        }

        var digits = metric == "orders" ? 0 : 2;
        var points = Enumerable.Range(1, horizon).Select(i =>
        {
            var day = asOf.AddDays(i);
            var index = day.DayNumber - historyEnd.DayNumber - 1;
            var band = forecast.Bands[index];
            return new ForecastPoint(SalesScope.Text(day), Round(forecast.Values[index], digits), Round(band.Lower, digits), Round(band.Upper, digits),
                Round(band.Lower95, digits), Round(band.Upper95, digits));
        }).ToList();
        var monthStart = new DateOnly(asOf.Year, asOf.Month, 1);
        var candidates = forecast.Candidates.Select(c => new CandidateScore(c.Method.Name(), Round4(c.Mase), Round4(c.Smape))).ToList();
        return new ForecastAnswer(metric, asOfText, horizon, through, forecast.Method.Name(), forecast.Method.ChineseName(), null, null, BandMethod, points,
            new ForecastBacktest(Round4(forecast.Score.Mase), Round4(forecast.Score.Smape), Round4(forecast.Score.Coverage80), forecast.Score.Origins,
                Math.Min(horizon, Backtest.Horizon), Round4(forecast.SeasonalNaiveScore.Mase), candidates),
            Project(forecast, series, monthStart, monthStart.AddMonths(1).AddDays(-1), monthStart.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), digits),
            Project(forecast, series, new DateOnly(asOf.Year, 1, 1), yearEnd, asOf.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), digits));
    }

    /// <summary>
    /// The actual of [from, last day of history] plus the forecast of the rest of [from, to], with the band of the
    /// forecast part from the backtest's sums (<see cref="ErrorBands.AroundSum"/>).
    /// </summary>
    public static PeriodProjection Project(SeriesForecast forecast, DailySeries series, DateOnly from, DateOnly to, string period, int digits)
    {
        var historyEnd = forecast.Last;
        var actualTo = historyEnd < to ? historyEnd : to;
        var actual = series.Between(from, actualTo).Sum();
        var remaining = Math.Max(0, to.DayNumber - historyEnd.DayNumber);
        var rest = Enumerable.Range(1, remaining).Sum(i => forecast.Values[i - 1]);
        var band = forecast.Errors.AroundSum(rest, remaining);
        var lastYearFrom = from.AddYears(-1);
        // Periods end on a month's last day: the same month of last year ends on its own last day (28 February).
        var lastYearTo = new DateOnly(to.Year - 1, to.Month, DateTime.DaysInMonth(to.Year - 1, to.Month));
        decimal? lastYear = lastYearFrom >= series.Start ? Round(series.Between(lastYearFrom, lastYearTo).Sum(), digits) : null;
        var value = actual + rest;
        return new PeriodProjection(period, SalesScope.Text(from), SalesScope.Text(to), SalesScope.Text(actualTo), Round(actual, digits),
            Round(value, digits), Round(actual + band.Lower, digits), Round(actual + band.Upper, digits), lastYear,
            lastYear is > 0 ? Math.Round((double)(Round(value, digits) / lastYear.Value) - 1, 4) : null);
    }

    private static decimal Round(double value, int digits) => Math.Round((decimal)value, digits, MidpointRounding.AwayFromZero);

    private static double? Round4(double? value) => value is { } v ? Math.Round(v, 4) : null;
}
