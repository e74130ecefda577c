using Analytics.Tools.Bench;

namespace Analytics.Api.Cli;

/// <summary>
/// `bench ingest|api [--lines N] [--dir DIR]`, `bench forecast [--db demo-data/analytics.db]`: the speed goals, measured and
/// printed as README tables; `bench alerts [--db …] [--from 2023-01-01] [--to 2023-06-30]`: the warnings replayed day by day.
/// </summary>
internal static class BenchCommand
{
    public static async Task<int> RunAsync(CommandOptions options, TextWriter output)
    {
        options.AllowOnly("lines", "dir", "db", "from", "to");
        var folder = Path.GetFullPath(options.Value("dir") ?? "bench-data");
        return options.Positional switch
        {
            ["ingest"] => await IngestBenchmark.RunAsync(options.Number("lines", 1_000_000), folder, output),
            ["api"] => await ApiBenchmark.RunAsync(options.Number("lines", 10_000_000), folder, ThisService(), output),
            ["forecast"] => await ForecastBenchmark.RunAsync(Path.GetFullPath(options.Value("db") ?? DemoCommand.DefaultDatabasePath), new Forecasts.ForecastLab(), output),
            ["alerts"] => await AlertReplay.RunAsync(Path.GetFullPath(options.Value("db") ?? DemoCommand.DefaultDatabasePath), new Forecasts.ForecastLab(),
                Day(options, "from", new DateOnly(2023, 1, 1)), Day(options, "to", new DateOnly(2023, 6, 30)), output),
            _ => throw new UsageException("bench 需要指定一个基准测试：ingest、api、forecast 或 alerts。\nbench takes one benchmark: ingest, api, forecast or alerts."),
        };
    }

    private static DateOnly Day(CommandOptions options, string name, DateOnly fallback) =>
        options.Value(name) is not { } text ? fallback
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day
        : throw new UsageException($"--{name} 应为 yyyy-MM-dd 格式的日期，而不是“{text}”。\n--{name} must be a date yyyy-MM-dd, not '{text}'.");

    /// <summary>This very executable, so `bench api` measures the service it was started from (under dotnet: its dll).</summary>
    private static ServiceCommand ThisService()
    {
        var self = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? new ServiceCommand(self, [Environment.GetCommandLineArgs()[0]])
            : new ServiceCommand(self, []);
    }
}
