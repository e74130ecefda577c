using System.Globalization;

namespace Analytics.Tools.Demo;

/// <summary>
/// Writes one shop's exports: generates the orders bucket by bucket, gives them ids and buyers in placement order,
/// and writes each export once all orders it covers exist, keeping only the orders a later export still needs.
/// </summary>
internal sealed class ShopExporter(DemoShop shop, ScopePlan plan, long[] budgets, int seed, string outDir, IProgress<string>? progress)
{
    public DemoExportSummary Run()
    {
        var layout = ShopLayouts.Of(shop);
        var rng = new Random(shop.SeedFor(seed, 1));
        var products = ProductLineup.For(shop, new Random(shop.SeedFor(seed, 2)));
        var schedule = plan.Schedule(rng);
        var factory = new OrderFactory(shop.Platform, layout == ExportLayout.PddCsv27, products, plan.Rates, rng);
        var ids = new OrderIds(shop, rng);
        var buyers = new BuyerPool(rng);
        var folder = Path.Combine(outDir, shop.Name);
        Directory.CreateDirectory(folder);

        var pending = new List<DemoOrder>();
        var (files, orders, lines, next) = (0, 0, 0, 0);
        for (var b = 0; b < plan.Buckets.Count; b++)
        {
            var bucket = plan.Buckets[b];
            var batch = BudgetFiller.Fill(budgets[b], bucket, factory, new OrderTimeSampler(bucket, shop.Platform), schedule, rng);
            var provincesToCover = new Queue<string>(CoversAllProvinces(bucket) ? Geography.Provinces.Select(p => p.Province) : []);
            foreach (var order in batch)
            {
                ids.Assign(order);
                var paid = order.Paid is not null;
                order.Buyer = buyers.Next(order.Created, paid, paid && provincesToCover.Count > 0 ? provincesToCover.Dequeue() : null);
            }

            orders += batch.Count;
            lines += batch.Sum(o => o.Lines.Length);
            pending.AddRange(batch);
            var isLast = b == plan.Buckets.Count - 1;
            while (next < schedule.Files.Count && (isLast || schedule.Files[next].To <= bucket.To))
            {
                Write(folder, layout, next, schedule.Files[next], pending);
                files++;
                if (++next < schedule.Files.Count)
                {
                    var keepFrom = schedule.Files[next].From;
                    pending.RemoveAll(o => o.Created < keepFrom);
                }
            }
        }

        return new DemoExportSummary(files, orders, lines);
    }

    // The first Douyin shop's buyers in January 2023 include one from every province, so 2023 Q1 reaches all 21 by construction.
    private bool CoversAllProvinces(Bucket bucket) =>
        plan.ProvinceCoverageMonth == bucket.From && shop is { Platform: DemoPlatform.Douyin, IndexInPlatform: 0 };

    private void Write(string folder, ExportLayout layout, int fileIndex, ExportFile file, List<DemoOrder> pending)
    {
        var inFile = pending.Where(o => o.Created >= file.From && o.Created < file.To).ToList();
        var at = file.ExportedAt;
        _ = layout switch
        {
            ExportLayout.Douyin74 or ExportLayout.Douyin54 or ExportLayout.DouyinCustom or ExportLayout.Douyin74Gb18030 =>
                DouyinFile.Write(Path.Combine(folder, DouyinFile.FileName(at)), layout, inFile, at),
            ExportLayout.Jd30 or ExportLayout.Jd40 or ExportLayout.Jd40ExcelText =>
                JdFile.Write(Path.Combine(folder, JdFile.FileName(file)), layout, inFile, at),
            // Every third 千牛 export reaches the operator as one zip of both files.
            ExportLayout.TaobaoPair => TaobaoFile.Write(folder, shop.Name, inFile, at, zipped: fileIndex % 3 == 2),
            ExportLayout.Kuaishou => KuaishouFile.Write(Path.Combine(folder, KuaishouFile.FileName(file)), file, shop.Enterprise, inFile, at),
            ExportLayout.PddCsv27 =>
                PddCsvFile.Write(Path.Combine(folder, PddCsvFile.FileName(file)), inFile, at, file.Label == plan.TitledPddLabel),
            _ => PddXlsxFile.Write(Path.Combine(folder, PddXlsxFile.FileName(file)), layout, inFile, at),
        };
        progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{shop.PlatformName} {shop.Name} {file.Label}: {inFile.Count:N0} orders"));
    }
}
