using Analytics.Api.Forecasts;

namespace Analytics.Api.Alerts;

/// <summary>
/// Names the member that explains most of a drop (research notes §4, a simple LocalizeRootCause): each shop,
/// enterprise or platform inside the scope is compared on the low days with its own usual level (the mean of the same
/// weekday over the four weeks before), and the finest member whose shortfall is at least half of all members' is named.
/// </summary>
internal static class GapCause
{
    private const double MostOfTheGap = 0.5;

    public static string? Explain(WatchedScope scope, IReadOnlyList<WatchedScope> all, IReadOnlyList<DateOnly> lowDays, DateOnly origin)
    {
        var kinds = scope.Kind switch
        {
            "county" => new[] { "shop", "enterprise", "platform" },
            "platform" or "enterprise" => ["shop"],
            _ => [],
        };
        foreach (var kind in kinds)
        {
            var members = all.Where(m => m.Kind == kind && Inside(m, scope)).ToList();
            var gaps = members.Select(m => (m.Name, Gap: lowDays.Sum(d => Usual(m.NetSales, d, origin) - m.NetSales[d]))).ToList();
            var total = gaps.Sum(g => Math.Max(0, g.Gap));
            if (total <= 0)
                continue;
            var top = gaps.MaxBy(g => g.Gap);
            if (top.Gap / total >= MostOfTheGap)
                return top.Name;
        }
        return null;
    }

    private static bool Inside(WatchedScope member, WatchedScope scope) => scope.Kind switch
    {
        "platform" => member.Scope.Platform == scope.Scope.Platform,
        "enterprise" => member.Enterprise == scope.Enterprise,
        _ => true,
    };

    /// <summary>The mean of the four same weekdays before the window began.</summary>
    private static double Usual(DailySeries series, DateOnly day, DateOnly origin)
    {
        var weeksBack = (day.DayNumber - origin.DayNumber + 6) / 7;
        var same = Enumerable.Range(weeksBack, 4).Select(k => day.AddDays(-7 * k)).Where(d => d >= series.Start).Select(d => series[d]).ToList();
        return same.Count == 0 ? 0 : same.Average();
    }
}
