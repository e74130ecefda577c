using System.Globalization;
using System.Text.RegularExpressions;
using Analytics.Ingestion.Normalising;

namespace Analytics.Ingestion.Formats;

/// <summary>
/// 淘宝/天猫 千牛 → 已卖出的宝贝 → 批量导出, the orders: one row per order. Two generations. Until about 2022 the 订单报表
/// <c>ExportOrderList&lt;yyyyMMddHHmm&gt;.csv</c> (GBK, 54 columns, 订单编号 wrapped as <c>="…"</c>, headers with trailing
/// spaces) comes with a 宝贝报表 holding the items (<see cref="TaobaoItemsExport"/>); since 2023 an XLSX of the columns the
/// operator chose, with no items file of the old kind. The file states the refund (退款金额), and 买家实际支付金额 is what
/// the buyer paid after it: a fully refunded order shows 0 paid and the whole amount refunded (research §4.6, item 8).
/// </summary>
internal sealed partial class TaobaoExport : ExportFormat
{
    public override string Platform => "taobao";
    public override string Name => "淘宝/天猫订单报表";
    public override IReadOnlyList<string> Signature { get; } = ["订单编号", "订单付款时间"];
    public override bool StatesRefundAmounts => true;

    /// <summary>The 订单报表 as 千牛 wrote it until about 2022, trailing spaces in six names included.</summary>
    public static readonly string[] Orders54 =
    [
        "订单编号", "买家会员名", "买家支付宝账号", "买家应付货款", "买家应付邮费", "买家支付积分", "总金额", "返点积分", "买家实际支付金额", "买家实际支付积分",
        "订单状态", "买家留言", "收货人姓名", "收货地址 ", "运送方式", "联系电话 ", "联系手机", "订单创建时间", "订单付款时间 ", "宝贝标题 ", "宝贝种类 ",
        "物流单号 ", "物流公司", "订单备注", "宝贝总数量", "店铺Id", "店铺名称", "订单关闭原因", "卖家服务费", "买家服务费", "发票抬头", "是否手机订单",
        "分阶段订单信息", "特权订金订单id", "是否上传合同照片", "是否上传小票", "是否代付", "定金排名", "修改后的sku", "修改后的收货地址", "异常信息",
        "天猫卡券抵扣", "集分宝抵扣", "是否是O2O交易", "新零售交易类型", "新零售导购门店名称", "新零售导购门店id", "新零售发货门店名称", "新零售发货门店id",
        "退款金额", "预约门店", "确认收货时间", "打款商家金额", "含应开票给个人的个人红包",
    ];

    private static readonly KnownLayout[] Known = [new("订单报表 54列", Orders54)];

    public override ExportReader Bind(HeaderRow header, ProvinceDirectory provinces)
    {
        var columns = new ColumnBinder(header, Name);
        // The old 订单报表 says 买家实际支付金额 and comes with a 宝贝报表; the 千牛 XLSX of 2023 on says 买家实付金额.
        var old = header.Has("买家实际支付金额");
        var near = old ? KnownLayout.Closest(header, Known) : null;
        var layout = near?.Layout.Name ?? (old ? $"订单报表 ({header.NamedCount}列)" : $"千牛订单导出 ({header.NamedCount}列)");
        return new Reader(layout, near?.Drift, provinces)
        {
            Part = old ? ExportPart.Orders : ExportPart.Whole,
            OrderId = columns.Required("订单编号"),
            Paid = columns.Required("买家实际支付金额", "买家实付金额"),
            Refund = columns.Optional("退款金额"),
            PaidAt = columns.Required("订单付款时间"),
            Status = columns.Optional("订单状态"),
            Buyer = columns.Optional("买家会员名"),
            Address = columns.Optional("收货地址"),
            Title = columns.Optional("商品标题", "宝贝标题"),
            MerchantCode = columns.Optional("商家编码"),
            Quantity = columns.Optional("宝贝总数量"),
            ShopName = columns.Optional("店铺名称"),
            ShopKind = columns.Optional("店铺类型"),
        };
    }

