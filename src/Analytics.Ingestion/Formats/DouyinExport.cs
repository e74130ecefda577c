using System.Globalization;
using Analytics.Ingestion.Normalising;

namespace Analytics.Ingestion.Formats;

/// <summary>
/// 抖店 订单管理 → 导出 (商品维度: one row per 子订单). The current layout has 74 columns, older ones 54 and 65,
/// and custom reports any subset in any order, so every column is found by name.
/// </summary>
internal sealed class DouyinExport : ExportFormat
{
    public override string Platform => "douyin";
    public override string Name => "抖店订单导出";
    public override IReadOnlyList<string> Signature { get; } = ["主订单编号", "订单状态"];

    public static readonly string[] Current74 =
    [
        "主订单编号", "子订单编号", "选购商品", "商品规格", "商品数量", "商品ID", "商家编码", "商品单价", "订单应付金额", "运费", "优惠总金额", "平台优惠",
        "商家优惠", "达人优惠", "商家改价", "支付优惠", "红包抵扣", "支付方式", "手续费", "收件人", "收件人手机号", "省", "市", "区", "街道", "详细地址",
        "是否修改过地址", "地址修改时段", "买家留言", "订单提交时间", "旗帜颜色", "商家备注", "订单完成时间", "支付完成时间", "APP渠道", "流量来源", "订单状态",
        "承诺发货时间", "订单类型", "鲁班落地页ID", "达人ID", "达人昵称", "所属门店ID", "售后状态", "取消原因", "预约发货时间", "仓库ID", "仓库名称", "序列号",
        "是否安心购", "广告渠道", "流量类型", "流量体裁", "流量渠道", "发货主体", "发货主体明细", "发货时间", "降价类优惠", "平台实际承担优惠金额",
        "商家实际承担优惠金额", "达人实际承担优惠金额", "预计送达时间", "是否平台仓自流转", "车型", "商品69码", "发货SN码", "发货IMEI码1", "发货IMEI码2",
        "预约送达时间", "建议发货时间（起）", "建议发货时间（止）", "物流SN码", "物流IMEI码1", "物流IMEI码2",
    ];

    /// <summary>The 65 columns of 2024–25, before 地址修改时段, 序列号, 商品69码 and the SN/IMEI columns were added.</summary>
    private static readonly string[] Previous65 = Current74
        .Except(["地址修改时段", "序列号", "商品69码", "发货SN码", "发货IMEI码1", "发货IMEI码2", "物流SN码", "物流IMEI码1", "物流IMEI码2"]).ToArray();

    private static readonly KnownLayout[] Known = [new("商品维度 74列 (当前版)", Current74), new("商品维度 65列 (旧版)", Previous65)];

    public override ExportReader Bind(HeaderRow header, ProvinceDirectory provinces)
    {
        var columns = new ColumnBinder(header, Name);
        var hasLines = header.Has("子订单编号");
        var drift = ColumnDrift.None;
        string layout;
        if (!hasLines)
            layout = $"订单维度 ({header.NamedCount}列)";
        else if (header.IsExactly(Current74))
            layout = "商品维度 74列 (当前版)";
        else if (header.NamedCount is 54 or 65 && header.Names.Where(n => n.Length > 0).All(n => Current74.Any(c => HeaderText.Normalise(c) == n) || n is "商品名称" or "商品金额" or "货号"))
            layout = $"商品维度 {header.NamedCount}列 (旧版)";
        else if (KnownLayout.Closest(header, Known) is { } near)
            (layout, drift) = (near.Layout.Name, near.Drift);
        else
            layout = $"自定义报表 ({header.NamedCount}列)";
        return new Reader(layout, drift, provinces)
        {
            OrderId = columns.Required("主订单编号"),
            LineId = columns.Optional("子订单编号"),
            ProductId = columns.Optional("商品ID"),
            Title = columns.Optional("选购商品", "商品名称"),
            Quantity = columns.Optional("商品数量"),
            Payable = columns.Required("订单应付金额"),
            PaidAt = columns.Required("支付完成时间"),
            Status = columns.Required("订单状态"),
            AfterSale = columns.Optional("售后状态"),
            Province = columns.Optional("省"),
            City = columns.Optional("市"),
            District = columns.Optional("区"),
            Receiver = columns.Optional("收件人"),
            ReceiverPhone = columns.Optional("收件人手机号"),
        };
    }

    /// <summary>抖店 names export files after the moment of export as a Unix timestamp (<c>1791430000_…csv</c>).</summary>
    public override DateTime? ExportedAt(string fileName)
    {
        var name = Path.GetFileName(fileName);
        if (name.Length > 11 && name[10] is '_' or '-' or '.' && long.TryParse(name.AsSpan(0, 10), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return DateTimeOffset.FromUnixTimeSeconds(seconds).ToOffset(BeijingTime.Offset).DateTime;
        return null;
    }

    private sealed class Reader(string layout, ColumnDrift drift, ProvinceDirectory provinces) : ExportReader(layout, drift)
    {
        public required int OrderId, LineId, ProductId, Title, Quantity, Payable, PaidAt, Status, AfterSale;
        public required int Province, City, District, Receiver, ReceiverPhone;

        public override ExportRow? Read(RowCells cells)
        {
            var orderId = cells.Id(OrderId);
            var lineId = LineId < 0 ? orderId : cells.Id(LineId);
            var status = cells.Text(Status);
            var afterSale = cells.Text(AfterSale);
            var region = Region.FromColumns(provinces, cells.Text(Province), cells.Text(City), cells.Text(District));
            var row = new ExportRow
            {
                Line = cells.Row.Line,
                Sheet = cells.Row.Sheet,
                OrderId = orderId!,
                LineId = lineId!,
                ProductId = cells.Id(ProductId, required: false),
                ProductTitle = cells.Text(Title),
                Quantity = cells.Quantity(Quantity),
                LineAmountFen = cells.Fen(Payable),
                RefundSucceeded = OrderStatus.SaysRefundSucceeded(afterSale) || OrderStatus.SaysRefundSucceeded(status),
                Status = status,
                AfterSaleStatus = afterSale,
                PaidAt = cells.Time(PaidAt),
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
