using Analytics.Api.Hosting;
using Analytics.Ingestion.Formats.Mapping;

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
          serve  [--db PATH] [--urls URL] [--inbox DIR] [--formats DIR] [--create] [--Section:Key VALUE ...]
                                                     the HTTP API and the inbox worker (default db: data/analytics.db;
                                                     --create makes the database's folder; any setting, e.g. --Screen:Title 标题)
          import FILE... [--db PATH] [--shop NAME] [--formats DIR] [--lang en] [--create]
                                                     import exports and print a receipt per file (导入)
          formats [--formats DIR] [--lang en]        the exports it reads, the mapping files included; a bad mapping file
                                                     is named with its line (平台与映射文件; exit 2)
          withdraw IMPORT_ID [--db PATH]             take a landed import back (撤回)
          rebuild [--db PATH]                        make the database anew from the archive (重建; stop the service first)
          shops list | add NAME --platform P [--enterprise E] | rename OLD NEW | merge FROM INTO [--db PATH]
                                                     the shop registry (店铺登记)
          users add NAME --role admin|bureau|operator|display [--shops A,B] [--password-stdin] [--create] | list | disable NAME
                | password NAME [--db PATH]           the people who log in (用户); the first admin is made here
          tokens create --role bureau|operator|display --name NAME [--shops A,B] | list | revoke ID|NAME [--db PATH]
                                                     API keys for scripts and the wall display (密钥); printed once
          report --month YYYY-MM | --quarter YYYYQn | --year YYYY | --ytd YYYY-MM [--db PATH] [--format docx|xlsx|pdf|html]
                 [--out FILE] [--county NAME] [--font FILE]
                                                     the bureau's report (default: Word, report-<period>.docx; --font: a
                                                     Chinese TrueType .ttf/.ttc for the PDF, else the system's)
          backup [--to DIR] [--db PATH]              a consistent copy of the database, the archive and the buyer key, also
                                                     while the service runs (备份; default: backups/ beside the database)
          restore FROM [--db PATH] [--create]        put a backup back (恢复; stop the service first)
          install-service [--db PATH] [--urls URL] [--user NAME] [--print]
                                                     run the service at boot: writes a systemd unit on Linux (--print only
                                                     shows it), prints the sc.exe commands on Windows
          sample [--out DIR] [--seed N] [--small]    write the demo exports (default: demo-data/exports, seed 1)
          bench  ingest|api [--lines N] [--dir DIR] the speed goals: a 1M-line import against sqlite3 .import,
                                             or the API on 10M generated lines
          bench  report [--db PATH] [--year YYYY]    the annual report's time in Word and PDF (default: the demo, 2022)

        Exit codes: 0 done; 1 import: a file or any row of a file was rejected (the good rows of a file still land),
        withdraw/rebuild/shops/restore: refused, nothing changed; 2 usage errors, and checks before anything is created
        (a database folder that does not exist: add --create to make it; a port taken; the service already running).
        The archive of landed files is archive/ beside the database (--archive DIR).
        The buyer-key secret is read from ANALYTICS_BUYER_KEY or from --buyer-key-file (default: <db>.buyer-key).
        Mapping files for other platforms: seeds/formats/*.ini beside the program, then --formats DIR (import, rebuild,
        withdraw, formats) or Formats__Path, as the service's Formats:Path; a bad one stops every verb (exit 2).
        """;

    public static async Task<StartOutcome> RunAsync(string[] args, TextWriter output, TextWriter errors, TextReader? input = null)
    {
        // No verb at all (the program opened by itself): serve, after the start-up checks.
        if (args.Length == 0)
            return StartOutcome.Service([], createDatabaseFolder: false);
        // Only host settings, as the test host passes them: serve as configured.
        if (args[0].StartsWith('-') && args[0] is not ("--help" or "-h"))
            return StartOutcome.Serve(args);
        try
        {
            var verb = args[0];
            var options = CommandOptions.Parse(args.AsSpan(1));
            return verb switch
            {
                "serve" => StartOutcome.Service(ServeArguments(options), createDatabaseFolder: options.Has("create")),
                "demo" => await DemoCommand.RunAsync(options, output),
                "import" => StartOutcome.Exit(await ImportCommand.RunAsync(options, output)),
                "formats" => StartOutcome.Exit(FormatsCommand.Run(options, output)),
                "withdraw" => StartOutcome.Exit(await WithdrawCommand.RunAsync(options, output, errors)),
                "rebuild" => StartOutcome.Exit(await RebuildCommand.RunAsync(options, output, errors)),
                "shops" => StartOutcome.Exit(await ShopsCommand.RunAsync(options, output, errors)),
                "users" => StartOutcome.Exit(await UsersCommand.RunAsync(options, input ?? Console.In, output, errors)),
                "tokens" => StartOutcome.Exit(await TokensCommand.RunAsync(options, output, errors)),
                "report" => StartOutcome.Exit(await ReportCommand.RunAsync(options, output, errors)),
                "backup" => StartOutcome.Exit(await BackupCommand.RunAsync(options, output, errors)),
                "restore" => StartOutcome.Exit(await RestoreCommand.RunAsync(options, output, errors)),
                "install-service" => StartOutcome.Exit(await InstallServiceCommand.RunAsync(options, output)),
                "sample" => StartOutcome.Exit(SampleCommand.Run(options, output)),
                "bench" => StartOutcome.Exit(await BenchCommand.RunAsync(options, output)),
                "help" or "--help" or "-h" => StartOutcome.Exit(WriteUsage(output, 0)),
                _ => throw new UsageException($"未知命令“{verb}”。\nUnknown verb '{verb}'."),
            };
        }
        catch (StartRefusedException e)
        {
            // One line, no usage text: the command was right, the machine or a path is not.
            await errors.WriteLineAsync(e.Message);
            return StartOutcome.Exit(2);
        }
        catch (MappingFileException e)
        {
            // A mapping file the bureau wrote: which file, which line and why, and nothing done.
            await errors.WriteLineAsync(e.Message);
            await errors.WriteLineAsync(e.MessageEn);
            return StartOutcome.Exit(2);
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
        var settings = options.TakeSettings();
        options.AllowOnly("db", "urls", "inbox", "buyer-key-file", "archive", "formats", "create");
        var hostArgs = new List<string>();
        if (options.Value("db") is { } db) hostArgs.Add($"--Database:Path={db}");
        if (options.Value("inbox") is { } inbox) hostArgs.Add($"--Inbox:Path={inbox}");
        if (options.Value("buyer-key-file") is { } key) hostArgs.Add($"--Database:BuyerKeyFile={key}");
        if (options.Value("archive") is { } archive) hostArgs.Add($"--Archive:Path={archive}");
        if (options.Value("formats") is { } formats) hostArgs.Add($"--Formats:Path={formats}");
        if (options.Value("urls") is { } urls) hostArgs.Add($"--urls={urls}");
        // After the named options, so `--Database:Path=…` given as a setting wins like any later command-line value.
        hostArgs.AddRange(settings);
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
    /// <summary>The service is started by an operator (serve, demo): checked before anything is created, see <see cref="ServiceStart"/>.</summary>
    public bool CheckBeforeStart { get; init; }

    /// <summary>serve --create, and the demo: the database's folder may be made.</summary>
    public bool CreateDatabaseFolder { get; init; }

    public static StartOutcome Exit(int code) => new(code, []);
    public static StartOutcome Serve(string[] hostArgs) => new(null, hostArgs);

    public static StartOutcome Service(string[] hostArgs, bool createDatabaseFolder) =>
        new(null, hostArgs) { CheckBeforeStart = true, CreateDatabaseFolder = createDatabaseFolder };
}

internal sealed class UsageException(string message) : Exception(message);