    /// <summary>Both files of an export are named after the minute it was made: <c>ExportOrderList202303081015.csv</c>.</summary>
    public override DateTime? ExportedAt(string fileName) => StampOf(fileName);

    public override string? CompanionFileName(string fileName) =>
        ExportName().Match(Path.GetFileName(fileName)) is { Success: true, Groups: var g } && g[1].Value.Length == 0
            ? $"ExportOrderDetailList{g[2].Value}{g[3].Value}"
            : null;

    internal static DateTime? StampOf(string fileName) =>
        ExportName().Match(Path.GetFileName(fileName)) is { Success: true } m &&
        DateTime.TryParseExact(m.Groups[2].Value, m.Groups[2].Value.Length == 12 ? "yyyyMMddHHmm" : "yyyyMMddHHmmss",
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;

    /// <summary>ExportOrderList / ExportOrderDetailList, the stamp, and what follows (a browser's " (1)", the extension).</summary>
    [GeneratedRegex(@"^ExportOrder(Detail)?List(\d{14}|\d{12})(.*)$", RegexOptions.IgnoreCase)]
    internal static partial Regex ExportName();

    /// <summary>千牛 writes the same status with a full-width or an ASCII comma; one spelling is kept.</summary>
    internal static string? StatusText(string? status) => status?.Replace(',', '，');

    private sealed class Reader(string layout, ColumnDrift? drift, ProvinceDirectory provinces) : ExportReader(layout, drift)
    {
        public required int OrderId, Paid, Refund, PaidAt, Status, Buyer, Address, Title, MerchantCode, Quantity, ShopName, ShopKind;

        public override ExportRow? Read(RowCells cells)
        {
            var status = StatusText(cells.Text(Status));
            var paid = cells.Fen(Paid);
            var refund = cells.Fen(Refund);
            var region = Region.FromSpacedAddress(provinces, cells.Text(Address));
            var title = cells.Text(Title);
            // The old 订单报表 waits for its 宝贝报表; a 千牛 XLSX has no items file, and its line is the product it names.
            var productId = Part == ExportPart.Orders ? null : cells.Text(MerchantCode) ?? title;
            Variant ??= ShopKindOf(cells.Text(ShopKind), cells.Text(ShopName));
            var row = new ExportRow
            {
                Line = cells.Row.Line,
                Sheet = cells.Row.Sheet,
                OrderId = cells.Id(OrderId)!,
                LineId = Orders.OrderLine.OrderLevelLineId,
                ProductId = productId,
                ProductTitle = productId is null ? Orders.OrderLine.OrderLevelTitle : title,
                Quantity = cells.Quantity(Quantity),
                LineAmountFen = paid + refund,
                OrderRefundFen = refund,
                Status = status,
                PaidAt = OrderStatus.SaysUnpaid(status) ? null : cells.Time(PaidAt),
                PaidAtSource = PaymentTimeSource.Column,
                ProvinceCode = region.ProvinceCode,
                City = region.City,
                District = region.District,
                BuyerIdentifier = cells.Text(Buyer),
                BuyerSource = BuyerSource.Account,
                Completeness = OrderCompleteness.OrderOnly,
                ReplacesStoredLines = true,
            };
            return cells.Problem is null ? row : null;
        }

        /// <summary>天猫 or 淘宝 where the file says so: a 店铺类型 column, or a 店铺名称 that names 天猫.</summary>
        private static string? ShopKindOf(string? kind, string? shopName) =>
            kind is not null && kind.Contains("天猫", StringComparison.Ordinal) ? "天猫"
            : kind is not null && (kind.Contains("淘宝", StringComparison.Ordinal) || kind.Contains("集市", StringComparison.Ordinal)) ? "淘宝"
            : shopName is not null && shopName.Contains("天猫", StringComparison.Ordinal) ? "天猫"
            : null;
    }
}
