using Analytics.Tools.Bench;

namespace Analytics.Api.Cli;

/// <summary>`bench ingest|api [--lines N] [--dir DIR]`: the speed goals, measured and printed as README tables.</summary>
internal static class BenchCommand
{
    public static async Task<int> RunAsync(CommandOptions options, TextWriter output)
    {
        options.AllowOnly("lines", "dir");
        var folder = Path.GetFullPath(options.Value("dir") ?? "bench-data");
        return options.Positional switch
        {
            ["ingest"] => await IngestBenchmark.RunAsync(options.Number("lines", 1_000_000), folder, output),
            ["api"] => await ApiBenchmark.RunAsync(options.Number("lines", 10_000_000), folder, ThisService(), output),
            _ => throw new UsageException("bench 需要指定一个基准测试：ingest 或 api。\nbench takes one benchmark: ingest or api."),
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
