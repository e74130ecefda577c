using Analytics.Ingestion.Formats;

namespace Analytics.Ingestion.Orders;

/// <summary>
/// Completes an order that one file of a two-file export holds only half of, with the half the store already has. Runs
/// where the store is written (the store is asked for its copy of the order), but decides nothing about storage: it only
/// joins, as <see cref="OrderItemsJoin"/> does within one import.
/// </summary>
internal static class StoredOrderCompletion
{
    /// <summary>
    /// An order-level order (订单报表 without its 宝贝报表) whose items are stored: the new amounts shared over the stored
    /// items. Items whose order is stored (宝贝报表 after its 订单报表): the stored order with these items, its paid amount and
    /// refund unchanged and shared over them. Null for items whose order is nowhere; anything else as it is.
    /// </summary>
    public static ImportedOrder? Complete(ImportedOrder order, ImportedOrder? stored)
    {
        switch (order.Completeness)
        {
            case OrderCompleteness.OrderOnly when stored is not null && HasItems(stored):
            {
                var lines = Shared(stored.Lines, order.Lines.Sum(l => l.AmountFen), order.Lines.Sum(l => l.RefundFen));
                return order with { Lines = lines, Completeness = OrderCompleteness.Whole };
            }
            case OrderCompleteness.ItemsOnly when stored is null:
                return null;
            case OrderCompleteness.ItemsOnly:
                return stored! with
                {
                    Lines = Shared(order.Lines, stored.Lines.Sum(l => l.AmountFen), stored.Lines.Sum(l => l.RefundFen)),
                    Completeness = OrderCompleteness.ItemsOnly,
                    ReplacesStoredLines = true,
                    LatestEventTime = order.LatestEventTime,
                    Line = order.Line,
                };
            default:
                return order;
        }
    }

    /// <summary>Whether the order's stored lines are its items rather than the one order-level line.</summary>
    public static bool HasItems(ImportedOrder order) => order.Lines.All(l => l.LineId != OrderLine.OrderLevelLineId);

    /// <summary>
    /// The order's amount shared over the lines by what each line weighs now (unit price × quantity, or its stored share),
    /// and its refund over the lines that say they were refunded.
    /// </summary>
    private static OrderLine[] Shared(IReadOnlyList<OrderLine> lines, long amount, long refund)
    {
        var weights = lines.Select(l => l.AmountFen).ToArray();
        if (weights.Sum() == 0)
            weights = lines.Select(l => (long)l.Quantity).ToArray(); // an order stored unpaid has no shares to go by
        var amounts = AmountShare.Split(amount, weights);
        var refunds = AmountShare.Refund(refund, amounts, lines.Select(l => l.Status).ToArray());
        return lines.Select((line, i) => line with { AmountFen = amounts[i], RefundFen = refunds[i] }).ToArray();
    }
}
