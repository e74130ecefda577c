namespace Analytics.Api.Forecasts;

/// <summary>A forecast's 80% and 95% band.</summary>
internal readonly record struct Band(double Lower, double Upper, double Lower95, double Upper95);

/// <summary>
/// Prediction bands from the backtest's own errors rather than a model's variance formula, whose assumptions sales do
/// not honour (research notes §1). An error is the log ratio ln((actual + c) / (forecast + c)), so a band scales with
/// the day (双11's band is wider in yuan than a Tuesday's) and never goes below zero; c, 5% of the last four weeks'
/// mean, keeps days near zero finite. Per horizon h the band is the 1/7/93/99% empirical quantiles of the errors (see Levels)
/// at horizons h ± (1 + h/5), pooled because one horizon has only one error per origin. Beyond the backtest's 30 days
/// the 30-day quantiles are widened by √(h/30): an assumption, not a measurement. Sums over k days (本月预计, 全年预计)
/// take the quantiles of the backtest's k-day sums the same way, not a sum of daily bands, which would be too wide.
/// </summary>
internal sealed class ErrorBands
{
    private const int MinimumErrors = 8;
    // Past errors understate the next ones (fewer of them, and the series drifts): the 10th–90th percentiles covered
    // 67–80% of the demo's days out of sample, so the 80% band is the 7th–93rd and the 95% band the 1st–99th.
    // `bench forecast` measures the coverage this gives.
    private const double LowerLevel = 0.07;
    private const double UpperLevel = 0.93;
    private static readonly double[] Levels = [0.01, LowerLevel, UpperLevel, 0.99];

    private readonly double[][] _daily; // [h − 1][level]
    private readonly double[][] _sums;  // [k − 1][level]

    private ErrorBands(double offset, double[][] daily, double[][] sums) => (Offset, _daily, _sums) = (offset, daily, sums);

    /// <summary>The c in the log ratio.</summary>
    public double Offset { get; }

    public static ErrorBands From(Backtest backtest, ForecastMethod method)
    {
        var offset = OffsetFor(backtest.History);
        var daily = new List<double>[Backtest.Horizon];
        var sums = new List<double>[Backtest.Horizon];
        for (var h = 0; h < Backtest.Horizon; h++)
            (daily[h], sums[h]) = ([], []);
        for (var origin = 0; origin < backtest.Origins.Count; origin++)
        {
            double actualSum = 0, forecastSum = 0;
            for (var h = 1; h <= backtest.Available(origin); h++)
            {
                var (actual, forecast) = (backtest.Actual(origin, h), backtest.Forecast(method, origin, h));
                daily[h - 1].Add(LogRatio(actual, forecast, offset));
                actualSum += actual;
                forecastSum += Math.Max(0, forecast);
                sums[h - 1].Add(LogRatio(actualSum, forecastSum, offset * h));
            }
        }
        return new ErrorBands(offset, PooledQuantiles(daily), PooledQuantiles(sums));
    }

    /// <summary>The band of a forecast <paramref name="horizon"/> days ahead.</summary>
    public Band Around(double forecast, int horizon) => Apply(_daily, forecast, horizon, Offset);

    /// <summary>The band of a forecast sum over the next <paramref name="days"/> days.</summary>
    public Band AroundSum(double forecastSum, int days) => days <= 0
        ? new Band(forecastSum, forecastSum, forecastSum, forecastSum)
        : Apply(_sums, forecastSum, days, Offset * days);

