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
        var site = urls.Split(';')[0];
        var lastDay = LastDayWithData(database);
        var login = DemoLogin(database);
        await output.WriteLineAsync($"Serving the demo database {database} on {urls} (Ctrl+C stops).");
        await output.WriteLineAsync($"The big screen (大屏): {site}/?key={login.DisplayKey}");
        await output.WriteLineAsync($"  — the demo's clock stands on its last day of data, {lastDay}, with the time of day running.");
        await output.WriteLineAsync($"Sign in (登录) at {site}/login — admin 管理员: admin / {login.AdminPassword}; operator 店铺操作员: {login.OperatorName} / {login.OperatorPassword} (shop {login.OperatorShop})");
        await output.WriteLineAsync($"A report, once signed in: {site}/api/reports/quarterly/2023Q1.pdf (also .docx, .xlsx, .html; monthly/2023-03, annual/2022).");
        await output.WriteLineAsync($"(These logins and the display key are kept in {DemoLoginFile(database)}.)");
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

    /// <summary>
    /// The demo's accounts: an admin, an operator of one shop and a wall display key, made with random passwords on the
    /// demo database's first run and kept beside it (readable by its owner only), so every later run can print them.
    /// </summary>
    public static DemoAccounts DemoLogin(string database)
    {
        var file = DemoLoginFile(database);
        using var store = new AnalyticsStore(new StoreOptions { DatabasePath = database }, TimeProvider.System);
        // Kept only while it belongs to this database: a demo database built again gets new accounts.
        if (File.Exists(file) && System.Text.Json.JsonSerializer.Deserialize<DemoAccounts>(File.ReadAllText(file)) is { } kept
            && store.Accounts.User("admin") is not null)
            return kept;
        string shop;
        using (var data = store.Read())
            shop = data.Shops().OrderByDescending(s => s.Orders).First().Shop;
        var accounts = new DemoAccounts(RandomPassword(), "operator", RandomPassword(), shop,
            TokensCommand.Create(store, "演示大屏", Roles.Display, [], "demo"));
        var now = TimeProvider.System.BeijingNowText();
        store.Accounts.AddUser("admin", Roles.Admin, Pages.LoginPage.HashPassword(accounts.AdminPassword), [], "demo", now);
        store.Accounts.AddUser(accounts.OperatorName, Roles.Operator, Pages.LoginPage.HashPassword(accounts.OperatorPassword), [shop], "demo", now);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(file, System.Text.Encoding.UTF8, options))
            writer.Write(System.Text.Json.JsonSerializer.Serialize(accounts));
        return accounts;
    }

    private static string DemoLoginFile(string database) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(database))!, "demo-login.json");

    private static string RandomPassword() =>
        string.Create(12, 0, (chars, _) =>
        {
            const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
            for (var i = 0; i < chars.Length; i++)
                chars[i] = alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(alphabet.Length)];
        });

    public static async Task<int> BuildAsync(string database, string exportsFolder, TextWriter output)
    {
        await output.WriteLineAsync($"First run: building the demo database {database} (about a minute) …");
        var started = DateTime.UtcNow;
        if (Directory.Exists(exportsFolder))
            Directory.Delete(exportsFolder, recursive: true);
        var summary = DemoExports.Write(exportsFolder, seed: 1, DemoScope.Full, Database.DefaultSeedsDirectory,
            new Progress<string>(line => output.WriteLine($"  writing {line}")));
        await output.WriteLineAsync($"  wrote {summary.Files} exports ({summary.Orders:N0} orders, {summary.Lines:N0} lines)");

        // Built under a temporary name so an interrupted first run is never mistaken for a finished demo database.
        var building = database + ".building";
        foreach (var stale in new[] { building, building + "-wal", building + "-shm" })
            File.Delete(stale);
        using (var store = new AnalyticsStore(new StoreOptions { DatabasePath = building, BuyerKeyFile = database + ".buyer-key" }, TimeProvider.System))
        {
            var (shops, done) = (Directory.GetDirectories(exportsFolder).Length, 0);
            await foreach (var (shop, receipts) in DemoImport.ShopFoldersAsync(store, exportsFolder, "demo"))
            {
                if (receipts.FirstOrDefault(r => !r.Landed) is { } refused)
                {
                    await output.WriteAsync(refused.ToText());
                    await output.WriteLineAsync("The demo exports did not import; the demo database was not built.");
                    return 1;
                }
                await output.WriteLineAsync($"  imported {++done}/{shops} shops: {shop}, {receipts.Count} exports ({receipts.Sum(r => r.RowsRead):N0} rows)");
            }
        }
        File.Move(building, database);
        await output.WriteLineAsync($"Demo database ready in {(DateTime.UtcNow - started).TotalSeconds:N0} s.");
        return 0;
    }
}

/// <summary>The demo's logins and display key, as printed at every demo start.</summary>
internal sealed record DemoAccounts(string AdminPassword, string OperatorName, string OperatorPassword, string OperatorShop, string DisplayKey);
