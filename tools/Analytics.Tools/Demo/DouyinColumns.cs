using Analytics.Ingestion.Formats;

namespace Analytics.Tools.Demo;

/// <summary>The header layouts of Douyin's 商品维度 order export (docs/export-formats.md §1.2).</summary>
internal static class DouyinColumns
{
    /// <summary>The current full field set, verbatim, in export order; note the full-width parentheses.</summary>
    public static readonly IReadOnlyList<string> Full74 = PlatformHeaders.Douyin74;

    /// <summary>Columns added after the 65-column layout of 2023.</summary>
    private static readonly string[] AddedLater =
        ["地址修改时段", "序列号", "商品69码", "发货SN码", "发货IMEI码1", "发货IMEI码2", "物流SN码", "物流IMEI码1", "物流IMEI码2"];

    /// <summary>The columns an importer needs; every layout the demo writes has them.</summary>
    public static readonly IReadOnlyList<string> Essential =
        ["主订单编号", "子订单编号", "商品数量", "商品ID", "订单应付金额", "省", "市", "区", "支付完成时间", "订单状态", "售后状态", "收件人", "收件人手机号"];

    /// <summary>
    /// The older 54-field standard report: the first 54 of the 65 columns, essentials moved in if they fell
    /// outside, with the old names 商品名称 (选购商品), 商品金额 (商品单价, still the unit price) and 货号 (商家编码).
    /// </summary>
    public static readonly IReadOnlyList<string> Legacy54 = BuildLegacy54();

    /// <summary>An operator's custom report: 20 columns in their own order.</summary>
    public static readonly IReadOnlyList<string> Custom =
    [
        "订单提交时间", "主订单编号", "子订单编号", "订单状态", "售后状态", "选购商品", "商品ID", "商品数量", "商品单价", "订单应付金额",
        "支付完成时间", "收件人", "收件人手机号", "省", "市", "区", "达人昵称", "流量来源", "发货时间", "商家备注",
    ];

    public static IReadOnlyList<string> For(ExportLayout layout) => layout switch
    {
        ExportLayout.Douyin54 => Legacy54,
        ExportLayout.DouyinCustom => Custom,
        _ => Full74,
    };

    private static string[] BuildLegacy54()
    {
        var of65 = Full74.Where(c => !AddedLater.Contains(c)).ToList();
        var kept = of65.Take(54).ToList();
        foreach (var missing in of65.Skip(54).Where(Essential.Contains))
        {
            var replaced = kept.FindLastIndex(c => !Essential.Contains(c));
            kept.RemoveAt(replaced);
            kept.Add(missing);
        }

        return kept.Select(c => c switch
        {
            "选购商品" => "商品名称",
            "商品单价" => "商品金额",
            "商家编码" => "货号",
            _ => c,
        }).ToArray();
    }
}
