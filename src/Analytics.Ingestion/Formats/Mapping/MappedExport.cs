using Analytics.Ingestion.Tables;
using Analytics.Ingestion.Normalising;

namespace Analytics.Ingestion.Formats.Mapping;

/// <summary>
/// The export of a platform that a mapping file describes (乐村淘, 有赞, a county's own mall): recognised by the file's
/// 表头, read by the columns it names. Every column it names must be in the file, except 支付时间 where 下单时间 stands
/// in. It states refunds when it names a 退款金额 column, and its buyers are exact when it names a 买家账号 column,
/// estimates when only 收货人 columns are named.
/// </summary>
internal sealed class MappedExport(MappingDefinition definition) : ExportFormat
{
    public MappingDefinition Definition => definition;

    public override string Platform => definition.Code;
    public override string? PlatformName => definition.Name;
    public override string Name => definition.ExportName;
    public override IReadOnlyList<string> Signature => definition.Signature;
    public override bool StatesRefundAmounts => definition.Refund is not null;

    public override ExportReader Bind(HeaderRow header, ProvinceDirectory provinces)
    {
        var columns = new ColumnBinder(header, Name);
        var file = System.IO.Path.GetFileName(definition.File);
        int Named(MappedColumn? column) => column is null ? -1 : columns.Optional([.. column.Names]) is >= 0 and var index ? index : throw Missing(header, file, column);
        var drift = definition.FullHeader.Count > 0 ? KnownLayout.Closest(header, new KnownLayout(file, definition.FullHeader))?.Drift : null;
        return new Reader(definition, $"映射文件 {file}（{header.NamedCount}列）", drift, provinces)
        {
            OrderId = Named(definition.OrderId),
            LineId = [.. definition.LineId.Select(Named)],
            // A file without its payment-time column falls back to the order time, as the mapping allows.
            PaidAt = definition.OrderedAt is null ? Named(definition.PaidAt) : columns.Optional([.. definition.PaidAt?.Names ?? []]),
            OrderedAt = Named(definition.OrderedAt),
            Paid = Named(definition.Paid),
            UnitPrice = Named(definition.UnitPrice),
            Quantity = Named(definition.Quantity),
            ProductId = Named(definition.ProductId),
            Title = Named(definition.Title),
            Status = Named(definition.Status),
            AfterSale = Named(definition.AfterSale),
            Refund = Named(definition.Refund),
            Province = Named(definition.Province),
            City = Named(definition.City),
            District = Named(definition.District),
            Address = Named(definition.Address),
            BuyerAccount = Named(definition.BuyerAccount),
            Receiver = Named(definition.Receiver),
            ReceiverPhone = Named(definition.ReceiverPhone),
        };
    }

    // A column the mapping names and the file lacks: the platform renamed or dropped it, or the operator left it out of the
    // export. Either way the operator and the bureau are told which line of which mapping file asks for it.
    private ExportRejectedException Missing(HeaderRow header, string file, MappedColumn column)
    {
        var alternatives = string.Join("、", column.Names.Select(n => $"“{n}”"));
        return new ExportRejectedException(
            $"{Name}的表头（{header.Row.Where}）缺少{alternatives}列：映射文件 {file} 第{column.Line}行要用这一列。" +
            "请在商家后台导出时勾选这个字段，重新导出；如果是平台改了列名，请在映射文件这一行写上新列名（可写“旧名 | 新名”）。",
            $"The {Name} header on {header.Row.WhereEn} has no column {string.Join(" / ", column.Names)}, which line {column.Line} of the mapping file {file} " +
            "asks for. Export again with that field selected; if the platform renamed the column, put the new name on that line (\"old | new\").");
    }

    private sealed class Reader(MappingDefinition definition, string layout, ColumnDrift? drift, ProvinceDirectory provinces) : ExportReader(layout, drift)
    {
        private readonly SortedDictionary<string, int> _unlistedStatuses = new(StringComparer.Ordinal);

        public required int OrderId, PaidAt, OrderedAt, Paid, UnitPrice, Quantity, ProductId, Title, Status, AfterSale, Refund;
        public required int Province, City, District, Address, BuyerAccount, Receiver, ReceiverPhone;
        public required int[] LineId;

        public override IEnumerable<string> Notes => _unlistedStatuses.Select(s =>
            $"状态“{s.Key}”不在映射文件 {System.IO.Path.GetFileName(definition.File)} 的[状态]中：{s.Value} 行，按支付时间计入");