    /// <summary>
    /// The 80% band's coverage as the backtest would have seen it: at each origin the band comes only from errors whose
    /// day had passed by then (origin j's error at horizon h counts from origin j + h on), so no band has seen its own
    /// actual. Returns the days inside and the days judged, for horizons 1…<paramref name="upTo"/>.
    /// </summary>
    public static (int Inside, int Judged) Coverage80(Backtest backtest, ForecastMethod method, int upTo)
    {
        var offset = OffsetFor(backtest.History);
        var errors = new double[backtest.Origins.Count][];
        for (var origin = 0; origin < errors.Length; origin++)
        {
            errors[origin] = new double[backtest.Available(origin)];
            for (var h = 1; h <= errors[origin].Length; h++)
                errors[origin][h - 1] = LogRatio(backtest.Actual(origin, h), backtest.Forecast(method, origin, h), offset);
        }
        int inside = 0, judged = 0;
        var known = new List<double>();
        for (var origin = 1; origin < backtest.Origins.Count; origin++)
        {
            for (var h = 1; h <= Math.Min(upTo, backtest.Available(origin)); h++)
            {
                var (from, to) = Pool(h);
                known.Clear();
                for (var earlier = 0; earlier < origin; earlier++)
                {
                    // Only the errors whose day had come by this origin.
                    var seen = Math.Min(Math.Min(to, errors[earlier].Length), backtest.Origins[origin] - backtest.Origins[earlier]);
                    for (var k = from; k <= seen; k++)
                        known.Add(errors[earlier][k - 1]);
                }
                if (known.Count < MinimumErrors)
                    continue;
                known.Sort();
                var forecast = Math.Max(0, backtest.Forecast(method, origin, h));
                var lower = (forecast + offset) * Math.Exp(Quantiles.OfSorted(known, LowerLevel)) - offset;
                var upper = (forecast + offset) * Math.Exp(Quantiles.OfSorted(known, UpperLevel)) - offset;
                var actual = backtest.Actual(origin, h);
                judged++;
                if (actual >= lower && actual <= upper)
                    inside++;
            }
        }
        return (inside, judged);
    }

    private static double OffsetFor(DailySeries history)
    {
        var recent = history.Values.AsSpan(Math.Max(0, history.Length - 28));
        var mean = recent.Length == 0 ? 0 : Sum(recent) / recent.Length;
        return Math.Max(0.05 * mean, 1e-6);
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var value in values)
            sum += value;
        return sum;
    }

    private static double LogRatio(double actual, double forecast, double offset) =>
        Math.Log((Math.Max(0, actual) + offset) / (Math.Max(0, forecast) + offset));

    private static (int From, int To) Pool(int horizon)
    {
        var width = 1 + horizon / 5;
        return (Math.Max(1, horizon - width), Math.Min(Backtest.Horizon, horizon + width));
    }

    private static double[][] PooledQuantiles(List<double>[] byHorizon)
    {
        var quantiles = new double[Backtest.Horizon][];
        for (var h = 1; h <= Backtest.Horizon; h++)
        {
            var (from, to) = Pool(h);
            var pooled = new List<double>();
            for (var k = from; k <= to; k++)
                pooled.AddRange(byHorizon[k - 1]);
            pooled.Sort();
            // Too few errors (a short history): no band can be claimed, so it is as wide as the longest horizon's, or none.
            quantiles[h - 1] = pooled.Count >= MinimumErrors
                ? [.. Levels.Select(level => Quantiles.OfSorted(pooled, level))]
                : h > 1 ? quantiles[h - 2] : [double.NaN, double.NaN, double.NaN, double.NaN];
        }
        return quantiles;
    }

    private static Band Apply(double[][] quantiles, double forecast, int horizon, double offset)
    {
        var index = Math.Min(horizon, Backtest.Horizon) - 1;
        var widen = horizon > Backtest.Horizon ? Math.Sqrt((double)horizon / Backtest.Horizon) : 1.0;
        var q = quantiles[index];
        var centre = Math.Max(0, forecast) + offset;
        // A model that has overshot every time would put its whole band below its own forecast; the band always holds it.
        double At(int level) => double.IsNaN(q[level])
            ? forecast
            : Math.Max(0, centre * Math.Exp((level < 2 ? Math.Min(q[level], 0) : Math.Max(q[level], 0)) * widen) - offset);
        return new Band(At(1), At(2), At(0), At(3));
    }
}
