using System.Globalization;

namespace Analytics.Tools.Demo;

/// <summary>One row of a Douyin export: a sub-order and its state at the export moment.</summary>
internal readonly record struct DouyinRow(DemoOrder Order, DemoOrderLine Line, LineState State);

/// <summary>
/// What each Douyin column holds. Ids (and, as Douyin does, product texts) start with a TAB so Excel keeps
/// them as text; empty cells are <c>-</c>; money has two decimals.
/// </summary>
internal static class DouyinCells
{
    private static readonly string[] PayMethods = ["抖音支付", "微信", "支付宝"];
    private static readonly string[] Apps = ["抖音", "抖音", "抖音极速版", "抖音火山版"];
    private static readonly string[] Channels = ["直播", "短视频", "商品卡", "精选联盟"];
    private static readonly (string Id, string Name)[] Talents =
        [("4050607080", "禾丰老乡直播间"), ("3871209954", "县长带你逛禾丰"), ("5120398847", "小米姐姐的田")];

    public static Func<DouyinRow, string> For(string column) => column switch
    {
        "主订单编号" => r => Tab(r.Order.Id),
        "子订单编号" => r => Tab(r.Line.LineId),
        "选购商品" or "商品名称" => r => Tab(r.Line.Product.Title),
        "商品规格" => r => Tab(r.Line.Product.Spec),
        "商品数量" => r => r.Line.Quantity.ToString(CultureInfo.InvariantCulture),
        "商品ID" => r => Tab(r.Line.Product.Id),
        "商家编码" or "货号" => r => Tab(r.Line.Product.Code),
        "商品单价" or "商品金额" => r => DemoMoney.Yuan(r.Line.Product.PriceFen),
        "订单应付金额" => r => DemoMoney.Yuan(r.Line.PayableFen),
        "优惠总金额" => r => DemoMoney.Yuan(r.Line.MerchantDiscountFen + r.Line.PlatformDiscountFen),
        "平台优惠" or "平台实际承担优惠金额" => r => DemoMoney.Yuan(r.Line.PlatformDiscountFen),
        "商家优惠" or "商家实际承担优惠金额" => r => DemoMoney.Yuan(r.Line.MerchantDiscountFen),
        "运费" or "达人优惠" or "商家改价" or "支付优惠" or "红包抵扣" or "手续费" or "降价类优惠" or "达人实际承担优惠金额" => _ => "0.00",
        "支付方式" => r => r.Order.Paid is null ? "-" : PayMethods[r.Order.Flavor % 3],
        "收件人" => r => r.Order.Buyer.MaskedName,
        "收件人手机号" => r => r.Order.Buyer.MaskedPhone,
        "省" => r => r.Order.Buyer.DouyinProvince,
        "市" => r => r.Order.Buyer.Place.City,
        "区" => r => r.Order.Buyer.Place.District,
        "街道" => r => r.Order.Buyer.Place.Street,
        "详细地址" => _ => "****",
        "是否修改过地址" or "是否安心购" or "是否平台仓自流转" => _ => "否",
        "买家留言" => r => BuyerNote(r.Order.Flavor),
        "商家备注" => r => r.Order.Flavor % 113 == 0 ? "加赠\"富硒小米尝鲜装\"一袋" : "-",
        "订单提交时间" => r => DemoClock.Text(r.Order.Created),
        "支付完成时间" => r => r.Order.Paid is { } paid ? DemoClock.Text(paid) : "-",
        "承诺发货时间" => r => r.Order.Paid is { } paid ? DemoClock.Text(paid.AddHours(48)) : "-",
        "发货时间" => r => r.State.Shipped ? DemoClock.Text(r.Order.Shipped) : "-",
        "订单完成时间" => r => r.State.Completed ? DemoClock.Text(r.Order.Completed) : "-",
        "订单状态" => r => r.State.Status,
        "售后状态" => r => r.State.AfterSale,
        "取消原因" => r => r.Order.Paid is null && r.State.Status == "已关闭" ? "超时未支付" : "-",
        "APP渠道" => r => Apps[r.Order.Flavor / 3 % Apps.Length],
        "流量来源" => r => Channel(r.Order),
        "流量体裁" => r => Channel(r.Order) is "直播" or "短视频" ? Channel(r.Order) : "其他",
        "流量类型" => r => r.Order.Flavor % 5 == 0 ? "付费流量" : "自然流量",
        "订单类型" => _ => "普通订单",
        "达人ID" => r => HasTalent(r.Order) ? Tab(Talent(r.Order).Id) : "-",
        "达人昵称" => r => HasTalent(r.Order) ? Talent(r.Order).Name : "-",
        "发货主体" => _ => "商家",
        _ => _ => "-",
    };

    private static string Tab(string text) => "\t" + text;

    private static string Channel(DemoOrder order) => Channels[order.Flavor / 12 % Channels.Length];

    private static bool HasTalent(DemoOrder order) => Channel(order) is "直播" or "精选联盟";

    private static (string Id, string Name) Talent(DemoOrder order) => Talents[order.Flavor / 48 % Talents.Length];

    // Buyers' notes are rare; some span two lines or contain a comma, which a CSV writer must quote.
    private static string BuyerNote(int flavor) =>
        flavor % 97 == 0 ? "请发顺丰，谢谢\n老人在家，送货前请打电话"
        : flavor % 89 == 0 ? "周末送货,工作日家里没人"
        : "-";
}
