namespace Analytics.Api.Metrics;

/// <summary>GET /api/rankings/{dimension}: 平台销售排行, 企业销售排行 …; `change` is 环比 of the ranked figure.</summary>
internal sealed record Ranking(string Dimension, string By, string From, string To, DayWindow Previous, SalesAmounts Total,
    IReadOnlyList<RankedItem> Items, SalesAmounts? Unknown);

/// <param name="PlatformName">The platform as people say it (抖音); one product title is often sold on several.</param>
internal sealed record RankedItem(int Rank, string Key, string? Name, string? Platform, string? PlatformName, string? Shop, long Orders, decimal Gmv, decimal NetSales,
    double? Share, double? Change);

internal sealed record SalesAmounts(long Orders, decimal Gmv, decimal NetSales);

/// <summary>GET /api/products/{platform}/{productId}/regions: 单品销售区域分布.</summary>
internal sealed record ProductRegions(string Platform, string PlatformName, string ProductId, string? Title, string Shop, string From, string To,
    SalesAmounts Total, long Units, IReadOnlyList<RegionItem> Items, SalesAmounts Unknown);

internal sealed record RegionItem(int Rank, string Key, string? Name, long Orders, decimal Gmv, decimal NetSales, long Units, double? Share);
