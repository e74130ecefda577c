namespace Analytics.Ingestion.Formats;

/// <summary>
/// Douyin, PDD and Kuaishou exports carry no buyer id; METRICS.md takes receiver name + phone (as exported, usually
/// masked) + province, city and district as the buyer, and buyer-based figures from it are estimates.
/// </summary>
internal static class ReceiverFingerprint
{
    public static string? Of(string? receiver, string? phone, Region region) =>
        receiver is null && phone is null ? null
            : string.Join('|', receiver, phone, region.ProvinceCode, region.City, region.District);
}
