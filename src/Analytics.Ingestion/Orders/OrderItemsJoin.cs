using Analytics.Ingestion.Formats;

namespace Analytics.Ingestion.Orders;

/// <summary>
/// Joins the two files of a two-file export (淘宝/天猫 订单报表 and 宝贝报表) on the order id, as rows the
/// <see cref="OrderAssembler"/> turns into orders. An order found in both becomes its items, each carrying the order's facts,
/// with the order's paid amount and refund to be shared over them. An order without items stays one order-level row; items
/// without their order come last, grouped by order, for the store's copy of the order to complete
/// (<see cref="StoredOrderCompletion"/>). Either file may be empty: one file alone is joined with nothing.
/// </summary>
internal static class OrderItemsJoin
{
    public static IEnumerable<ExportRow> Join(IEnumerable<ExportRow> orders, IEnumerable<ExportRow> items, Action<RowProblem> reject)
    {
        // The items file is read whole first: it has no order, and an order's items may be anywhere in it.
        var itemsByOrder = new Dictionary<string, List<ExportRow>>(StringComparer.Ordinal);
        var firstSeen = new List<string>();
        foreach (var item in items)
        {
            if (!itemsByOrder.TryGetValue(item.OrderId, out var list))
            {
                itemsByOrder[item.OrderId] = list = [];
                firstSeen.Add(item.OrderId);
            }
            list.Add(item);
        }

        var orderRows = new Dictionary<string, ExportRow>(StringComparer.Ordinal);
        foreach (var order in orders)
        {
            if (orderRows.TryGetValue(order.OrderId, out var earlier))
            {
                // Operators join overlapping exports into one file; an order is one row of the 订单报表.
                reject(new RowProblem(order.Line, order.Sheet, null,
                    $"订单 {order.OrderId} 在{Where(earlier, order)}第{earlier.Line}行已经出现过，同一订单只导入第一次出现的那一行",
                    $"order {order.OrderId} already appears on {WhereEn(earlier, order)} {earlier.Line}; only its first row is imported"));
                continue;
            }
            orderRows[order.OrderId] = order;
            if (!itemsByOrder.Remove(order.OrderId, out var lines))
            {
                yield return order;
                continue;
            }
            foreach (var item in lines)
            {
                yield return item with
                {
                    OrderAmountFen = order.LineAmountFen,
                    OrderRefundFen = order.OrderRefundFen,
                    PaidAt = order.PaidAt,
                    PaidAtSource = order.PaidAtSource,
                    LatestEventTime = order.LatestEventTime,
                    ProvinceCode = order.ProvinceCode,
                    City = order.City,
                    District = order.District,
                    BuyerIdentifier = order.BuyerIdentifier,
                    BuyerSource = order.BuyerSource,
                    Completeness = OrderCompleteness.Whole,
                    // The order's status comes first in the assembled order; each item keeps its own.
                    StatusOfOrder = order.Status,
                };
            }
        }

        foreach (var orderId in firstSeen)
        {
            if (itemsByOrder.TryGetValue(orderId, out var lines))
            {
                foreach (var item in lines)
                    yield return item;
            }
        }
    }

    private static string Where(ExportRow earlier, ExportRow later) => earlier.Sheet is not null && earlier.Sheet != later.Sheet ? $"工作表“{earlier.Sheet}”" : "";

    private static string WhereEn(ExportRow earlier, ExportRow later) => earlier.Sheet is not null && earlier.Sheet != later.Sheet ? $"sheet '{earlier.Sheet}' row" : "line";
}
