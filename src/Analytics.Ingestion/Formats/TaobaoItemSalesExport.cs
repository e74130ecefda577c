using Analytics.Ingestion.Normalising;

namespace Analytics.Ingestion.Formats;

/// <summary>
/// 淘宝/天猫 千牛's item-level export of 2023 on (宝贝销售明细): one row per 子订单编号 of a 主订单编号, each with its own
/// 买家实付金额, 退款金额 and 退款状态 — so, unlike the old pair, it needs no companion file. The column names are known from
/// a public importer's required fields (docs/export-formats.md §4.2c), not from a file of the platform. 买家实付金额 is read as
/// the order-level file states it: what the buyer paid after the refund, so a line's 成交额 is 实付 + 退款金额. The columns are
/// the operator's selection: the buyer (买家会员名) and the address (收货地址) are read where chosen.
/// </summary>
internal sealed class TaobaoItemSalesExport : ExportFormat
{
    public override string Platform => "taobao";
    public override string Name => "淘宝/天猫宝贝销售明细";

    // Douyin's export also has 主订单编号 and 子订单编号; 买家实付金额 is 千牛's alone, and this format is tried before Douyin's.
    public override IReadOnlyList<string> Signature { get; } = ["主订单编号", "子订单编号", "买家实付金额"];
    public override bool StatesRefundAmounts => true;

    /// <summary>The fields a public importer of this export requires, in its order, 商品标题 after them.</summary>
    public static readonly string[] Required14 =
    [
        "子订单编号", "主订单编号", "商品价格", "购买数量", "订单状态", "商家编码", "买家应付货款", "买家实付金额", "退款状态", "退款金额", "订单创建时间",
        "订单付款时间", "商品ID", "商品标题",
    ];

    public override ExportReader Bind(HeaderRow header, ProvinceDirectory provinces)
    {
        var columns = new ColumnBinder(header, Name);
        return new Reader($"宝贝销售明细 ({header.NamedCount}列)", provinces)
        {
            OrderId = columns.Required("主订单编号"),
            LineId = columns.Required("子订单编号"),
            Paid = columns.Required("买家实付金额"),
            Refund = columns.Optional("退款金额"),
            RefundStatus = columns.Optional("退款状态"),
            PaidAt = columns.Required("订单付款时间"),
            Status = columns.Optional("订单状态"),
            Quantity = columns.Required("购买数量"),
            ProductId = columns.Optional("商品ID"),
            MerchantCode = columns.Optional("商家编码"),
            Title = columns.Optional("商品标题", "宝贝标题"),
            Buyer = columns.Optional("买家会员名"),
            Address = columns.Optional("收货地址"),
            ShopName = columns.Optional("店铺名称"),
        };
    }

    private sealed class Reader(string layout, ProvinceDirectory provinces) : ExportReader(layout)
    {
        public required int OrderId, LineId, Paid, Refund, RefundStatus, PaidAt, Status, Quantity, ProductId, MerchantCode, Title, Buyer, Address, ShopName;

        public override ExportRow? Read(RowCells cells)
        {
            var status = TaobaoExport.StatusText(cells.Text(Status));
            var paid = cells.Fen(Paid);
            var refund = cells.Fen(Refund);
            var region = Region.FromSpacedAddress(provinces, cells.Text(Address));
            var buyer = cells.Text(Buyer);
            if (Variant is null && cells.Text(ShopName) is { } shop && shop.Contains("天猫", StringComparison.Ordinal))
                Variant = "天猫";
            var row = new ExportRow
            {
                Line = cells.Row.Line,
                Sheet = cells.Row.Sheet,
                OrderId = cells.Id(OrderId)!,
                LineId = cells.Id(LineId)!,
                ProductId = cells.Id(ProductId, required: false) ?? cells.Text(MerchantCode),
                ProductTitle = cells.Text(Title),
                Quantity = cells.Quantity(Quantity),
                LineAmountFen = paid + refund,
                RefundAmountFen = refund,
                RefundSucceeded = OrderStatus.SaysRefundSucceeded(cells.Text(RefundStatus)),
                Status = status,
                AfterSaleStatus = cells.Text(RefundStatus),
                PaidAt = OrderStatus.SaysUnpaid(status) ? null : cells.Time(PaidAt),
                PaidAtSource = PaymentTimeSource.Column,
                ProvinceCode = region.ProvinceCode,
                City = region.City,
                District = region.District,
                BuyerIdentifier = buyer,
                BuyerSource = buyer is null ? BuyerSource.None : BuyerSource.Account,
            };
            return cells.Problem is null ? row : null;
        }
    }
}
