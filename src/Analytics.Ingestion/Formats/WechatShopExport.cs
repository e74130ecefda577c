using Analytics.Ingestion.Normalising;

namespace Analytics.Ingestion.Formats;

/// <summary>
/// 微信小店 (视频号小店) 订单导出: one row per product of an order, the order's own facts (订单实际支付金额, 订单运费, 支付时间,
/// the receiver) repeated on each of its rows, and each row's 商品实际价格(总共) and 商品已退款金额 its own. So, like JD,
/// 订单实际支付金额 is taken once per order and shared over its rows by 商品实际价格(总共); each row's refund is the amount
/// the row states. 已取消 covers both an order cancelled before payment and one whose every product was refunded: the
/// payment time tells them apart. What it cannot say: no buyer account (the receiver fingerprint stands in, an estimate).
/// The header is known from public importers, not from the platform (docs/export-formats.md §11).
/// </summary>
internal sealed class WechatShopExport : ExportFormat
{
    public override string Platform => "wechat";
    public override string Name => "微信小店订单导出";
    public override IReadOnlyList<string> Signature { get; } = ["订单号", "订单下单时间", "订单实际支付金额"];

    public override bool StatesRefundAmounts => true;

    public static readonly string[] Fields57 =
    [
        "订单号", "订单下单时间", "订单发货时间", "订单确认收货时间", "订单完成结算时间", "订单状态", "发货方式", "收件人姓名", "收件人地址", "省", "市", "区",
        "收件人手机", "买家备注", "商家备注", "打标颜色", "商品总价", "订单实际支付金额", "订单实际收款金额", "订单运费", "商品优惠", "跨店优惠", "商品改价",
        "积分抵扣", "支付方式", "支付时间", "交易单号", "物流公司", "快递单号", "技术服务费", "技术服务费（将以人气卡形式返还）", "运费险预计投保费用", "带货方式",
        "带货账号类型", "带货账号昵称", "带货费用渠道", "带货费用类型", "带货费用", "带货佣金率", "礼物单号", "商品名称", "商品编码(平台)", "商品编码(自定义)",
        "SKU编码(自定义)", "商品属性", "商品价格(单件)", "商品实际价格(单件)", "商品实际价格(总共)", "是否预售", "商品数量", "商品平台券优惠", "商品平均运费",
        "定制信息", "定制预览图", "商品发货", "商品售后", "商品已退款金额",
    ];

    public override ExportReader Bind(HeaderRow header, ProvinceDirectory provinces)
    {
        var columns = new ColumnBinder(header, Name);
        var layout = header.IsExactly(Fields57) ? "订单导出 57列" : $"订单导出 ({header.NamedCount}列)";
        return new Reader(layout, provinces)
        {
            OrderId = columns.Required("订单号"),
            ProductId = columns.Optional("商品编码(平台)"),
            Spec = columns.Optional("商品属性"),
            Title = columns.Optional("商品名称"),
            Quantity = columns.Required("商品数量"),
            LineTotal = columns.Optional("商品实际价格(总共)"),
            OrderPaid = columns.Required("订单实际支付金额"),
            PaidAt = columns.Required("支付时间"),
            Status = columns.Required("订单状态"),
            AfterSale = columns.Optional("商品售后"),
            Refunded = columns.Required("商品已退款金额"),
            Province = columns.Optional("省"),
            City = columns.Optional("市"),
            District = columns.Optional("区"),
            Address = columns.Optional("收件人地址"),
            Receiver = columns.Optional("收件人姓名"),
            ReceiverPhone = columns.Optional("收件人手机"),
        };
    }

    private sealed class Reader(string layout, ProvinceDirectory provinces) : ExportReader(layout)
    {
        public required int OrderId, ProductId, Spec, Title, Quantity, LineTotal, OrderPaid, PaidAt, Status, AfterSale, Refunded;
        public required int Province, City, District, Address, Receiver, ReceiverPhone;

        public override ExportRow? Read(RowCells cells)
        {
            var orderId = cells.Id(OrderId);
            var productId = cells.Id(ProductId, required: false);
            var status = cells.Text(Status);
            var quantity = cells.Quantity(Quantity);
            var region = Region.FromColumns(provinces, cells.Text(Province), cells.Text(City), cells.Text(District));
            if (region.ProvinceCode is null)
                region = Region.FromAddress(provinces, cells.Text(Address));
            var row = new ExportRow
            {
                Line = cells.Row.Line,
                Sheet = cells.Row.Sheet,
                OrderId = orderId!,
                // Two specs of one product are two rows of one order; the spec text keeps them apart.
                LineId = productId is null ? orderId! : cells.Text(Spec) is { } spec ? $"{productId}|{spec}" : productId,
                ProductId = productId,
                ProductTitle = cells.Text(Title),
                Quantity = quantity,
                LineAmountFen = LineTotal < 0 ? quantity : cells.Fen(LineTotal),
                OrderAmountFen = cells.Fen(OrderPaid),
                RefundAmountFen = cells.Fen(Refunded),
                RefundSucceeded = OrderStatus.SaysRefundSucceeded(cells.Text(AfterSale)),
                Status = status,
                AfterSaleStatus = cells.Text(AfterSale),
                PaidAt = OrderStatus.SaysUnpaid(status) ? null : cells.Time(PaidAt),
                PaidAtSource = PaymentTimeSource.Column,
                ProvinceCode = region.ProvinceCode,
                City = region.City,
                District = region.District,
                BuyerIdentifier = ReceiverFingerprint.Of(cells.Text(Receiver), cells.Text(ReceiverPhone), region),
                BuyerSource = BuyerSource.ReceiverFingerprint,
            };
            return cells.Problem is null ? row : null;
        }
    }
}
