using Analytics.Tools.Bench;

namespace Analytics.Tools.Demo;

/// <summary>Large exports for the import benchmark, in the shapes of <see cref="IngestShape"/>.</summary>
internal static class BenchExport
{
    // Every order's state is shown as it ends up: the export is taken long after the last order.
    private static readonly DateTime LongAfter = DemoClock.At(2099, 12, 31);

    private static readonly DateTime FirstOrder = DemoClock.At(2023, 1, 1);

    /// <summary>The kind shape as a Douyin 74-column CSV (UTF-8 with BOM, TAB-wrapped ids) with exactly <paramref name="lines"/> data rows.</summary>
    public static void WriteDouyin(string path, int lines, int seed) => Write(path, IngestShape.Matrix[0], lines, seed);

    /// <summary>
    /// Writes an export of <paramref name="shape"/> with exactly <paramref name="lines"/> data rows (Douyin sub-orders, JD
    /// order × SKU rows, PDD orders). Ascending files stream; the others hold their orders in memory to reorder them.
    /// </summary>
    /// <param name="csvTwin">for a workbook, also write the same orders as a PDD default CSV here: what sqlite3 can import.</param>
    public static void Write(string path, IngestShape shape, int lines, int seed, string? csvTwin = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lines);
        var rng = new Random(seed);
        var (platform, name) = shape.Format switch
        {
            ShapeFormat.JdGbk40 => (DemoPlatform.Jd, "京东"),
            ShapeFormat.PddXlsx => (DemoPlatform.Pdd, "拼多多"),
            _ => (DemoPlatform.Douyin, "抖音"),
        };
        var shop = new DemoShop(platform, name, "禾丰富硒小米旗舰店", "禾丰县富硒谷物农业专业合作社", 0, 0);
        var products = ProductLineup.For(shop, new Random(unchecked(seed + 1)));
        var rates = new DemoRates(Unpaid: 0.02, Refund: 0.03, PddDealTimeBlank: 0, DouyinMultiLine: 0.15, JdMultiSku: 0.10, JdDeleted: 0);
        var factory = new OrderFactory(platform, blankDealTimes: false, products, rates, rng);
        var pool = new BuyerPool(rng);
        var buyers = Enumerable.Range(0, shape.Buyers).Select(_ => pool.Next(DateTime.MinValue, paid: false)).ToArray();
        // About 1.2 rows per order on Douyin and JD, one on PDD: the orders spread evenly over the span.
        var meanGap = shape.SpanDays * 86_400.0 / Math.Max(1, lines / (platform == DemoPlatform.Pdd ? 1.0 : 1.2));
        var orders = Orders(lines, factory, new OrderIds(shop, rng), buyers, meanGap, rng);
        orders = shape.Order switch
        {
            TimeOrder.Descending => orders.Reverse(),
            TimeOrder.Random => Shuffled(orders.ToArray(), rng),
            _ => orders,
        };
        _ = shape.Format switch
        {
            ShapeFormat.JdGbk40 => JdFile.Write(path, ExportLayout.Jd40, orders, LongAfter),
            ShapeFormat.PddXlsx => WorkbookWithTwin(path, orders.ToList(), csvTwin),
            _ => DouyinFile.Write(path, ExportLayout.Douyin74, orders, LongAfter),
        };
    }

    private static IEnumerable<DemoOrder> Orders(int lines, OrderFactory factory, OrderIds ids, Buyer[] buyers, double meanGap, Random rng)
    {
        var created = FirstOrder;
        var written = 0;
        while (written < lines)
        {
            created = created.AddSeconds(Math.Max(1, (int)(rng.NextDouble() * 2 * meanGap)));
            var order = factory.Draw(created, LongAfter, LongAfter);
            if (order.Lines.Length > lines - written)
            {
                // Near the end only an order that fits is taken, so the file has exactly the requested rows.
                continue;
            }

            ids.Assign(order);
            order.Buyer = buyers[rng.Next(buyers.Length)];
            written += order.Lines.Length;
            yield return order;
        }
    }

    private static int WorkbookWithTwin(string path, List<DemoOrder> orders, string? csvTwin)
    {
        if (csvTwin is not null)
            PddCsvFile.Write(csvTwin, orders, LongAfter, titled: false);
        return PddXlsxFile.Write(path, ExportLayout.PddXlsx, orders, LongAfter);
    }

    private static DemoOrder[] Shuffled(DemoOrder[] orders, Random rng)
    {
        rng.Shuffle(orders);
        return orders;
    }
}
