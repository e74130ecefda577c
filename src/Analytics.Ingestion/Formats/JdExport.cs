using Analytics.Ingestion.Normalising;

namespace Analytics.Ingestion.Formats;

/// <summary>
/// 京东 (POP) 订单导出: one row per order × SKU, GBK, with the order's amounts repeated on every SKU row — so 应付金额
/// is taken once per order and shared over its lines by 京东价 × 订购数量. The region is inside one 客户地址 string.
/// </summary>
internal sealed class JdExport : ExportFormat
{
    public override string Platform => "jd";
    public override string Name => "京东订单导出";
    public override IReadOnlyList<string> Signature { get; } = ["订单号", "商品ID", "订购数量", "应付金额"];

    public static readonly string[] Classic30 =
    [
        "订单号", "商品ID", "商品名称", "订购数量", "支付方式", "下单时间", "京东价", "订单金额", "结算金额", "余额支付", "应付金额", "订单状态", "订单类型",
        "下单帐号", "客户姓名", "客户地址", "联系电话", "订单备注", "发票类型", "发票抬头", "发票内容", "商家备注", "商家备注等级（等级1-5为由高到低）",
        "运费金额", "付款确认时间", "增值税发票", "货号", "订单完成时间", "订单来源", "订单渠道",
    ];

    public static readonly string[] Extended40 =
    [
        .. Classic30, "送装服务", "服务费", "仓库ID", "仓库名称", "普通发票纳税编号", "商家SKUID", "邮箱地址", "邮政编码", "是否为品牌商订单", "是否为toplife订单",
    ];

    private static readonly KnownLayout[] Known = [new("订单导出 30列", Classic30), new("订单导出 40列", Extended40)];

    public override ExportReader Bind(HeaderRow header, ProvinceDirectory provinces)
    {
        var columns = new ColumnBinder(header, Name);
        var near = KnownLayout.Closest(header, Known);
        var layout = near?.Layout.Name ?? $"订单导出 ({header.NamedCount}列)";
        return new Reader(layout, near?.Drift, provinces)
        {
            OrderId = columns.Required("订单号"),
            ProductId = columns.Required("商品ID"),
            Title = columns.Optional("商品名称"),
            Quantity = columns.Required("订购数量"),
            UnitPrice = columns.Optional("京东价"),
            Payable = columns.Required("应付金额"),
            PaidAt = columns.Required("付款确认时间"),
            Status = columns.Optional("订单状态"),
            Account = columns.Optional("下单账号"),
            Address = columns.Optional("客户地址"),
        };
    }

    private sealed class Reader(string layout, ColumnDrift? drift, ProvinceDirectory provinces) : ExportReader(layout, drift)
    {
        public required int OrderId, ProductId, Title, Quantity, UnitPrice, Payable, PaidAt, Status, Account, Address;

        public override ExportRow? Read(RowCells cells)
        {
            var productId = cells.Id(ProductId);
            var quantity = cells.Quantity(Quantity);
            var status = OrderStatus.WithoutDeletionMark(cells.Text(Status));
            var region = Region.FromAddress(provinces, cells.Text(Address));
            var row = new ExportRow
            {
                Line = cells.Row.Line,
                Sheet = cells.Row.Sheet,
                OrderId = cells.Id(OrderId)!,
                LineId = productId!,
                ProductId = productId,
                ProductTitle = cells.Text(Title),
                Quantity = quantity,
                LineAmountFen = cells.Fen(UnitPrice) * quantity,
                OrderAmountFen = cells.Fen(Payable),
                RefundSucceeded = OrderStatus.SaysRefundSucceeded(status),
                Status = status,
                PaidAt = OrderStatus.SaysUnpaid(status) ? null : cells.Time(PaidAt),
                PaidAtSource = PaymentTimeSource.Column,
                ProvinceCode = region.ProvinceCode,
                City = region.City,
                District = region.District,
                BuyerIdentifier = cells.Text(Account),
                BuyerSource = BuyerSource.Account,
            };
            return cells.Problem is null ? row : null;
        }
    }
}
