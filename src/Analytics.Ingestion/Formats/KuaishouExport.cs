using Analytics.Ingestion.Normalising;

namespace Analytics.Ingestion.Formats;

/// <summary>
/// 快手小店 订单 → 订单查询 → 导出: one row per 订单号 (a Kuaishou order holds one SKU), as CSV or as a workbook whose
/// many sheets each repeat the header. 61 columns, 64 in later exports. Money is written <c>¥1,299.90</c>, empty cells
/// <c>-</c>, <c>--</c>, <c>—</c> or <c>/</c>.
/// What it cannot say: no buyer account (the receiver fingerprint stands in, an estimate); no refund amount — a row whose
/// 售后状态 or 订单状态 says 退款成功 is refunded in full, and partial refunds (退差价, 小额打款), written only as free text
/// in 订单备注, are not counted.
/// </summary>
internal sealed class KuaishouExport : ExportFormat
{
    public override string Platform => "kuaishou";
    public override string Name => "快手小店订单导出";
    public override IReadOnlyList<string> Signature { get; } = ["订单号", "实付款", "成交数量"];

    /// <summary>No refund amount in the order export (订单退款(元) is in the settlement export): refunds here are estimates.</summary>
    public override bool StatesRefundAmounts => false;

    public static readonly string[] Current61 =
    [
        "订单号", "赠品订单号", "活动订单编号", "订单创建时间", "订单支付时间", "预售定金支付时间", "订单状态", "实付款", "快递费", "店铺优惠", "平台补贴",
        "主播补贴", "混资活动优惠", "支付优惠", "支付方式", "成交数量", "买家留言", "账号类型", "账号明细", "订单备注", "旗帜颜色", "售后状态", "活动订单",
        "预售/承诺发货时间", "订单载体", "商品名称", "商品ID", "商品规格", "SKU编码", "商品单价", "渠道", "CPS达人ID", "CPS达人昵称", "预估推广佣金",
        "预估推广者分佣比例", "团长ID", "团长昵称", "快赚客ID", "快赚客昵称", "授权推广者ID", "授权推广者昵称", "收货人姓名", "收货人电话", "收货地址-省",
        "收货地址-市", "收货地址-区", "收货地址-街道", "收货地址", "发货时间", "快递公司", "快递单号", "物流信息", "集运类型", "直邮类型", "仓库名称", "仓库地址",
        "实名姓名", "服务门店ID", "服务门店名称", "服务门店地址", "国补/类国补/消费券",
    ];

    /// <summary>The later 64: 国补类型 after 订单载体, 发货类型 after 仓库地址, 订单销售主体 at the end.</summary>
    public static readonly string[] Extended64 =
    [
        .. Current61[..Array.IndexOf(Current61, "订单载体")], "订单载体", "国补类型",
        .. Current61[(Array.IndexOf(Current61, "订单载体") + 1)..(Array.IndexOf(Current61, "仓库地址") + 1)], "发货类型",
        .. Current61[(Array.IndexOf(Current61, "仓库地址") + 1)..], "订单销售主体",
    ];

    public override ExportReader Bind(HeaderRow header, ProvinceDirectory provinces)
    {
        var columns = new ColumnBinder(header, Name);
        var layout = header.IsExactly(Current61) ? "订单导出 61列"
            : header.IsExactly(Extended64) ? "订单导出 64列"
            : $"订单导出 ({header.NamedCount}列)";
        return new Reader(layout, provinces)
        {
            OrderId = columns.Required("订单号"),
            ProductId = columns.Optional("商品ID"),
            Title = columns.Optional("商品名称"),
            Quantity = columns.Required("成交数量"),
            Paid = columns.Required("实付款"),
            PaidAt = columns.Required("订单支付时间"),
            Status = columns.Required("订单状态"),
            AfterSale = columns.Optional("售后状态"),
            Province = columns.Optional("收货地址-省"),
            City = columns.Optional("收货地址-市"),
            District = columns.Optional("收货地址-区"),
            Address = columns.Optional("收货地址"),
            Receiver = columns.Optional("收货人姓名"),
            ReceiverPhone = columns.Optional("收货人电话"),
        };
    }

    private sealed class Reader(string layout, ProvinceDirectory provinces) : ExportReader(layout)
    {
        public required int OrderId, ProductId, Title, Quantity, Paid, PaidAt, Status, AfterSale;
        public required int Province, City, District, Address, Receiver, ReceiverPhone;

        public override ExportRow? Read(RowCells cells)
        {
            var orderId = cells.Id(OrderId);
            var status = cells.Text(Status);
            var afterSale = cells.Text(AfterSale);
            var region = Region.FromColumns(provinces, cells.Text(Province), cells.Text(City), cells.Text(District));
            if (region.ProvinceCode is null)
                region = Region.FromAddress(provinces, cells.Text(Address)); // a selection without the split columns
            var row = new ExportRow
            {
                Line = cells.Row.Line,
                Sheet = cells.Row.Sheet,
                OrderId = orderId!,
                LineId = orderId!, // one SKU per order: the order is its own line (docs/METRICS.md, Identity)
                ProductId = cells.Id(ProductId, required: false),
                ProductTitle = cells.Text(Title),
                Quantity = cells.Quantity(Quantity),
                LineAmountFen = cells.Fen(Paid),
                RefundSucceeded = OrderStatus.SaysRefundSucceeded(afterSale) || OrderStatus.SaysRefundSucceeded(status),
                Status = status,
                AfterSaleStatus = afterSale,
                // 交易关闭 before payment has no 订单支付时间; an unpaid status never counts, whatever a time cell holds.
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
