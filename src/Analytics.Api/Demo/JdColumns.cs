namespace Analytics.Api.Demo;

/// <summary>The header layouts of JD's order export (research/platform-exports.md §3.2).</summary>
internal static class JdColumns
{
    /// <summary>The 2015–2018 layout, verbatim, including the long full-width-parenthesised 商家备注等级 header.</summary>
    public static readonly IReadOnlyList<string> Base30 =
        ("订单号,商品ID,商品名称,订购数量,支付方式,下单时间,京东价,订单金额,结算金额,余额支付,应付金额,订单状态,订单类型,下单帐号,客户姓名,"
        + "客户地址,联系电话,订单备注,发票类型,发票抬头,发票内容,商家备注,商家备注等级（等级1-5为由高到低）,运费金额,付款确认时间,增值税发票,"
        + "货号,订单完成时间,订单来源,订单渠道").Split(',');

    /// <summary>The 30 plus the ten columns appended later.</summary>
    public static readonly IReadOnlyList<string> Extended40 =
    [
        .. Base30,
        "送装服务", "服务费", "仓库ID", "仓库名称", "普通发票纳税编号", "商家SKUID", "邮箱地址", "邮政编码", "是否为品牌商订单", "是否为toplife订单",
    ];

    public static IReadOnlyList<string> For(ExportLayout layout) => layout == ExportLayout.Jd30 ? Base30 : Extended40;
}
