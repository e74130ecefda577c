using Analytics.Ingestion.Formats;

namespace Analytics.Tools.Demo;

/// <summary>The header layouts of PDD's order export (docs/export-formats.md §2.2).</summary>
internal static class PddColumns
{
    /// <summary>The default 27-column export, verbatim, in exact order: no province, no buyer, no 支付时间.</summary>
    public static readonly IReadOnlyList<string> Default27 = PlatformHeaders.PddDefault27;

    /// <summary>An operator's selection from the 2023 field pool, in pool order, with the region columns.</summary>
    public static readonly IReadOnlyList<string> Custom =
    [
        "商品", "订单号", "订单状态", "商品数量(件)", "支付时间", "承诺发货时间", "发货时间", "确认收货时间", "商品id", "商品规格", "样式ID",
        "商家编码-规格维度", "售后状态", "订单成交时间", "商品总价(元)", "邮费(元)", "店铺优惠折扣(元)", "平台优惠折扣(元)", "用户实付金额(元)",
        "商家实收金额(元)", "快递单号", "快递公司", "省", "市", "区", "街道/镇",
    ];

    /// <summary>The same selection as typed with full-width parentheses: 用户实付金额（元）.</summary>
    public static readonly IReadOnlyList<string> CustomFullWidth =
        Custom.Select(c => c.Replace('(', '（').Replace(')', '）')).ToArray();

    public static string HalfWidth(string column) => column.Replace('（', '(').Replace('）', ')');
}
