using Analytics.Ingestion.Normalising;

namespace Analytics.Ingestion.Formats;

/// <summary>
/// 淘宝/天猫's 宝贝报表 <c>ExportOrderDetailList&lt;yyyyMMddHHmm&gt;.csv</c>: one row per item of an order, the other half of the
/// old export (<see cref="TaobaoExport"/>), joined on 订单编号. It has no amounts of its own beyond the unit price, no times
/// and no line id: what the buyer paid and got back is the order's, shared over the items by 价格 × 购买数量, and an item
/// is known by its 商家编码 (else 外部系统编号, else its title) and its 商品属性.
/// </summary>
internal sealed class TaobaoItemsExport : ExportFormat
{
    public override string Platform => "taobao";
    public override string Name => "淘宝/天猫宝贝报表";
    public override IReadOnlyList<string> Signature { get; } = ["订单编号", "标题", "价格", "购买数量"];
    public override bool StatesRefundAmounts => true;

    public static readonly string[] Items10 = ["订单编号", "标题", "价格", "购买数量", "外部系统编号", "商品属性", "套餐信息", "备注", "订单状态", "商家编码"];

    private static readonly KnownLayout[] Known = [new("宝贝报表 10列", Items10)];

    public override ExportReader Bind(HeaderRow header, ProvinceDirectory provinces)
    {
        var columns = new ColumnBinder(header, Name);
        var near = KnownLayout.Closest(header, Known);
        return new Reader(near?.Layout.Name ?? $"宝贝报表 ({header.NamedCount}列)", near?.Drift)
        {
            Part = ExportPart.Items,
            OrderId = columns.Required("订单编号"),
            Title = columns.Required("标题"),
            Price = columns.Required("价格"),
            Quantity = columns.Required("购买数量"),
            ExternalCode = columns.Optional("外部系统编号"),
            Attributes = columns.Optional("商品属性"),
            Status = columns.Optional("订单状态"),
            MerchantCode = columns.Optional("商家编码"),
        };
    }

    public override DateTime? ExportedAt(string fileName) => TaobaoExport.StampOf(fileName);

    public override string? CompanionFileName(string fileName) =>
        TaobaoExport.ExportName().Match(Path.GetFileName(fileName)) is { Success: true, Groups: var g } && g[1].Value.Length > 0
            ? $"ExportOrderList{g[2].Value}{g[3].Value}"
            : null;

    private sealed class Reader(string layout, ColumnDrift? drift) : ExportReader(layout, drift)
    {
        public required int OrderId, Title, Price, Quantity, ExternalCode, Attributes, Status, MerchantCode;

        public override ExportRow? Read(RowCells cells)
        {
            var title = cells.Text(Title);
            var code = cells.Text(MerchantCode) ?? cells.Text(ExternalCode);
            var attributes = cells.Text(Attributes);
            var quantity = cells.Quantity(Quantity);
            var product = code ?? title ?? "";
            var row = new ExportRow
            {
                Line = cells.Row.Line,
                Sheet = cells.Row.Sheet,
                OrderId = cells.Id(OrderId)!,
                // One product in two sizes is two lines of one order.
                LineId = attributes is null ? product : $"{product}｜{attributes}",
                ProductId = code ?? title,
                ProductTitle = title,
                Quantity = quantity,
                LineAmountFen = cells.Fen(Price) * quantity,
                Status = TaobaoExport.StatusText(cells.Text(Status)),
                Completeness = OrderCompleteness.ItemsOnly,
                ReplacesStoredLines = true,
            };
            return cells.Problem is null ? row : null;
        }
    }
}
