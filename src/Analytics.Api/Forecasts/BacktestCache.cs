namespace Analytics.Api.Forecasts;

/// <summary>What a series' backtest decided: the model to show, its error quantiles (the band) and the scores.</summary>
internal sealed record BacktestJudgement(
    ForecastMethod Method, ErrorBands Errors, BacktestScore Score, BacktestScore SeasonalNaiveScore, IReadOnlyList<BacktestScore> Candidates);

/// <summary>
/// Keeps each series' backtest judgement, keyed by the series' own days and values: the backtest refits every model at
/// up to 26 origins and is nine tenths of a forecast's time, yet its answer only changes when the data does. Keying by
/// content rather than by the store's data version means a new import invalidates exactly the series it changed, and
/// nothing here can serve a judgement made on other data. Bounded: a full cache is emptied and starts again.
/// </summary>
internal static class BacktestCache
{
    private const int Capacity = 2048;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Key, BacktestJudgement> Kept = new();

    private readonly record struct Key(DateOnly Start, int Length, long Hash, string Methods, int Judged);

    public static BacktestJudgement GetOrAdd(DailySeries history, IReadOnlyList<ForecastMethod> methods, int judged, Func<BacktestJudgement> judge)
    {
        var key = new Key(history.Start, history.Length, Hash(history.Values), string.Join(',', methods), judged);
        if (Kept.TryGetValue(key, out var kept))
            return kept;
        var judgement = judge();
        if (Kept.Count >= Capacity)
            Kept.Clear();
        Kept[key] = judgement;
        return judgement;
    }

    /// <summary>Forgets every judgement (the benchmark's first call after an import).</summary>
    public static void Clear() => Kept.Clear();

    private static long Hash(double[] values)
    {
        // FNV-1a over the values' bits: two series that differ in any day differ here but for a 2⁻⁶⁴ accident.
        var hash = unchecked((long)14695981039346656037);
        foreach (var value in values)
            hash = unchecked((hash ^ BitConverter.DoubleToInt64Bits(value)) * 1099511628211);
        return hash;
    }
}
