using System.Globalization;
using Analytics.Ingestion.Formats;

namespace Analytics.Tools.Demo;

/// <summary>
/// Writes a 快手小店 订单查询 export: one row per order (one SKU each). Until mid-2022 the 61-column CSV (UTF-8 with BOM),
/// then the 64-column workbook whose sheets each repeat the header. Money as <c>¥1,299.90</c>, empty cells <c>-</c>; no
/// buyer account and no refund amount, only the 售后状态 (docs/export-formats.md §5).
/// </summary>
internal static class KuaishouFile
{
    /// <summary>The workbook starts a new sheet after this many orders, as the back-end splits long exports.</summary>
    public const int RowsPerSheet = 500;

    private static readonly DateTime WorkbookFrom = new(2022, 7, 1);

    private static readonly string[] Carriers = ["商品卡", "直播间", "短视频"];

    public static string FileName(ExportFile file) =>
        $"kuaishou_orders_{file.Label}.{(IsWorkbook(file) ? "xlsx" : "csv")}";

    private static bool IsWorkbook(ExportFile file) => file.To > WorkbookFrom;

    public static int Write(string path, ExportFile file, string enterprise, IReadOnlyList<DemoOrder> orders, DateTime exportedAt)
    {
        var workbook = IsWorkbook(file);
        var columns = workbook ? PlatformHeaders.Kuaishou64 : PlatformHeaders.Kuaishou61;
        var cells = columns.Select(c => Cell(c, enterprise)).ToArray();
        string[] Row(DemoOrder order)
        {
            var source = (order, OrderStates.Kuaishou(order, exportedAt));
            return cells.Select(cell => cell(source)).ToArray();
        }

        if (!workbook)
        {
            using var writer = ExportEncodings.Open(path, ExportEncodings.Utf8WithBom);
            var csv = new CsvRowWriter(writer);
            csv.Write(columns);
            foreach (var order in orders)
            {
                csv.Write(Row(order));
            }

            return orders.Count;
        }

        var sheets = orders.Chunk(RowsPerSheet).DefaultIfEmpty([])
            .Select((chunk, i) => new InlineStringWorkbook.Sheet(
                string.Create(CultureInfo.InvariantCulture, $"订单列表{i + 1}"), chunk.Select(Row).Prepend(columns)))
            .ToList();
        InlineStringWorkbook.Write(path, exportedAt, sheets);
        return orders.Count;
    }

    private static string Money(long fen) => "¥" + (fen / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);

    private static Func<(DemoOrder Order, LineState State), string> Cell(string column, string enterprise) => column switch
    {
        "订单号" => r => r.Order.Id,
        "订单创建时间" => r => DemoClock.Text(r.Order.Created),
        "订单支付时间" => r => r.Order.Paid is { } paid ? DemoClock.Text(paid) : "-",
        "订单状态" => r => r.State.Status,
        "实付款" => r => Money(r.Order.Paid is null ? 0 : r.Order.Lines[0].PayableFen),
        "快递费" or "主播补贴" or "混资活动优惠" or "支付优惠" or "国补/类国补/消费券" => _ => Money(0),
        "店铺优惠" => r => Money(r.Order.Lines[0].MerchantDiscountFen),
        "平台补贴" => r => Money(r.Order.Lines[0].PlatformDiscountFen),
        "支付方式" => r => r.Order.Paid is null ? "-" : r.Order.Flavor % 3 == 0 ? "支付宝" : "微信支付",
        "成交数量" => r => r.Order.Lines[0].Quantity.ToString(CultureInfo.InvariantCulture),
        "售后状态" => r => r.State.AfterSale,
        "订单载体" => r => Carriers[(uint)r.Order.Flavor / 3 % Carriers.Length],
        "商品名称" => r => $"{r.Order.Lines[0].Product.Title} {r.Order.Lines[0].Product.Spec}",
        "商品ID" => r => r.Order.Lines[0].Product.Id,
        "商品规格" => r => r.Order.Lines[0].Product.Spec,
        "SKU编码" => r => r.Order.Lines[0].Product.Code,
        "商品单价" => r => Money(r.Order.Lines[0].Product.PriceFen),
        "渠道" => _ => "自营",
        "收货人姓名" => r => r.Order.Buyer.MaskedName,
        "收货人电话" => r => r.Order.Buyer.MaskedPhone,
        "收货地址-省" => r => r.Order.Buyer.Place.Province,
        "收货地址-市" => r => r.Order.Buyer.Place.City,
        "收货地址-区" => r => r.Order.Buyer.Place.District,
        "收货地址-街道" => r => r.Order.Buyer.Place.Street,
        "收货地址" => r => r.Order.Buyer.KuaishouAddress,
        "发货时间" => r => r.State.Shipped ? DemoClock.Text(r.Order.Shipped) : "-",
        "快递公司" => r => r.State.Shipped ? "中通快递" : "-",
        "快递单号" => r => r.State.Shipped ? string.Create(CultureInfo.InvariantCulture, $"78{(uint)r.Order.Flavor:D12}") : "-",
        "发货类型" => _ => "普通发货",
        "订单销售主体" => _ => enterprise,
        _ => _ => "-",
    };
}
