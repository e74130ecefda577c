namespace Analytics.Tools.Demo;

/// <summary>Large Douyin exports for the import benchmark.</summary>
internal static class BenchExport
{
    // Every order's state is shown as it ends up: the export is taken long after the last order.
    private static readonly DateTime LongAfter = DemoClock.At(2099, 12, 31);

    private const int BuyerCount = 50_000;

    /// <summary>
    /// A Douyin 74-column 商品维度 CSV (UTF-8 with BOM, TAB-wrapped ids) with exactly <paramref name="lines"/> data rows,
    /// written streaming: orders are drawn, written and dropped one at a time, and buyers come from a fixed pool, so
    /// memory stays constant whatever the size.
    /// </summary>
    public static void WriteDouyin(string path, int lines, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lines);
        var rng = new Random(seed);
        var shop = new DemoShop(DemoPlatform.Douyin, "抖音", "禾丰富硒小米旗舰店", "禾丰县富硒谷物农业专业合作社", 0, 0);
        var products = ProductLineup.For(shop, new Random(unchecked(seed + 1)));
        var rates = new DemoRates(Unpaid: 0.02, Refund: 0.03, PddDealTimeBlank: 0, DouyinMultiLine: 0.15, JdMultiSku: 0, JdDeleted: 0);
        var factory = new OrderFactory(DemoPlatform.Douyin, blankDealTimes: false, products, rates, rng);
        var pool = new BuyerPool(rng);
        var buyers = Enumerable.Range(0, BuyerCount).Select(_ => pool.Next(DateTime.MinValue, paid: false)).ToArray();
        DouyinFile.Write(path, ExportLayout.Douyin74, Orders(lines, factory, new OrderIds(shop, rng), buyers, rng), LongAfter);
    }

    private static IEnumerable<DemoOrder> Orders(int lines, OrderFactory factory, OrderIds ids, Buyer[] buyers, Random rng)
    {
        var created = DemoClock.At(2023, 1, 1);
        var written = 0;
        while (written < lines)
        {
            created = created.AddSeconds(rng.Next(1, 20));
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
}
