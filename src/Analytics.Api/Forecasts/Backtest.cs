namespace Analytics.Api.Forecasts;

/// <summary>
/// Rolling-origin evaluation on a history: at origins one week apart going back from its last day (up to
/// <see cref="MaxOrigins"/>, each with at least <see cref="MinimumTraining"/> days before it), every model is refitted on
/// the days up to the origin and forecasts 1…<see cref="Horizon"/> days ahead, and its errors are kept per horizon.
/// The Holt-Winters weights are chosen once, on the history before the earliest origin, so no origin's forecast has
/// seen the days it is judged on.
/// </summary>
internal sealed class Backtest
{
    public const int Horizon = 30;
    public const int MaxOrigins = 26;
    public const int MinimumTraining = 28;

    private readonly Dictionary<ForecastMethod, double[][]> _forecasts;

    private Backtest(DailySeries history, int[] origins, Dictionary<ForecastMethod, double[][]> forecasts)
    {
        History = history;
        Origins = origins;
        _forecasts = forecasts;
        Scale = SeasonalNaive.Scale(history.Values);
    }

    public DailySeries History { get; }

    /// <summary>The index in the history of each origin's last training day, oldest first.</summary>
    public IReadOnlyList<int> Origins { get; }

    /// <summary>MASE's denominator: the in-sample error of the weekly seasonal naive forecast over the whole history.</summary>
    public double Scale { get; }

    public static Backtest Run(DailySeries history, IReadOnlyList<ForecastMethod> methods)
    {
        var origins = new List<int>();
        for (var origin = history.Length - 1 - 7; origin + 1 >= MinimumTraining && origins.Count < MaxOrigins; origin -= 7)
            origins.Add(origin);
        origins.Reverse();
        var forecasts = methods.ToDictionary(m => m, _ => new double[origins.Count][]);
        if (origins.Count > 0)
        {
            var tuning = ModelTuning.For(history.Through(history.DayAt(origins[0])), methods);
            for (var i = 0; i < origins.Count; i++)
            {
                foreach (var (method, forecast) in ForecastModels.ForecastAll(history.Through(history.DayAt(origins[i])), Horizon, tuning, methods))
                    forecasts[method][i] = forecast;
            }
        }
        return new Backtest(history, [.. origins], forecasts);
    }

    /// <summary>How many days after origin <paramref name="origin"/> (by position in <see cref="Origins"/>) have actuals.</summary>
    public int Available(int origin) => Math.Min(Horizon, History.Length - 1 - Origins[origin]);

    public double Actual(int origin, int horizon) => History.Values[Origins[origin] + horizon];

    public double Forecast(ForecastMethod method, int origin, int horizon) => _forecasts[method][origin][horizon - 1];

    /// <summary>Mean absolute scaled error over horizons <paramref name="from"/>…<paramref name="to"/>; null without errors or scale.</summary>
    public double? Mase(ForecastMethod method, int from, int to)
    {
        var errors = Errors(method, from, to).Select(e => Math.Abs(e.Actual - e.Forecast)).ToList();
        return errors.Count == 0 || Scale <= 0 ? null : errors.Average() / Scale;
    }

    /// <summary>Symmetric mean absolute percentage error (0…2); days where actual and forecast are both 0 are left out.</summary>
    public double? Smape(ForecastMethod method, int from, int to)
    {
        var terms = Errors(method, from, to).Where(e => Math.Abs(e.Actual) + Math.Abs(e.Forecast) > 0)
            .Select(e => 2 * Math.Abs(e.Actual - e.Forecast) / (Math.Abs(e.Actual) + Math.Abs(e.Forecast))).ToList();
        return terms.Count == 0 ? null : terms.Average();
    }

    /// <summary>Every (origin, horizon, actual, forecast) measured for horizons <paramref name="from"/>…<paramref name="to"/>.</summary>
    public IEnumerable<(int Origin, int Horizon, double Actual, double Forecast)> Errors(ForecastMethod method, int from, int to)
    {
        for (var origin = 0; origin < Origins.Count; origin++)
        {
            for (var h = from; h <= Math.Min(to, Available(origin)); h++)
                yield return (origin, h, Actual(origin, h), Forecast(method, origin, h));
        }
    }
}
