using Analytics.Ingestion.Formats;
using Analytics.Ingestion.Normalising;

namespace Analytics.Ingestion.Orders;

/// <summary>
/// Turns a stream of export rows into orders: consecutive rows of one order id form the order, order-level amounts
/// (JD) are taken once and shared over the lines, and buyer identifiers are replaced by keyed hashes.
/// </summary>
internal sealed class OrderAssembler(string platform, BuyerKeys buyerKeys, Action<RowProblem> reject)
{
    private readonly List<ExportRow> _pending = [];
    private readonly HashSet<string> _sharedAmountOrdersSeen = new(StringComparer.Ordinal);

    public IEnumerable<ImportedOrder> Assemble(IEnumerable<ExportRow> rows)
    {
        foreach (var row in rows)
        {
            if (_pending.Count > 0 && _pending[0].OrderId != row.OrderId && Flush() is { } order)
                yield return order;
            _pending.Add(row);
        }
        if (_pending.Count > 0 && Flush() is { } last)
            yield return last;
    }

    /// <summary>A line exported twice in one file is one line; the later row is kept and the earlier one reported.</summary>
    private ExportRow[] WithoutRepeatedLines(List<ExportRow> rows)
    {
        if (rows.Count == 1)
            return [rows[0]];
        var lastIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
            lastIndex[rows[i].LineId] = i;
        if (lastIndex.Count == rows.Count)
            return [.. rows];
        for (var i = 0; i < rows.Count; i++)
        {
            if (lastIndex[rows[i].LineId] != i)
            {
                var later = rows[lastIndex[rows[i].LineId]];
                // A large workbook splits an order over sheets; the later row is then named with its sheet.
                var otherSheet = later.Sheet is not null && later.Sheet != rows[i].Sheet;
                reject(new RowProblem(rows[i].Line, rows[i].Sheet, null,
                    $"订单 {rows[i].OrderId} 的订单行 {rows[i].LineId} 在{(otherSheet ? $"工作表“{later.Sheet}”" : "")}第{later.Line}行又出现了一次，已保留后面那一行",
                    $"line {rows[i].LineId} of order {rows[i].OrderId} appears again on {(otherSheet ? $"sheet '{later.Sheet}' row" : "line")} {later.Line}; the later row was kept"));
            }
        }
        return rows.Where((row, i) => lastIndex[row.LineId] == i).ToArray();
    }

    private ImportedOrder? Flush()
    {
        var rows = WithoutRepeatedLines(_pending);
        _pending.Clear();
        var first = rows[0];
        var sharesOrderAmount = first.OrderAmountFen is not null;
        if (sharesOrderAmount && !_sharedAmountOrdersSeen.Add(first.OrderId))
        {
            // The order's amount was already taken once from its earlier rows; taking it again would double it.
            foreach (var row in rows)
                reject(new RowProblem(row.Line, row.Sheet, null,
                    $"订单 {row.OrderId} 在文件前面已经出现过，和这几行没有排在一起；这个订单的金额按整单记录，请把导出文件按“订单号”排序后重新导入",
                    $"order {row.OrderId} appeared earlier in the file, separated from these rows; its amount is per order, so sort the export by 订单号 and import it again"));
            return null;
        }

        var amounts = sharesOrderAmount
            ? AmountShare.Split(first.OrderAmountFen!.Value, rows.Select(r => r.LineAmountFen).ToArray())
            : rows.Select(r => r.LineAmountFen).ToArray();
        // A stated refund per order (淘宝/天猫 退款金额) is shared by status; one stated per line is the line's own; elsewhere a line
        // whose status says the refund succeeded is refunded in full.
        var refunds = first.OrderRefundFen is { } refund
            ? AmountShare.Refund(refund, amounts, rows.Select(r => r.Status).ToArray())
            : rows.Select((r, i) => r.RefundAmountFen ?? (r.RefundSucceeded ? amounts[i] : 0)).ToArray();
        var lines = new OrderLine[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            lines[i] = new OrderLine
            {
                LineId = rows[i].LineId,
                ProductId = rows[i].ProductId,
                ProductTitle = rows[i].ProductTitle,
                Quantity = rows[i].Quantity,
                AmountFen = amounts[i],
                RefundFen = refunds[i],
                Status = rows[i].Status,
                AfterSaleStatus = rows[i].AfterSaleStatus,
            };
        }
        var paid = rows.FirstOrDefault(r => r.PaidAt is not null);
        var buyer = rows.FirstOrDefault(r => r.BuyerIdentifier is not null);
        string? latest = null;
        foreach (var row in rows)
        {
            if (row.LatestEventTime is { } time && (latest is null || string.CompareOrdinal(time, latest) > 0))
                latest = time;
        }
        return new ImportedOrder
        {
            OrderId = first.OrderId,
            PaidAt = paid?.PaidAt,
            PaidAtSource = paid?.PaidAtSource ?? PaymentTimeSource.None,
            Status = first.StatusOfOrder ?? first.Status,
            ProvinceCode = first.ProvinceCode,
            City = first.City,
            District = first.District,
            BuyerKey = buyer is null ? null : buyerKeys.KeyFor(platform, buyer.BuyerIdentifier!),
            BuyerSource = buyer?.BuyerSource ?? BuyerSource.None,
            LatestEventTime = latest,
            Lines = lines,
            Completeness = first.Completeness,
            ReplacesStoredLines = first.ReplacesStoredLines,
            Line = first.Line,
        };
    }
}
