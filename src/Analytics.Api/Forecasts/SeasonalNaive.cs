namespace Analytics.Api.Forecasts;

/// <summary>
/// The weekly seasonal naive forecast: each future day repeats the same weekday of the last week in history,
/// ŷ(T+h) = y(T+h−7k) with the smallest k ≥ 1 that lands in history. Every other model must beat it.
/// </summary>
internal static class SeasonalNaive
{
    public const int Period = 7;

    public static double[] Forecast(ReadOnlySpan<double> history, int horizon)
    {
        var forecast = new double[horizon];
        if (history.Length == 0)
            return forecast;
        var season = Math.Min(Period, history.Length);
        for (var h = 1; h <= horizon; h++)
        {
            var back = (h - 1) % season; // h steps after the end lands on the weekday of history[^(season - back)]
            forecast[h - 1] = history[history.Length - season + back];
        }
        return forecast;
    }

    /// <summary>The in-sample mean absolute error of the naive forecast one season back: the MASE denominator.</summary>
    public static double Scale(ReadOnlySpan<double> history)
    {
        if (history.Length <= Period)
            return 0;
        var sum = 0.0;
        for (var t = Period; t < history.Length; t++)
            sum += Math.Abs(history[t] - history[t - Period]);
        return sum / (history.Length - Period);
    }
}
