using Analytics.Tools.Demo;
using Analytics.Store;

namespace Analytics.Api.Cli;

/// <summary>`sample [--out DIR] [--seed N] [--small]`: regenerates the demo exports deterministically.</summary>
internal static class SampleCommand
{
    public static int Run(CommandOptions options, TextWriter output)
    {
        options.AllowOnly("out", "seed", "small");
        var folder = options.Value("out") ?? "demo-data/exports";
        var scope = options.Has("small") ? DemoScope.Small : DemoScope.Full;
        var summary = DemoExports.Write(folder, options.Number("seed", 1), scope, Database.DefaultSeedsDirectory,
            new Progress<string>(output.WriteLine));
        output.WriteLine($"Wrote {summary.Files} files ({summary.Orders:N0} orders, {summary.Lines:N0} lines) to {folder}");
        return 0;
    }
}
