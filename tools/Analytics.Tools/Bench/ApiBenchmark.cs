using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Analytics.Tools.Demo;
using Analytics.Ingestion.Importing;
using Analytics.Store;

namespace Analytics.Tools.Bench;

/// <summary>
/// `bench api`: the demo generator scaled to N order lines, imported through the real importer, then every call the
/// goals name timed over loopback HTTP against the real service, each also answered from raw orders and lines
/// (source=raw), plus the big screen's whole refresh and a load test with wrk when it is installed.
/// </summary>
public static class ApiBenchmark
{
    private const int DemoLines = 543_191; // lines of the demo set at scale 1
    private const int Runs = 40;
    private const int RawRuns = 1; // raw answers take seconds at this size; one run shows the ratio

    private static readonly (string Name, string Url)[] Calls =
    [
        ("summary, one month", "/api/summary?from=2023-03-01&to=2023-03-31"),
        ("summary, one year", "/api/summary?from=2022-01-01&to=2022-12-31"),
        ("ranking platforms, a year", "/api/rankings/platforms?from=2022-01-01&to=2022-12-31"),
        ("ranking enterprises, a year", "/api/rankings/enterprises?from=2022-01-01&to=2022-12-31"),
        ("ranking shops, a year", "/api/rankings/shops?from=2022-01-01&to=2022-12-31"),
        ("ranking provinces, a year", "/api/rankings/provinces?from=2022-01-01&to=2022-12-31&limit=40"),
        ("ranking products, a year", "/api/rankings/products?from=2022-01-01&to=2022-12-31"),
        ("product regions, a year", "PRODUCT"),
        ("daily trend, a year", "/api/trend?from=2022-01-01&to=2022-12-31&interval=day"),
    ];

    /// <summary>
    /// What the big screen (Screen/web/app.js) asks for on each refresh with a month on display: the clock, the
    /// summary, four rankings, the top five products' regions, the month by day and the same month a year before,
    /// and 数据截至.
    /// </summary>
    private static readonly string[] ScreenRefresh =
    [
        "/api/clock",
        "/api/summary?from=2023-03-01&to=2023-03-31",
        "/api/rankings/platforms?from=2023-03-01&to=2023-03-31&by=netSales",
        "/api/rankings/enterprises?from=2023-03-01&to=2023-03-31&by=netSales&limit=50",
        "/api/rankings/provinces?from=2023-03-01&to=2023-03-31&by=netSales&limit=40",
        "/api/rankings/products?from=2023-03-01&to=2023-03-31&by=netSales&limit=10",
        "PRODUCT-MONTH-1", "PRODUCT-MONTH-2", "PRODUCT-MONTH-3", "PRODUCT-MONTH-4", "PRODUCT-MONTH-5",
        "/api/rankings/shops?from=2023-03-01&to=2023-03-31&by=netSales&limit=10",
        "/api/trend?from=2023-03-01&to=2023-03-31&interval=day",
        "/api/trend?from=2022-03-01&to=2022-03-31&interval=day",
        "/api/freshness",
    ];

    /// <param name="service">how to start the service's executable; its verbs (serve --db …) are appended.</param>
    /// <param name="issueKey">makes a bureau's API key in the database and returns it: every figure needs a signed-in reader.</param>
    public static async Task<int> RunAsync(int lines, string folder, ServiceCommand service, Func<string, string> issueKey, TextWriter output)
    {
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, $"api-{lines}.db");
        if (!File.Exists(database))
            await BuildAsync(lines, folder, database, output);

        const string urls = "http://127.0.0.1:5199";
        var key = issueKey(database);
        using var running = StartService(service, database, urls);
        // Latencies are of answers computed afresh, not of the service's answer cache; the load test below uses the cache.
        using var client = new HttpClient { BaseAddress = new Uri(urls), Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.CacheControl = new System.Net.Http.Headers.CacheControlHeaderValue { NoCache = true };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        await WaitUntilUp(client);
        var product = (await TopProducts(client, "2022-01-01", "2022-12-31", 1))[0];
        var monthProducts = await TopProducts(client, "2023-03-01", "2023-03-31", 5);
        string Resolve(string url) => url switch
        {
            "PRODUCT" => $"{product}?from=2022-01-01&to=2022-12-31",
            _ when url.StartsWith("PRODUCT-MONTH-", StringComparison.Ordinal) =>
                $"{monthProducts[int.Parse(url["PRODUCT-MONTH-".Length..], CultureInfo.InvariantCulture) - 1]}?from=2023-03-01&to=2023-03-31",
            _ => url,
        };

        // Rows are printed as they are measured: the raw answers take minutes in all.
        await output.WriteLineAsync($"| call ({lines:N0} lines) | rollups p50 | rollups p95 | raw (one run) | raw ÷ rollups p50 |");
        await output.WriteLineAsync("|---|---|---|---|---|");
        foreach (var (name, url) in Calls)
            await Row(name, [Resolve(url)]);
        var screen = ScreenRefresh.Select(Resolve).ToArray();
        await Row($"big screen refresh ({screen.Length} calls in turn)", screen);
        await output.WriteLineAsync(LoadTest(urls + Calls[0].Url, key));
        return 0;

        async Task Row(string name, string[] calls)
        {
            var rollups = await Time(client, calls, Runs, warmUp: true);
            var raw = await Time(client, calls.Select(Raw).ToArray(), RawRuns, warmUp: false);
            await output.WriteLineAsync(
                $"| {name} | {Ms(rollups, 50)} | {Ms(rollups, 95)} | {Ms(raw, 50)} | {Percentile(raw, 50) / Percentile(rollups, 50):N0}× |");
        }
    }

