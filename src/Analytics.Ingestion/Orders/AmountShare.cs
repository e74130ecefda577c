namespace Analytics.Ingestion.Orders;

/// <summary>
/// Shares an order-level amount over its lines in proportion to their weights (unit price × quantity), to the fen,
/// with the remainder going to the largest fractions, so the lines always add up to the order exactly.
/// </summary>
internal static class AmountShare
{
    public static long[] Split(long total, IReadOnlyList<long> weights)
    {
        var shares = new long[weights.Count];
        if (weights.Count == 0)
            return shares;
        var weightSum = weights.Sum(w => Math.Max(0, w));
        var effective = weightSum > 0 ? weights.Select(w => (decimal)Math.Max(0, w)).ToArray() : weights.Select(_ => 1m).ToArray();
        var effectiveSum = weightSum > 0 ? weightSum : weights.Count;
        var fractions = new (decimal Fraction, int Index)[weights.Count];
        long given = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = total * effective[i] / effectiveSum;
            shares[i] = (long)decimal.Floor(exact);
            fractions[i] = (exact - shares[i], i);
            given += shares[i];
        }
        foreach (var (_, index) in fractions.OrderByDescending(f => f.Fraction).ThenBy(f => f.Index).Take((int)(total - given)))
            shares[index]++;
        return shares;
    }

    /// <summary>
    /// Shares an order's stated refund over its lines (淘宝/天猫 states it per order): over the lines whose status says they
    /// were closed or refunded when they can hold it, else over all lines, in proportion to what each line was paid.
    /// </summary>
    public static long[] Refund(long refund, IReadOnlyList<long> amounts, IReadOnlyList<string?> statuses)
    {
        if (refund == 0)
            return new long[amounts.Count];
        var refunded = amounts.Select((amount, i) => SaysRefunded(statuses[i]) ? amount : 0).ToArray();
        return Split(refund, refunded.Sum() >= refund ? refunded : amounts);
    }

    private static bool SaysRefunded(string? status) =>
        status is not null && (status.Contains("关闭", StringComparison.Ordinal) || status.Contains("退款", StringComparison.Ordinal));
}
