using Analytics.Tools.Bench;

namespace Analytics.Api.Cli;

/// <summary>
/// `bench ingest [--shapes a,b] | api [--lines N] [--dir DIR]`, `bench forecast [--db demo-data/analytics.db]`,
/// `bench report [--db demo-data/analytics.db] [--year 2022]`: the speed goals, measured and printed as README tables;
/// `bench alerts [--db …] [--from 2023-01-01] [--to 2023-06-30]`: the warnings replayed day by day.
/// `bench ingest-file` is the one import `bench ingest` runs in a process of its own.
/// </summary>
internal static class BenchCommand
{
    public static async Task<int> RunAsync(CommandOptions options, TextWriter output)
    {
        options.AllowOnly("lines", "dir", "db", "year", "shapes", "file", "rollups", "from", "to");
        var folder = Path.GetFullPath(options.Value("dir") ?? "bench-data");
        return options.Positional switch
        {
            ["ingest"] => await IngestBenchmark.RunAsync(options.Number("lines", 1_000_000), folder,
                (options.Value("shapes") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), ThisService(), output),
            ["ingest-file"] => await IngestBenchmark.MeasureOneAsync(options.Value("file") ?? throw new UsageException("bench ingest-file needs --file."),
                folder, options.Value("rollups") != "no", output),
            ["api"] => await ApiBenchmark.RunAsync(options.Number("lines", 10_000_000), folder, ThisService(), BureauKey, output),
            ["forecast"] => await ForecastBenchmark.RunAsync(Path.GetFullPath(options.Value("db") ?? DemoCommand.DefaultDatabasePath), new Forecasts.ForecastLab(), output),
            ["report"] => Report(options, output),
            ["alerts"] => await AlertReplay.RunAsync(Path.GetFullPath(options.Value("db") ?? DemoCommand.DefaultDatabasePath), new Forecasts.ForecastLab(),
                Day(options, "from", new DateOnly(2023, 1, 1)), Day(options, "to", new DateOnly(2023, 6, 30)), output),
            _ => throw new UsageException("bench 需要指定一个基准测试：ingest、api、forecast、report 或 alerts。\nbench takes one benchmark: ingest, api, forecast, report or alerts."),
        };
    }

    private static DateOnly Day(CommandOptions options, string name, DateOnly fallback) =>
        options.Value(name) is not { } text ? fallback
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day
        : throw new UsageException($"--{name} 应为 yyyy-MM-dd 格式的日期，而不是“{text}”。\n--{name} must be a date yyyy-MM-dd, not '{text}'.");

    private static int Report(CommandOptions options, TextWriter output)
    {
        var database = Path.GetFullPath(options.Value("db") ?? DemoCommand.DefaultDatabasePath);
        if (!File.Exists(database))
            throw new UsageException($"数据库 {database} 不存在（先运行 demo，或用 --db 指定）。\nNo database at {database}: run demo first, or name one with --db.");
        using var store = new Store.AnalyticsStore(ImportCommand.StoreOptionsFrom(options) with { DatabasePath = database }, TimeProvider.System);
        return ReportBenchmark.Run(new Reports.ReportLab(store, "禾丰县"), database, options.Number("year", 2022), output);
    }

    /// <summary>The benchmark reads as the bureau does, with a key of its own made in the database before the service starts.</summary>
    private static string BureauKey(string database)
    {
        using var store = new Store.AnalyticsStore(new Store.StoreOptions { DatabasePath = database }, TimeProvider.System);
        return TokensCommand.Create(store, "bench api", Store.Roles.Bureau, [], "bench");
    }

    /// <summary>This very executable, so `bench api` measures the service it was started from (under dotnet: its dll).</summary>
    private static ServiceCommand ThisService()
    {
        var self = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? new ServiceCommand(self, [Environment.GetCommandLineArgs()[0]])
            : new ServiceCommand(self, []);
    }
}
