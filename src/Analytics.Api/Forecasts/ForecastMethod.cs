namespace Analytics.Api.Forecasts;

/// <summary>The models a series may be forecast with; each series takes the one its backtest favours.</summary>
internal enum ForecastMethod
{
    SeasonalNaive,
    SeasonalNaiveWithEvents,
    HoltWinters,
    HoltWintersWithEvents,
}

internal static class ForecastMethods
{
    public static readonly IReadOnlyList<ForecastMethod> All = Enum.GetValues<ForecastMethod>();

    /// <summary>The model's name in the API's answers.</summary>
    public static string Name(this ForecastMethod method) => method switch
    {
        ForecastMethod.SeasonalNaive => "seasonal-naive",
        ForecastMethod.SeasonalNaiveWithEvents => "seasonal-naive+events",
        ForecastMethod.HoltWinters => "holt-winters-damped",
        _ => "holt-winters-damped+events",
    };

    /// <summary>The model's name for the bureau.</summary>
    public static string ChineseName(this ForecastMethod method) => method switch
    {
        ForecastMethod.SeasonalNaive => "季节性朴素（上周同日）",
        ForecastMethod.SeasonalNaiveWithEvents => "季节性朴素 + 节庆效应",
        ForecastMethod.HoltWinters => "Holt-Winters 阻尼趋势（周季节）",
        _ => "Holt-Winters 阻尼趋势（周季节）+ 节庆效应",
    };
}

/// <summary>The Holt-Winters weights chosen for a series, on its values as they are and with the events taken out.</summary>
internal sealed record ModelTuning(HoltWintersWeights Plain, HoltWintersWeights WithoutEvents)
{
    private static readonly HoltWintersWeights Unused = new(0.2, 0.05, 0.15, 0.9);

    /// <summary>Searches the weights the <paramref name="methods"/> need (the naive ones need none).</summary>
    public static ModelTuning For(DailySeries history, IReadOnlyList<ForecastMethod> methods) => new(
        methods.Contains(ForecastMethod.HoltWinters) ? HoltWinters.Search(history.Values) : Unused,
        methods.Contains(ForecastMethod.HoltWintersWithEvents) ? HoltWinters.Search(EventEffects.Measure(history).Remove(history)) : Unused);
}

/// <summary>Forecasts a history with each model: pure functions of the series, the horizon and the tuning.</summary>
internal static class ForecastModels
{
    public static double[] Forecast(ForecastMethod method, DailySeries history, int horizon, ModelTuning tuning) =>
        ForecastAll(history, horizon, tuning, [method])[method];

    /// <summary>Every model asked for, sharing the event effects measured once on the history.</summary>
    public static Dictionary<ForecastMethod, double[]> ForecastAll(DailySeries history, int horizon, ModelTuning tuning, IReadOnlyList<ForecastMethod> methods)
    {
        var forecasts = new Dictionary<ForecastMethod, double[]>();
        EventEffects? effects = null;
        double[]? withoutEvents = null;
        foreach (var method in methods)
        {
            if (method is ForecastMethod.SeasonalNaiveWithEvents or ForecastMethod.HoltWintersWithEvents && effects is null)
            {
                effects = EventEffects.Measure(history);
                withoutEvents = effects.Remove(history);
            }
            forecasts[method] = method switch
            {
                ForecastMethod.SeasonalNaive => SeasonalNaive.Forecast(history.Values, horizon),
                ForecastMethod.HoltWinters => NotBelowZero(HoltWinters.Forecast(history.Values, tuning.Plain, horizon)),
                ForecastMethod.SeasonalNaiveWithEvents => effects!.Apply(SeasonalNaive.Forecast(withoutEvents, horizon), history.End),
                _ => effects!.Apply(NotBelowZero(HoltWinters.Forecast(withoutEvents, tuning.WithoutEvents, horizon)), history.End),
            };
        }
        return forecasts;
    }

    // Sales are never negative; a falling trend extrapolated far enough would say otherwise.
    private static double[] NotBelowZero(double[] forecast)
    {
        for (var i = 0; i < forecast.Length; i++)
            forecast[i] = Math.Max(0, forecast[i]);
        return forecast;
    }
}
