using Analytics.Tools.Bench;

namespace Analytics.Api.Cli;

/// <summary>
/// `bench ingest [--shapes a,b] | api [--lines N] [--dir DIR]`, `bench forecast [--db demo-data/analytics.db]`: the speed goals,
/// measured and printed as README tables. `bench ingest-file` is the one import `bench ingest` runs in a process of its own.
/// </summary>
internal static class BenchCommand
{
    public static async Task<int> RunAsync(CommandOptions options, TextWriter output)
    {
        options.AllowOnly("lines", "dir", "db", "shapes", "file", "rollups");
        var folder = Path.GetFullPath(options.Value("dir") ?? "bench-data");
        return options.Positional switch
        {
            ["ingest"] => await IngestBenchmark.RunAsync(options.Number("lines", 1_000_000), folder,
                (options.Value("shapes") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), ThisService(), output),
            ["ingest-file"] => await IngestBenchmark.MeasureOneAsync(options.Value("file") ?? throw new UsageException("bench ingest-file needs --file."),
                folder, options.Value("rollups") != "no", output),
            ["api"] => await ApiBenchmark.RunAsync(options.Number("lines", 10_000_000), folder, ThisService(), output),
            ["forecast"] => await ForecastBenchmark.RunAsync(Path.GetFullPath(options.Value("db") ?? DemoCommand.DefaultDatabasePath), new Forecasts.ForecastLab(), output),
            _ => throw new UsageException("bench 需要指定一个基准测试：ingest、api 或 forecast。\nbench takes one benchmark: ingest, api or forecast."),
        };
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
