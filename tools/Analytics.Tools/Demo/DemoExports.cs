namespace Analytics.Tools.Demo;

/// <summary>
/// The demo export generator: realistic Douyin, JD, PDD, 天猫 and 快手 order exports of the fictional county 禾丰县's shops,
/// for the demo and for benchmarks. See sample-data/README.md for what each layout shows.
/// </summary>
public static class DemoExports
{
    /// <summary>
    /// Writes the demo exports under <paramref name="outDir"/> as outDir/&lt;shop name&gt;/&lt;file&gt;, one folder per shop
    /// of seeds/shops.csv. Deterministic: the same seed and scope give byte-identical files. Within a shop folder the
    /// ordinal order of file names is the export order. Files already in the folders are overwritten or left alone,
    /// never deleted.
    /// </summary>
    /// <param name="seedsDir">the folder holding shops.csv; when empty or without shops.csv, seeds/ is looked for above the current directory.</param>
    /// <param name="progress">one line per file written, e.g. "抖音 禾丰富硒小米旗舰店 2022-03: 1,234 orders".</param>
    /// <param name="scale">multiplies every shop's sales (the benchmark's 10-million-line set); the calibration holds only at 1.</param>
    public static DemoExportSummary Write(string outDir, int seed, DemoScope scope, string seedsDir, IProgress<string>? progress = null, double scale = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        var (shops, skipped) = SeedCatalog.ReadShops(SeedCatalog.Resolve(seedsDir));
        foreach (var shop in skipped)
        {
            progress?.Report($"{shop}: no demo export format for this platform, skipped");
        }

        var plan = ScopePlan.For(scope);
        var budgets = plan.Budgets(shops, seed);
        if (scale != 1)
            budgets = budgets.Select(shop => shop.Select(fen => (long)Math.Round(fen * scale)).ToArray()).ToArray();
        Directory.CreateDirectory(outDir);

        // Shops are independent (own random stream, own folder), so they can be written in parallel without
        // changing a byte of the output.
        var results = new DemoExportSummary[shops.Count];
        Parallel.For(0, shops.Count, i => results[i] = new ShopExporter(shops[i], plan, budgets[i], seed, outDir, progress).Run());
        return new DemoExportSummary(results.Sum(r => r.Files), results.Sum(r => r.Orders), results.Sum(r => r.Lines));
    }
}
