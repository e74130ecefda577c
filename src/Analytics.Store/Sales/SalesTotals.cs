namespace Analytics.Store.Sales;

/// <summary>The additive sums a window's figures are computed from, in fen and counts.</summary>
public sealed record SalesTotals
{
    public long Orders { get; init; }
    public long GmvFen { get; init; }
    public long RefundFen { get; init; }
    public long Units { get; init; }
    public long BuyerOrders { get; init; }
    public long BuyerGmvFen { get; init; }
    public long Buyers { get; init; }
    public long RepeatBuyers { get; init; }
    public int Provinces { get; init; }

    /// <summary>Platforms with paid orders in the window.</summary>
    public IReadOnlyList<string> Platforms { get; init; } = [];

    /// <summary>Platforms whose buyer keys are receiver fingerprints in this window.</summary>
    public IReadOnlyList<string> FingerprintPlatforms { get; init; } = [];
}
