namespace Analytics.Api.Forecasts;

internal static class Quantiles
{
    /// <summary>The p-quantile of sorted values by linear interpolation between order statistics (R's type 7).</summary>
    public static double OfSorted(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
            return double.NaN;
        var position = (sorted.Count - 1) * p;
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return OfSorted(sorted, 0.5);
    }
}
