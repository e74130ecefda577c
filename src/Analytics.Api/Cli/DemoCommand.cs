using Analytics.Api.Hosting;
using Analytics.Ingestion.Importing;
using Analytics.Ingestion.Normalising;
using Analytics.Store;
using Analytics.Tools.Demo;

namespace Analytics.Api.Cli;

/// <summary>
/// `demo`: on first run writes the demo exports and imports them through the real importer (the same path an
/// operator's files take), then serves the result. Later runs serve the existing demo database at once.
/// </summary>
internal static class DemoCommand
{
    public const string DefaultDatabasePath = "demo-data/analytics.db";
    public const string DemoCounty = "禾丰县";
    public const string DemoTitle = DemoCounty + "农村电商数据大屏";

    /// <summary>The Beijing date of the demo's last payment: the screen's "today", so it opens on figures rather than on an empty day.</summary>
    public static string LastDayWithData(string database)
    {
        using var store = new AnalyticsStore(new StoreOptions { DatabasePath = database }, TimeProvider.System);
        using var data = store.Read();
        var latest = data.LatestPaidAt();
        return latest?[..10] ?? TimeProvider.System.BeijingToday().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<StartOutcome> RunAsync(CommandOptions options, TextWriter output)
    {
        var settings = options.TakeSettings();
        options.AllowOnly("urls", "db");
        var database = options.Value("db") ?? DefaultDatabasePath;
        var folder = Path.GetDirectoryName(Path.GetFullPath(database))!;
        var urls = options.Value("urls") ?? "http://localhost:5000";
        // Said before a minute of building and before the banner (the checks are made again before serving).
        ServiceStart.RefuseIfRunning(database);
        ListenPorts.CheckFree(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (!File.Exists(database))
        {
            var code = await BuildAsync(database, Path.Combine(folder, "exports"), output);
            if (code != 0)
                return StartOutcome.Exit(code);
        }
        var lastDay = LastDayWithData(database);
        await output.WriteLineAsync($"Serving the demo database {database} on {urls} (Ctrl+C stops).");
        await output.WriteLineAsync($"The big screen: {urls.Split(';')[0]}/ — the demo's clock stands on its last day of data, {lastDay}, with the time of day running.");
        await output.WriteLineAsync($"A report: {urls.Split(';')[0]}/api/reports/quarterly/2023Q1.pdf (also .docx, .xlsx, .html; monthly/2023-03, annual/2022).");
        return StartOutcome.Service([
            $"--Database:Path={database}", $"--Inbox:Path={Path.Combine(folder, "inbox")}", $"--urls={urls}",
            $"--Clock:Date={lastDay}", $"--Screen:Title={DemoTitle}", $"--Reports:County={DemoCounty}",
            // The demo's clock stands still on its last day; last month's report is made on request, not at start-up.
            "--Reports:Monthly=false",
            // Demo data is made again from its exports in a minute; no daily backup of it.
            "--Backup:DailyAt=",
            .. settings,
        ], createDatabaseFolder: true);
    }

    public static async Task<int> BuildAsync(string database, string exportsFolder, TextWriter output)
    {
        await output.WriteLineAsync($"First run: building the demo database {database} (about a minute) …");
        var started = DateTime.UtcNow;
        if (Directory.Exists(exportsFolder))
            Directory.Delete(exportsFolder, recursive: true);
        var summary = DemoExports.Write(exportsFolder, seed: 1, DemoScope.Full, Database.DefaultSeedsDirectory,
            new Progress<string>(line => output.WriteLine($"  writing {line}")));
        await output.WriteLineAsync($"  wrote {summary.Files} export files ({summary.Orders:N0} orders, {summary.Lines:N0} lines)");

        // Built under a temporary name so an interrupted first run is never mistaken for a finished demo database.
        var building = database + ".building";
        foreach (var stale in new[] { building, building + "-wal", building + "-shm" })
            File.Delete(stale);
        var files = Directory.GetDirectories(exportsFolder).Order(StringComparer.Ordinal)
            .SelectMany(shop => Directory.GetFiles(shop).Order(StringComparer.Ordinal)).ToList();
        using (var store = new AnalyticsStore(new StoreOptions { DatabasePath = building, BuyerKeyFile = database + ".buyer-key" }, TimeProvider.System))
        {
            for (var i = 0; i < files.Count; i++)
            {
                var shop = Path.GetFileName(Path.GetDirectoryName(files[i]))!;
                var receipt = await store.ImportAsync(files[i], new ImportRequest("demo", shop));
                if (!receipt.Landed)
                {
                    await output.WriteAsync(receipt.ToText());
                    await output.WriteLineAsync("The demo exports did not import; the demo database was not built.");
                    return 1;
                }
                if (i % 10 == 0 || i == files.Count - 1)
                    await output.WriteLineAsync($"  imported {i + 1}/{files.Count}: {shop} {receipt.FileName} ({receipt.RowsRead:N0} rows)");
            }
        }
        File.Move(building, database);
        await output.WriteLineAsync($"Demo database ready in {(DateTime.UtcNow - started).TotalSeconds:N0} s.");
        return 0;
    }
}
