namespace Analytics.Tools.Demo;

/// <summary>
/// Fills a shop's net-sales budget for one bucket with orders, to the fen: ordinary orders are drawn while they
/// fit, then one closing order carries the exact remainder (40–500 yuan, a plausible gift-box order).
/// </summary>
internal static class BudgetFiller
{
    private const long ClosingMinFen = 40_00;
    private const long ClosingMaxFen = 500_00;

    /// <summary>The bucket's orders in placement order, whose <see cref="DemoOrder.NetFen"/> add up to <paramref name="budgetFen"/>.</summary>
    public static List<DemoOrder> Fill(
        long budgetFen, Bucket bucket, OrderFactory factory, OrderTimeSampler times, ExportSchedule schedule, Random rng)
    {
        var orders = new List<DemoOrder>();
        var gap = budgetFen;
        while (gap > 0)
        {
            var created = times.Next(rng);
            var latestPayment = bucket.To.AddSeconds(-1);
            var lastExport = schedule.LastExportOf(created);
            if (gap < ClosingMinFen)
            {
                orders.Add(factory.Closing(created, latestPayment, lastExport, gap));
                break;
            }

            var order = factory.Draw(created, latestPayment, lastExport);
            var net = order.NetFen;
            if (gap - net >= ClosingMinFen)
            {
                orders.Add(order);
                gap -= net;
            }
            else if (gap <= ClosingMaxFen)
            {
                orders.Add(factory.Closing(created, latestPayment, lastExport, gap));
                break;
            }

            // Otherwise the draw overshoots a gap too big for a closing order: draw again.
        }

        // Stable sort: orders placed in the same second keep their drawing order, so output stays deterministic.
        return orders.OrderBy(o => o.Created).ToList();
    }
}
