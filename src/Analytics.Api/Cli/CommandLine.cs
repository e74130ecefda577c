namespace Analytics.Api.Cli;

/// <summary>
/// The verbs of the one executable. Verbs that finish (import, report, sample, bench) return an exit code; serve and demo
/// return the arguments the web host starts with. Exit codes: 0 done, 1 a file was rejected, 2 usage error.
/// </summary>
internal static class CommandLine
{
    public const string Usage = """
        Usage: Analytics.Api VERB [options]   (or: dotnet run --project src/Analytics.Api -- VERB [options])

          demo   [--urls URL] [--db PATH]            build the demo database on first run, then serve it
          serve  [--db PATH] [--urls URL] [--inbox DIR]
                                                     the HTTP API and the inbox worker (default db: data/analytics.db)
          import FILE... [--db PATH] [--shop NAME]   import exports and print a receipt per file
          report --month YYYY-MM | --quarter YYYYQn | --year YYYY [--db PATH] [--format docx|xlsx|pdf|html]
                 [--out FILE] [--county NAME]          the bureau's report (default: Word, report-<period>.docx)
          sample [--out DIR] [--seed N] [--small]    write the demo exports (default: demo-data/exports, seed 1)
          bench  ingest|api [--lines N] [--dir DIR] the speed goals: a 1M-line import against sqlite3 .import,
                                             or the API on 10M generated lines

        import exits 0 when every file landed, 1 when any file was rejected, 2 on usage errors.
        The buyer-key secret is read from ANALYTICS_BUYER_KEY or from --buyer-key-file (default: <db>.buyer-key).
        """;

    public static async Task<StartOutcome> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        // No verb (or only host settings, as the test host passes them): serve.
        if (args.Length == 0 || args[0].StartsWith('-') && args[0] is not ("--help" or "-h"))
            return StartOutcome.Serve(args);
        try
        {
            var verb = args[0];
            var options = CommandOptions.Parse(args.AsSpan(1));
            return verb switch
            {
                "serve" => StartOutcome.Serve(ServeArguments(options)),
                "demo" => await DemoCommand.RunAsync(options, output),
                "import" => StartOutcome.Exit(await ImportCommand.RunAsync(options, output)),
                "report" => StartOutcome.Exit(await ReportCommand.RunAsync(options, output, errors)),
                "sample" => StartOutcome.Exit(SampleCommand.Run(options, output)),
                "bench" => StartOutcome.Exit(await BenchCommand.RunAsync(options, output)),
                "help" or "--help" or "-h" => StartOutcome.Exit(WriteUsage(output, 0)),
                _ => throw new UsageException($"Unknown verb '{verb}'."),
            };
        }
        catch (UsageException e)
        {
            await errors.WriteLineAsync(e.Message);
            await errors.WriteLineAsync();
            await errors.WriteLineAsync(Usage);
            return StartOutcome.Exit(2);
        }
    }

    /// <summary>serve's options as the host's configuration keys, so `--db x` and `--Database:Path=x` mean the same.</summary>
    public static string[] ServeArguments(CommandOptions options)
    {
        options.AllowOnly("db", "urls", "inbox", "buyer-key-file");
        var hostArgs = new List<string>();
        if (options.Value("db") is { } db) hostArgs.Add($"--Database:Path={db}");
        if (options.Value("inbox") is { } inbox) hostArgs.Add($"--Inbox:Path={inbox}");
        if (options.Value("buyer-key-file") is { } key) hostArgs.Add($"--Database:BuyerKeyFile={key}");
        if (options.Value("urls") is { } urls) hostArgs.Add($"--urls={urls}");
        return [.. hostArgs];
    }

    private static int WriteUsage(TextWriter output, int code)
    {
        output.WriteLine(Usage);
        return code;
    }
}

internal sealed record StartOutcome(int? ExitCode, string[] HostArgs)
{
    public static StartOutcome Exit(int code) => new(code, []);
    public static StartOutcome Serve(string[] hostArgs) => new(null, hostArgs);
}

internal sealed class UsageException(string message) : Exception(message);
