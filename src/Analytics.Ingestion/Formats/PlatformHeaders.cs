namespace Analytics.Ingestion.Formats;

/// <summary>
/// The platforms' own header rows that the readers recognise by exact match. Public, read-only, so the demo generator
/// writes precisely the layouts the importer names, without the readers themselves leaving this assembly.
/// </summary>
public static class PlatformHeaders
{
    /// <summary>Douyin 商品维度, the current 74 columns.</summary>
    public static IReadOnlyList<string> Douyin74 { get; } = Array.AsReadOnly(DouyinExport.Current74);

    /// <summary>PDD's default export, 27 columns.</summary>
    public static IReadOnlyList<string> PddDefault27 { get; } = Array.AsReadOnly(PddExport.Default27);

    /// <summary>JD's 2015–2018 order export, 30 columns.</summary>
    public static IReadOnlyList<string> JdClassic30 { get; } = Array.AsReadOnly(JdExport.Classic30);

    /// <summary>JD's 30 columns and the ten appended later.</summary>
    public static IReadOnlyList<string> JdExtended40 { get; } = Array.AsReadOnly(JdExport.Extended40);

    /// <summary>Kuaishou 快手小店's order export, 61 columns.</summary>
    public static IReadOnlyList<string> Kuaishou61 { get; } = Array.AsReadOnly(KuaishouExport.Current61);

    /// <summary>Kuaishou's later 64 columns (国补类型, 发货类型, 订单销售主体 added).</summary>
    public static IReadOnlyList<string> Kuaishou64 { get; } = Array.AsReadOnly(KuaishouExport.Extended64);

    /// <summary>微信小店's order export as public importers list it, 57 columns.</summary>
    public static IReadOnlyList<string> Wechat57 { get; } = Array.AsReadOnly(WechatShopExport.Fields57);

    /// <summary>淘宝/天猫's old 订单报表 (ExportOrderList…csv), 54 columns, six of them with a trailing space.</summary>
    public static IReadOnlyList<string> TaobaoOrders54 { get; } = Array.AsReadOnly(TaobaoExport.Orders54);

    /// <summary>淘宝/天猫's old 宝贝报表 (ExportOrderDetailList…csv), 10 columns.</summary>
    public static IReadOnlyList<string> TaobaoItems10 { get; } = Array.AsReadOnly(TaobaoItemsExport.Items10);
}
