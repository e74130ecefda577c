using System.Globalization;

namespace Analytics.Tools.Demo;

/// <summary>One row of a PDD export: an order (one line) and its state at the export moment.</summary>
/// <param name="Tabbed">the CSV export wraps order numbers and times in TABs; the XLSX does not.</param>
internal readonly record struct PddRow(DemoOrder Order, LineState State, bool Tabbed);

/// <summary>What each PDD column holds; amounts without trailing zeros, empty cells empty.</summary>
internal static class PddCells
{
    private static readonly (string Name, string Prefix)[] Couriers =
        [("圆通快递", "YT"), ("中通快递", "75"), ("韵达快递", "43"), ("邮政快递包裹", "98")];

    public static Func<PddRow, string> For(string column) => PddColumns.HalfWidth(column) switch
    {
        "商品" => r => r.Order.Lines[0].Product.Title,
        "订单号" => r => Tab(r, r.Order.Id),
        "订单状态" => r => r.State.Status,
        "商品总价(元)" => r => DemoMoney.YuanTrimmed(r.Order.Lines[0].ListFen),
        "邮费(元)" or "多多支付立减金额(元)" => _ => "0",
        "店铺优惠折扣(元)" => r => DemoMoney.YuanTrimmed(r.Order.Lines[0].MerchantDiscountFen),
        "平台优惠折扣(元)" => r => DemoMoney.YuanTrimmed(r.Order.Lines[0].PlatformDiscountFen),
        "用户实付金额(元)" => r => DemoMoney.YuanTrimmed(r.Order.Lines[0].PayableFen),
        "商家实收金额(元)" => r => DemoMoney.YuanTrimmed(r.Order.Lines[0].PayableFen + r.Order.Lines[0].PlatformDiscountFen),
        "商品数量(件)" => r => r.Order.Lines[0].Quantity.ToString(CultureInfo.InvariantCulture),
        "支付时间" => r => r.Order.Paid is { } paid ? Time(r, paid) : "",
        "订单成交时间" => DealTime,
        "承诺发货时间" => r => r.Order.Paid is { } paid ? Time(r, paid.AddHours(48)) : "",
        "发货时间" => r => r.State.Shipped ? Time(r, r.Order.Shipped) : "",
        "确认收货时间" => r => r.State.Completed ? Time(r, r.Order.Completed) : "",
        "商品id" => r => r.Order.Lines[0].Product.Id,
        "商品规格" => r => r.Order.Lines[0].Product.Spec,
        "样式ID" => r => r.Order.Lines[0].Product.SkuId,
        "商家编码-规格维度" => r => r.Order.Lines[0].Product.Code,
        "商家编码-商品维度" => r => r.Order.Lines[0].Product.Code[..r.Order.Lines[0].Product.Code.LastIndexOf('-')],
        "售后状态" => r => r.State.AfterSale,
        "快递单号" => r => r.State.Shipped ? Tab(r, TrackingNumber(r.Order)) : "",
        "快递公司" => r => r.State.Shipped ? Couriers[r.Order.Flavor % Couriers.Length].Name : "",
        "是否分期" => _ => "否",
        "省" => r => r.Order.Buyer.Place.Province,
        "市" => r => r.Order.Buyer.Place.City,
        "区" => r => r.Order.Buyer.Place.District,
        "街道/镇" => r => r.Order.Buyer.Place.Street,
        _ => _ => "",
    };

    /// <summary>
    /// 订单成交时间 is the payment time; on some paid orders of the default export it is blank (empty or a lone
    /// TAB) and the importer falls back to the 订单号 date prefix.
    /// </summary>
    private static string DealTime(PddRow row) => row.Order.Paid switch
    {
        null => "",
        _ when row.Order.DealTimeBlank => row.Tabbed && row.Order.Flavor % 2 == 0 ? "\t" : "",
        { } paid => Time(row, paid),
    };

    private static string Tab(PddRow row, string text) => row.Tabbed ? "\t" + text : text;

    private static string Time(PddRow row, DateTime time) => Tab(row, DemoClock.Text(time));

    private static string TrackingNumber(DemoOrder order)
    {
        var prefix = Couriers[order.Flavor % Couriers.Length].Prefix;
        var digits = ((long)order.Flavor * 48_271 % 1_000_000_000_000L).ToString("D12", CultureInfo.InvariantCulture);
        return prefix + digits;
    }
}
