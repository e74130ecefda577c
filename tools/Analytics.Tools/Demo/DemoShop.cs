namespace Analytics.Tools.Demo;

/// <summary>The platforms the demo can write exports for.</summary>
internal enum DemoPlatform
{
    Douyin,
    Jd,
    Pdd,
    Taobao,
    Kuaishou,
}

/// <summary>A shop from seeds/shops.csv.</summary>
/// <param name="Index">position among the exported shops; seeds each shop's random stream.</param>
/// <param name="IndexInPlatform">position among the shops of the same platform; picks the shop's export layout.</param>
internal sealed record DemoShop(
    DemoPlatform Platform, string PlatformName, string Name, string Enterprise, int Index, int IndexInPlatform)
{
    /// <summary>A per-shop seed, so each shop's files stay the same whatever the other shops do.</summary>
    public int SeedFor(int seed, int salt) => unchecked((seed * 1_000_003) + (Index * 7_919) + (salt * 104_729));
}
