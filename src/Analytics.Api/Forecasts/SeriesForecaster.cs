namespace Analytics.Api.Forecasts;

/// <summary>How a model did in the backtest over the horizons judged.</summary>
internal sealed record BacktestScore(ForecastMethod Method, double? Mase, double? Smape, double? Coverage80, int Origins);

/// <summary>A series' forecast after its last day: the model chosen, one value and band per day, and its backtest.</summary>
internal sealed record SeriesForecast(
    DailySeries History, ForecastMethod Method, double[] Values, Band[] Bands, ErrorBands Errors,
    BacktestScore Score, BacktestScore SeasonalNaiveScore, IReadOnlyList<BacktestScore> Candidates)
{
    public DateOnly Last => History.End;

    /// <summary>The forecast of <paramref name="day"/>, one of the days after <see cref="Last"/>.</summary>
    public double On(DateOnly day) => Values[day.DayNumber - Last.DayNumber - 1];
}

/// <summary>
/// Chooses a model per series and forecasts with it: every model is backtested on the series (<see cref="Backtest"/>),
/// and the one with the lowest MASE over 1…30 days ahead is used — only if it beats the weekly seasonal naive forecast
/// on the same origins; otherwise the seasonal naive forecast is what is shown. Under eight weeks of history there is
/// no forecast.
/// </summary>
internal static class SeriesForecaster
{
    public const int MinimumHistoryDays = 56;

    /// <summary>The history from its first day with a sale; null when that leaves under eight weeks.</summary>
    public static DailySeries? Usable(DailySeries history)
    {
        var first = Array.FindIndex(history.Values, v => v != 0);
        if (first < 0 || history.Length - first < MinimumHistoryDays)
            return null;
        return first == 0 ? history : new DailySeries(history.DayAt(first), history.Values[first..]);
    }

    /// <param name="judged">the horizons the returned scores describe (1…judged, at most 30).</param>
    public static SeriesForecast? Forecast(DailySeries series, int horizon, int judged, IReadOnlyList<ForecastMethod>? methods = null)
    {
        if (Usable(series) is not { } history)
            return null;
        methods ??= ForecastMethods.All;
        if (!methods.Contains(ForecastMethod.SeasonalNaive))
            methods = [ForecastMethod.SeasonalNaive, .. methods];
        judged = Math.Clamp(judged, 1, Backtest.Horizon);
        var judgement = BacktestCache.GetOrAdd(history, methods, judged, () =>
        {
            var backtest = Backtest.Run(history, methods);
            var chosen = Choose(backtest, methods);
            var scores = methods.Select(m => Score(backtest, m, judged, coverage: m == chosen)).ToList();
            return new BacktestJudgement(chosen, ErrorBands.From(backtest, chosen), scores.Single(s => s.Method == chosen),
                scores.FirstOrDefault(s => s.Method == ForecastMethod.SeasonalNaive) ?? Score(backtest, ForecastMethod.SeasonalNaive, judged, false), scores);
        });
        // Only the chosen model is fitted and projected on each call; the backtest behind the choice and the band is kept.
        var tuning = ModelTuning.For(history, [judgement.Method]);
        var values = ForecastModels.Forecast(judgement.Method, history, horizon, tuning);
        var bands = values.Select((value, i) => judgement.Errors.Around(value, i + 1)).ToArray();
        return new SeriesForecast(history, judgement.Method, values, bands, judgement.Errors, judgement.Score, judgement.SeasonalNaiveScore, judgement.Candidates);
    }

    /// <summary>The lowest MASE over 1…30 days, if strictly lower than the seasonal naive forecast's; else seasonal naive.</summary>
    public static ForecastMethod Choose(Backtest backtest, IReadOnlyList<ForecastMethod> methods)
    {
        var baseline = backtest.Mase(ForecastMethod.SeasonalNaive, 1, Backtest.Horizon);
        var best = ForecastMethod.SeasonalNaive;
        var bestMase = baseline;
        foreach (var method in methods)
        {
            if (backtest.Mase(method, 1, Backtest.Horizon) is { } mase && (bestMase is null || mase < bestMase))
                (best, bestMase) = (method, mase);
        }
        return best;
    }

    public static BacktestScore Score(Backtest backtest, ForecastMethod method, int judged, bool coverage)
    {
        double? covered = null;
        if (coverage)
        {
            var (inside, total) = ErrorBands.Coverage80(backtest, method, judged);
            covered = total == 0 ? null : (double)inside / total;
        }
        return new BacktestScore(method, backtest.Mase(method, 1, judged), backtest.Smape(method, 1, judged), covered, backtest.Origins.Count);
    }
}
