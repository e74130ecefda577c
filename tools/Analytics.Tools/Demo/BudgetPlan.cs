namespace Analytics.Tools.Demo;

/// <summary>Net-sales budgets in fen, per shop and per bucket, that add up to each bucket's target exactly.</summary>
internal static class BudgetPlan
{
    // Platform shares of net sales; a platform without shops in the seeds drops out and the others scale up.
    private static double PlatformShare(DemoPlatform platform) => platform switch
    {
        DemoPlatform.Douyin => 0.38,
        DemoPlatform.Jd => 0.25,
        DemoPlatform.Pdd => 0.22,
        DemoPlatform.Taobao => 0.10,
        DemoPlatform.Kuaishou => 0.05,
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "No demo share for this platform."),
    };

    /// <summary>Shares by platform, the first shop of a platform the biggest, with ±10% month-to-month wobble.</summary>
    public static long[][] Calibrated(IReadOnlyList<DemoShop> shops, IReadOnlyList<long> bucketTotals, int seed)
    {
        var rng = new Random(seed);
        var baseWeights = shops.Select(s => PlatformShare(s.Platform) / (1 + (0.4 * s.IndexInPlatform))).ToArray();
        var platformSums = shops.Select(s => shops.Where(o => o.Platform == s.Platform).Sum(o => 1 / (1 + (0.4 * o.IndexInPlatform))))
            .ToArray();
        var budgets = shops.Select(_ => new long[bucketTotals.Count]).ToArray();
        for (var b = 0; b < bucketTotals.Count; b++)
        {
            var weights = baseWeights.Select((w, i) => w / platformSums[i] * (0.9 + (0.2 * rng.NextDouble()))).ToArray();
            var sum = weights.Sum();
            var given = 0L;
            for (var i = 0; i < shops.Count; i++)
            {
                var fen = i == shops.Count - 1 ? bucketTotals[b] - given : (long)Math.Floor(bucketTotals[b] * weights[i] / sum);
                budgets[i][b] = fen;
                given += fen;
            }
        }

        return budgets;
    }

    /// <summary>The same budget for every shop (the uncalibrated small set).</summary>
    public static long[][] Flat(int shops, int buckets, long fenPerShop) =>
        Enumerable.Range(0, shops).Select(_ => Enumerable.Repeat(fenPerShop, buckets).ToArray()).ToArray();
}