        public override ExportRow? Read(RowCells cells)
        {
            var orderId = cells.Id(OrderId);
            var productId = cells.Id(ProductId, required: false);
            var status = cells.Text(Status);
            var afterSale = cells.Text(AfterSale);
            var quantity = Quantity < 0 ? 1 : cells.Quantity(Quantity);
            var region = Region.FromColumns(provinces, cells.Text(Province), cells.Text(City), cells.Text(District));
            if (region.ProvinceCode is null)
                region = Region.FromAddress(provinces, cells.Text(Address));
            var (paidAt, source) = PaymentTime(cells, status);
            var (buyer, buyerSource) = BuyerAccount >= 0 ? (cells.Text(BuyerAccount), BuyerSource.Account)
                : Receiver >= 0 || ReceiverPhone >= 0 ? (ReceiverFingerprint.Of(cells.Text(Receiver), cells.Text(ReceiverPhone), region), BuyerSource.ReceiverFingerprint)
                : (null, BuyerSource.None);
            var row = new ExportRow
            {
                Line = cells.Row.Line,
                Sheet = cells.Row.Sheet,
                OrderId = orderId!,
                LineId = LineIdOf(cells, orderId, productId),
                ProductId = productId,
                ProductTitle = cells.Text(Title),
                Quantity = quantity,
                LineAmountFen = definition.PaidPerOrder ? Weight(cells, quantity) : cells.Fen(Paid),
                OrderAmountFen = definition.PaidPerOrder ? cells.Fen(Paid) : null,
                RefundAmountFen = Refund >= 0 && !definition.RefundPerOrder ? cells.Fen(Refund) : null,
                OrderRefundFen = Refund >= 0 && definition.RefundPerOrder ? cells.Fen(Refund) : null,
                RefundSucceeded = Listed(definition.RefundedStatuses, status) || Listed(definition.RefundedStatuses, afterSale) ||
                                  OrderStatus.SaysRefundSucceeded(status) || OrderStatus.SaysRefundSucceeded(afterSale),
                Status = status,
                AfterSaleStatus = afterSale,
                PaidAt = paidAt,
                PaidAtSource = source,
                ProvinceCode = region.ProvinceCode,
                City = region.City,
                District = region.District,
                BuyerIdentifier = buyer,
                BuyerSource = buyer is null ? BuyerSource.None : buyerSource,
            };
            return cells.Problem is null ? row : null;
        }

        private (string? PaidAt, PaymentTimeSource Source) PaymentTime(RowCells cells, string? status)
        {
            if (Listed(definition.UnpaidStatuses, status))
                return (null, PaymentTimeSource.None);
            var known = status is null || !definition.ListsStatuses || Listed(definition.PaidStatuses, status) || Listed(definition.RefundedStatuses, status);
            if (!known)
                _unlistedStatuses[status!] = _unlistedStatuses.GetValueOrDefault(status!) + 1;
            if (PaidAt >= 0 && cells.Time(PaidAt) is { } paid)
                return (paid, PaymentTimeSource.Column);
            // Without a payment time, only a status the mapping calls paid makes the order time the payment time.
            if (OrderedAt >= 0 && (Listed(definition.PaidStatuses, status) || Listed(definition.RefundedStatuses, status)) && cells.Time(OrderedAt) is { } ordered)
                return (ordered, PaymentTimeSource.OrderCreatedColumn);
            return (null, PaymentTimeSource.None);
        }

        /// <summary>The named columns' texts joined (<c>商品编号 + 规格</c>), else the product id, else the order itself.</summary>
        private string LineIdOf(RowCells cells, string? orderId, string? productId)
        {
            if (LineId.Length == 0)
                return productId ?? orderId!;
            var first = cells.Id(LineId[0]);
            var rest = LineId.Skip(1).Select(cells.Text).OfType<string>();
            return string.Join('|', rest.Prepend(first ?? ""));
        }

        /// <summary>How an order's amount is shared over its lines: unit price × quantity where the price is named, else quantity.</summary>
        private long Weight(RowCells cells, int quantity) => UnitPrice >= 0 ? cells.Fen(UnitPrice) * quantity : quantity;

        private static bool Listed(IReadOnlySet<string> statuses, string? status) => status is not null && statuses.Contains(status);
    }
}
