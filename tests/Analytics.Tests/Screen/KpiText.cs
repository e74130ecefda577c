using System.Globalization;

namespace Analytics.Tests.Screen;

/// <summary>
/// What a KPI tile may show for a figure, by the screen's rules: counts and money below 10,000 in full with thousands
/// separators (money with two decimals), then 万 and 亿 with two decimals, the repeat rate as a percent with one decimal,
/// a missing figure as "—". A value exactly halfway between two roundings may go either way (JavaScript's toFixed and
/// Intl round halves differently), so both are allowed there.
/// </summary>
internal static class KpiText
{
    public static IReadOnlyList<string> Allowed(string kpi, decimal? value)
    {
        if (value is not { } figure)
            return ["—"];
        if (kpi == "repeatRate")
            return Percent(figure);
        var decimals = kpi is "netSales" or "avgOrderValue" ? 2 : 0;
        var size = Math.Abs(figure);
        return size >= 100_000_000m ? Grouped(figure / 100_000_000m, 2, "亿")
            : size >= 10_000m ? Grouped(figure / 10_000m, 2, "万")
            : Grouped(figure, decimals, "");
    }

    /// <summary>A ratio (0.1234) as the percent texts it may show ("12.3%").</summary>
    public static IReadOnlyList<string> Percent(decimal ratio) => Grouped(ratio * 100, 1, "%");

    private static List<string> Grouped(decimal value, int decimals, string unit)
    {
        var format = decimals == 0 ? "#,0" : "#,0." + new string('0', decimals);
        return Roundings(value, decimals).Select(rounded => rounded.ToString(format, CultureInfo.InvariantCulture) + unit).Distinct().ToList();
    }

    private static IEnumerable<decimal> Roundings(decimal value, int decimals)
    {
        var awayFromZero = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        yield return awayFromZero;
        var scaled = value * (decimal)Math.Pow(10, decimals);
        if (Math.Abs(scaled - decimal.Truncate(scaled)) == 0.5m)
            yield return Math.Round(value, decimals, MidpointRounding.ToZero);
    }
}