    private static async Task BuildAsync(int lines, string folder, string database, TextWriter output)
    {
        var exports = Path.Combine(folder, $"api-exports-{lines}");
        if (Directory.Exists(exports))
            Directory.Delete(exports, recursive: true);
        var clock = Stopwatch.StartNew();
        var written = DemoExports.Write(exports, seed: 1, DemoScope.Full, Database.DefaultSeedsDirectory, scale: (double)lines / DemoLines);
        await output.WriteLineAsync($"Wrote {written.Files} exports, {written.Orders:N0} orders, {written.Lines:N0} lines in {clock.Elapsed.TotalSeconds:N0} s.");

        var building = database + ".building";
        IngestBenchmark.DeleteDatabase(building);
        clock.Restart();
        long rows = 0;
        using (var store = new AnalyticsStore(new StoreOptions { DatabasePath = building, BuyerKeyFile = database + ".buyer-key", KeepArchive = false }, TimeProvider.System))
        {
            await foreach (var (_, receipts) in DemoImport.ShopFoldersAsync(store, exports, "bench"))
            {
                if (receipts.FirstOrDefault(r => !r.Landed) is { } refused)
                    throw new InvalidOperationException(refused.ToText());
                rows += receipts.Sum(r => r.RowsRead);
            }
        }
        File.Move(building, database);
        Directory.Delete(exports, recursive: true);
        await output.WriteLineAsync($"Imported {rows:N0} rows (overlapping exports included) in {clock.Elapsed.TotalSeconds:N0} s: {rows / clock.Elapsed.TotalSeconds:N0} rows/s with rollups.");
    }

    private static RunningService StartService(ServiceCommand service, string database, string urls)
    {
        // The service runs as its own process, as on the county's PC; this one only sends requests.
        List<string> arguments = [.. service.Arguments, "serve", "--db", database, "--urls", urls, "--inbox", Path.Combine(Path.GetDirectoryName(database)!, "api-inbox")];
        var start = new ProcessStartInfo(service.FileName, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new RunningService(process);
    }

    /// <summary>The measured service; disposing a Process only lets go of it, so this stops it when the benchmark ends.</summary>
    private sealed class RunningService(Process process) : IDisposable
    {
        public void Dispose()
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            process.Dispose();
        }
    }

    private static async Task WaitUntilUp(HttpClient client)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        throw new InvalidOperationException("The service did not start.");
    }

    private static async Task<string[]> TopProducts(HttpClient client, string from, string to, int count)
    {
        using var ranking = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/rankings/products?from={from}&to={to}&limit={count}&by=netSales", UriKind.Relative)));
        return ranking.RootElement.GetProperty("items").EnumerateArray()
            .Select(top => $"/api/products/{top.GetProperty("platform").GetString()}/{Uri.EscapeDataString(top.GetProperty("key").GetString()!)}/regions")
            .ToArray();
    }

    private static string Raw(string url) => url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "source=raw";

    /// <summary>Wall time of asking every url in turn, once per run (after one unmeasured run when warming up).</summary>
    private static async Task<double[]> Time(HttpClient client, string[] urls, int runs, bool warmUp)
    {
        var times = new double[runs];
        for (var run = warmUp ? -1 : 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var url in urls)
            {
                using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
            }
            if (run >= 0)
                times[run] = clock.Elapsed.TotalMilliseconds;
        }
        return times;
    }

    private static double Percentile(double[] times, int percentile)
    {
        var sorted = times.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1)];
    }

    private static string Ms(double[] times, int percentile) => $"{Percentile(times, percentile):N1} ms";

    private static string LoadTest(string url, string key)
    {
        try
        {
            var start = new ProcessStartInfo("wrk", ["-t2", "-c16", "-d10s", "-H", $"Authorization: Bearer {key}", url]) { RedirectStandardOutput = true };
            using var wrk = Process.Start(start)!;
            var text = wrk.StandardOutput.ReadToEnd();
            wrk.WaitForExit();
            var rate = text.Split('\n').FirstOrDefault(l => l.StartsWith("Requests/sec:", StringComparison.Ordinal))?.Trim();
            return $"wrk -t2 -c16 -d10s, summary of one month over loopback (answers kept until the next import): {rate ?? text}";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "wrk is not installed (apt-get install wrk) — no load test.";
        }
    }
}
