using System.Globalization;

namespace Analytics.Api.Reports;

/// <summary>
/// Numbers as a commerce bureau writes them in a statement: amounts in 万元 (亿元 from one hundred million), counts in
/// 万 from ten thousand, percentages with at most two decimals, 增长/下降 by sign, and 个百分点 for differences of rates.
/// </summary>
internal static class BureauNumbers
{
    private const decimal Wan = 10_000m;
    private const decimal Yi = 100_000_000m;

    /// <summary>3091万元, 764.25万元, 1.23亿元.</summary>
    public static string Amount(decimal yuan) =>
        Math.Abs(yuan) >= Yi ? $"{Trimmed(yuan / Yi)}亿元" : $"{Trimmed(yuan / Wan)}万元";

    /// <summary>12.35万单, 8532单 (counts below ten thousand are written out).</summary>
    public static string Count(long count, string unit) =>
        Math.Abs(count) >= Wan ? $"{Trimmed(count / Wan)}万{unit}" : $"{count.ToString(CultureInfo.InvariantCulture)}{unit}";

    /// <summary>86.52元.</summary>
    public static string Yuan(decimal yuan) => $"{Trimmed(yuan)}元";

    /// <summary>A ratio as a percentage: 0.391 → 39.1%, 0.2418 → 24.18%.</summary>
    public static string Percent(double ratio) => $"{Trimmed((decimal)ratio * 100m)}%";

    /// <summary>
    /// 同比增长39.1% / 同比下降5.2% / 与上年同期持平; with no base (null) the caller says why, so this returns null.
    /// A change that rounds to 0.00% is 持平: "增长0%" is not something a bureau writes.
    /// </summary>
    public static string? Change(double? change, string against = "同比")
    {
        if (change is not { } value)
            return null;
        var percent = Math.Round((decimal)value * 100m, 2, MidpointRounding.AwayFromZero);
        if (percent == 0)
            return against == "同比" ? "与上年同期持平" : $"{against}持平";
        return $"{against}{(percent > 0 ? "增长" : "下降")}{Trimmed(Math.Abs(percent))}%";
    }

    /// <summary>The difference of two rates: 提高1.2个百分点 / 下降0.35个百分点 / 持平; null when either rate is missing.</summary>
    public static string? Points(double? current, double? baseline)
    {
        if (current is null || baseline is null)
            return null;
        var points = Math.Round(((decimal)current.Value - (decimal)baseline.Value) * 100m, 2, MidpointRounding.AwayFromZero);
        return points == 0 ? "持平" : $"{(points > 0 ? "提高" : "下降")}{Trimmed(Math.Abs(points))}个百分点";
    }

    /// <summary>At most two decimals, trailing zeros dropped, no thousands separators (3091, 764.2, 24.18).</summary>
    public static string Trimmed(decimal value) =>
        Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>(current − base) / base, null where the base is 0 (METRICS.md, Comparisons).</summary>
    public static double? ChangeOf(decimal current, decimal baseline) =>
        baseline == 0 ? null : (double)((current - baseline) / baseline);
}
