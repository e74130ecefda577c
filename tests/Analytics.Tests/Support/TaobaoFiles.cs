using Analytics.Ingestion.Formats;

namespace Analytics.Tests.Support;

/// <summary>
/// 淘宝/天猫 exports byte for byte as 千牛 wrote them: the 订单报表 and 宝贝报表 pair in GBK with 订单编号 as <c>="…"</c>,
/// header names with trailing spaces, TABs trailing some cells, <c>'</c> before the phone, <c>元</c> after 打款商家金额.
/// </summary>
internal static class TaobaoFiles
{
    public const string OrdersName = "ExportOrderList202503081015.csv";
    public const string ItemsName = "ExportOrderDetailList202503081015.csv";

    /// <summary>One 订单报表 row. 买家实际支付金额 is what the buyer paid after the refund, as 千牛 writes it.</summary>
    public static (string, string)[] Order(string id, string paidAfterRefund, string refund = "0.00", string buyer = "示例买家01",
        string paidAt = "2025-03-02 20:15:45", string status = "交易成功", string address = "甘肃省 定西市 岷县 岷阳镇 ****(748400)",
        string units = "3", string shop = "岷县特产示例店") =>
    [
        ("订单编号", $"=\"{id}\""), ("买家会员名", buyer), ("买家支付宝账号", "**"), ("买家应付货款", "76.00"), ("买家应付邮费", "0.00"),
        ("买家支付积分", "0"), ("总金额", "76.00"), ("返点积分", "0"), ("买家实际支付金额", paidAfterRefund), ("买家实际支付积分", "0"),
        ("订单状态", status), ("收货人姓名", "赵**"), ("收货地址 ", address), ("运送方式", "快递"), ("联系手机", "'138****1234"),
        ("订单创建时间", "2025-03-02 20:15:31"), ("订单付款时间 ", paidAt), ("宝贝标题 ", "岷县当归片 100g，岷县黄芪片 250g\t"), ("宝贝种类 ", "2"),
        ("物流单号 ", "YT1234567890123\t"), ("物流公司", "圆通速递"), ("宝贝总数量", units), ("店铺名称", shop), ("卖家服务费", "0"),
        ("是否手机订单", "手机订单"), ("退款金额", refund), ("确认收货时间", "2025-03-09 10:02:11"), ("打款商家金额", $"{paidAfterRefund}元"),
    ];

    /// <summary>One 宝贝报表 row.</summary>
    public static (string, string)[] Item(string id, string title, string price, string quantity, string code, string attributes = "",
        string status = "交易成功") =>
    [
        ("订单编号", $"=\"{id}\""), ("标题", title), ("价格", price), ("购买数量", quantity), ("外部系统编号", code),
        ("商品属性", attributes), ("订单状态", status), ("商家编码", code),
    ];

    public static ExportBytes Orders() => new(TaobaoExport.Orders54);

    public static ExportBytes Items() => new(TaobaoItemsExport.Items10);

    /// <summary>
    /// Three orders: …890 (two items, 76.00 paid), …891 (one item, 20.00 of 60.00 refunded), …892 (unpaid); another
    /// <paramref name="idPrefix"/> gives three other orders of the same shape.
    /// </summary>
    public static byte[] ThreeOrders(string idPrefix = "234567890123456789") => Orders()
        .Row(Order(idPrefix + "0", "76.00"))
        .Row(Order(idPrefix + "1", "40.00", refund: "20.00", buyer: "示例买家02", status: "交易成功", address: "北京 北京市 朝阳区 ****", units: "2"))
        .Row(Order(idPrefix + "2", "0.00", buyer: "示例买家03", paidAt: "", status: "等待买家付款", units: "1"))
        .Gb18030();

    public static byte[] ItemsOfThreeOrders(string idPrefix = "234567890123456789") => Items()
        .Row(Item(idPrefix + "0", "岷县当归片 100g", "29.90", "2", "MX-DG-100", "规格：100g/袋"))
        .Row(Item(idPrefix + "1", "岷县黄芪片 250g", "30.00", "2", "MX-HQ-250", "规格：250g/袋"))
        .Row(Item(idPrefix + "0", "岷县黄芪片 250g", "16.20", "1", "MX-HQ-250", "规格：250g/袋"))
        .Row(Item(idPrefix + "2", "岷县党参 500g", "88.00", "1", "MX-DS-500"))
        .Gb18030();
}
