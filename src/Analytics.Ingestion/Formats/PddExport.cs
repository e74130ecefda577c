using System.Globalization;
using Analytics.Ingestion.Normalising;

namespace Analytics.Ingestion.Formats;

/// <summary>
/// 拼多多 订单查询 → 导出: one row per order. The default 27-column export has neither province nor buyer; custom selections
/// from the full field pool add 支付时间 and 省/市/区. Payment time falls back to 订单成交时间, then to the date in the order number.
/// </summary>
internal sealed class PddExport : ExportFormat
{
    public override string Platform => "pdd";
    public override string Name => "拼多多订单导出";
    public override IReadOnlyList<string> Signature { get; } = ["订单号", "商品", "用户实付金额(元)"];

    public static readonly string[] Default27 =
    [
        "商品", "订单号", "订单状态", "商品总价(元)", "邮费(元)", "店铺优惠折扣(元)", "平台优惠折扣(元)", "多多支付立减金额(元)", "用户实付金额(元)",
        "商家实收金额(元)", "商品数量(件)", "发货时间", "确认收货时间", "商品id", "商品规格", "样式ID", "商家编码-规格维度", "商家编码-商品维度", "商家备注",
        "售后状态", "快递单号", "快递公司", "订单成交时间", "是否分期", "分期期数", "手续费承担方", "分期方式",
    ];

    private static readonly KnownLayout[] Known = [new("默认导出 27列", Default27)];

    public override ExportReader Bind(HeaderRow header, ProvinceDirectory provinces)
    {
        var columns = new ColumnBinder(header, Name);
        var near = KnownLayout.Closest(header, Known);
        var layout = near?.Layout.Name ?? $"自定义导出 ({header.NamedCount}列)";
        return new Reader(layout, near?.Drift, provinces)
        {
            OrderId = columns.Required("订单号"),
            ProductId = columns.Optional("商品id"),
            Title = columns.Required("商品"),
            Quantity = columns.Optional("商品数量(件)"),
            Paid = columns.Required("用户实付金额(元)"),
            PaidAt = columns.Optional("支付时间"),
            DealAt = columns.Optional("订单成交时间"),
            Status = columns.Required("订单状态"),
            AfterSale = columns.Optional("售后状态"),
            Province = columns.Optional("省"),
            City = columns.Optional("市"),
            District = columns.Optional("区"),
            Receiver = columns.Optional("收货人"),
            ReceiverPhone = columns.Optional("手机", "收货人手机号"),
        };
    }

    private sealed class Reader(string layout, ColumnDrift? drift, ProvinceDirectory provinces) : ExportReader(layout, drift)
    {
        public required int OrderId, ProductId, Title, Quantity, Paid, PaidAt, DealAt, Status, AfterSale;
        public required int Province, City, District, Receiver, ReceiverPhone;

        public override ExportRow? Read(RowCells cells)
        {
            var orderId = cells.Id(OrderId);
            var status = cells.Text(Status);
            var afterSale = cells.Text(AfterSale);
            var region = Region.FromColumns(provinces, cells.Text(Province), cells.Text(City), cells.Text(District));
            var (paidAt, source) = PaymentTime(cells, orderId, status);
            var row = new ExportRow
            {
                Line = cells.Row.Line,
                Sheet = cells.Row.Sheet,
                OrderId = orderId!,
                LineId = orderId!,
                ProductId = cells.Id(ProductId, required: false),
                ProductTitle = cells.Text(Title),
                Quantity = Quantity < 0 ? 1 : cells.Quantity(Quantity),
                LineAmountFen = cells.Fen(Paid),
                RefundSucceeded = OrderStatus.SaysRefundSucceeded(status) || OrderStatus.SaysRefundSucceeded(afterSale),
                Status = status,
                AfterSaleStatus = afterSale,
                PaidAt = paidAt,
                PaidAtSource = source,
                ProvinceCode = region.ProvinceCode,
                City = region.City,
                District = region.District,
                BuyerIdentifier = ReceiverFingerprint.Of(cells.Text(Receiver), cells.Text(ReceiverPhone), region),
                BuyerSource = BuyerSource.ReceiverFingerprint,
            };
            return cells.Problem is null ? row : null;
        }

        private (string? PaidAt, PaymentTimeSource Source) PaymentTime(RowCells cells, string? orderId, string? status)
        {
            // 已取消 in PDD's order list is an order cancelled before payment; paid orders that are refunded say 退款成功.
            if (OrderStatus.SaysUnpaid(status) || status == "已取消")
                return (null, PaymentTimeSource.None);
            if (cells.Time(PaidAt) is { } paid)
                return (paid, PaymentTimeSource.Column);
            if (cells.Time(DealAt) is { } deal)
                return (deal, PaymentTimeSource.OrderCreatedColumn);
            // 订单号 is YYMMDD-…: the order's date, used at 00:00:00 when the export left both times blank.
            if (orderId is { Length: > 7 } && orderId[6] == '-' &&
                DateTime.TryParseExact(orderId[..6], "yyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return (BeijingTime.Format(date), PaymentTimeSource.OrderNumberDate);
            return (null, PaymentTimeSource.None);
        }
    }
}
