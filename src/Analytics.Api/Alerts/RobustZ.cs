namespace Analytics.Api.Alerts;

/// <summary>
/// The modified z-score (Iglewicz and Hoaglin 1993): M = (x − median) / (MAD / 0.6745). Where half the values are equal
/// and MAD is 0, the mean absolute deviation × 1.253314 stands in for the spread (IBM's convention).
/// </summary>
internal static class RobustZ
{
    /// <summary>The median and the spread that one unit of z stands for.</summary>
    public static (double Median, double Spread) Centre(IReadOnlyList<double> values)
    {
        var median = Forecasts.Quantiles.Median(values);
        var mad = Forecasts.Quantiles.Median(values.Select(v => Math.Abs(v - median)));
        if (mad > 0)
            return (median, mad / 0.6745);
        var meanDeviation = values.Average(v => Math.Abs(v - median));
        return (median, 1.253314 * meanDeviation);
    }

    public static double Score(double value, double median, double spread) => (value - median) / spread;
}
