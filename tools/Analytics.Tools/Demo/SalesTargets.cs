namespace Analytics.Tools.Demo;

/// <summary>
/// Net sales (per METRICS.md: buyer-paid − refunded, by payment time, final state) the full demo set is built to hit,
/// so the KPI screens and the monthly report show known numbers: 2022 = 30,910,000.00 yuan (+39.1% on 2021),
/// 2023 Q1 = 7,640,000.00 (+24.18% on 2022 Q1), 2023 Q2 = 2022 Q2 + 20%.
/// </summary>
internal static class SalesTargets
{
    public const long Year2021Fen = 2_222_142_343;
    public const long Year2022Fen = 3_091_000_000;
    public const long Q1Of2022Fen = 615_235_948;
    public const long Q1Of2023Fen = 764_000_000;

    // A shop that keeps growing: later months weigh a little more than the season alone says.
    private const double MonthlyGrowth = 0.03;

    /// <summary>Target net sales in fen for every month from 2021-01 to 2023-06.</summary>
    public static IReadOnlyList<(DateOnly Month, long Fen)> Monthly()
    {
        var months = new List<(DateOnly Month, long Fen)>();
        months.AddRange(Split(2021, 1, 12, Year2021Fen));
        months.AddRange(Split(2022, 1, 3, Q1Of2022Fen));
        months.AddRange(Split(2022, 4, 12, Year2022Fen - Q1Of2022Fen));
        months.AddRange(Split(2023, 1, 3, Q1Of2023Fen));
        foreach (var month in new[] { 4, 5, 6 })
        {
            var yearAgo = months.Single(m => m.Month == new DateOnly(2022, month, 1)).Fen;
            months.Add((new DateOnly(2023, month, 1), (long)Math.Round(yearAgo * 1.2m)));
        }

        return months;
    }

    /// <summary>Splits a total over months by their season and growth weights; the last month takes the rounding rest.</summary>
    private static IEnumerable<(DateOnly Month, long Fen)> Split(int year, int fromMonth, int toMonth, long totalFen)
    {
        var weights = Enumerable.Range(fromMonth, toMonth - fromMonth + 1)
            .Select(m => (Month: new DateOnly(year, m, 1), Weight: DayShape.MonthWeight(year, m) * (1 + (MonthlyGrowth * (m - 1)))))
            .ToArray();
        var sum = weights.Sum(w => w.Weight);
        var given = 0L;
        for (var i = 0; i < weights.Length; i++)
        {
            var fen = i == weights.Length - 1 ? totalFen - given : (long)Math.Floor(totalFen * weights[i].Weight / sum);
            given += fen;
            yield return (weights[i].Month, fen);
        }
    }
}
