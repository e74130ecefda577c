using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Analytics.Api.Cli;
using Analytics.Tests.Support;

namespace Analytics.Tests.Cli;

/// <summary>
/// The real program, started as an operator starts it: a second start on the same database, and a start on a port
/// that is taken, each end at once with one line and exit 2; a backup is taken and a restore refused while it runs.
/// </summary>
[NonParallelizable]
public sealed class ServeProcessTests
{
    private static string Program => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "Analytics.Api.exe" : "Analytics.Api");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process Start(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        return System.Diagnostics.Process.Start(start)!;
    }

    private static async Task<(int ExitCode, string Errors, string Output)> RunToEnd(string workingDirectory, params string[] arguments)
    {
        using var process = Start(workingDirectory, arguments);
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await errors, await output);
    }

    private static async Task<(int? ExitCode, string Output, string Errors)> RunInProcess(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var outcome = await CommandLine.RunAsync(args, output, errors);
        return (outcome.ExitCode, output.ToString(), errors.ToString());
    }

    [Test]
    public async Task ASecondStartAndATakenPortEndAtOnceInOneLineWhileBackupRunsAndRestoreIsRefused()
    {
        Assume.That(File.Exists(Program), Is.True, "the program's apphost beside the tests");
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(folder.File("数据"));
        var database = folder.File(Path.Combine("数据", "analytics.db"));
        var port = FreePort();
        using var service = Start(folder.Path, "serve", "--db", database, "--urls", $"http://127.0.0.1:{port}", "--Backup:DailyAt", "");
        try
        {
            for (string? line; (line = await service.StandardOutput.ReadLineAsync()) is not null && !line.Contains("Now listening on", StringComparison.Ordinal);)
            {
            }
            Assert.That(service.HasExited, Is.False, "the first start serves");

            var second = await RunToEnd(folder.Path, "serve", "--db", database, "--urls", $"http://127.0.0.1:{FreePort()}");
            Directory.CreateDirectory(folder.File("另一个"));
            var otherDatabase = folder.File(Path.Combine("另一个", "analytics.db"));
            var portTaken = await RunToEnd(folder.Path, "serve", "--db", otherDatabase, "--urls", $"http://127.0.0.1:{port}");

            Assert.That((second.ExitCode, second.Errors.TrimEnd().Split('\n').Length), Is.EqualTo((2, 1)), second.Errors);
            Assert.That(second.Errors, Does.StartWith($"数据库 {database} 已有一个服务在使用"));
            Assert.That((portTaken.ExitCode, portTaken.Errors.TrimEnd().Split('\n').Length), Is.EqualTo((2, 1)), portTaken.Errors);
            Assert.That(portTaken.Errors, Does.StartWith($"端口 {port} 已被占用"));
            Assert.That(Directory.GetFileSystemEntries(folder.File("另一个")), Is.Empty, "nothing created for the start that was refused");

            var backup = await RunInProcess("backup", "--db", database);
            Assert.That(backup.ExitCode, Is.EqualTo(0), backup.Errors);
            var taken = Directory.GetDirectories(folder.File(Path.Combine("数据", "backups")), "analytics-backup-*").Single();
            var restore = await RunInProcess("restore", taken, "--db", database);
            Assert.That(restore.ExitCode, Is.EqualTo(1));
            Assert.That(restore.Errors, Does.StartWith($"服务正在使用数据库 {database}"));
            Assert.That(Directory.GetFiles(folder.File("数据"), "*.before-restore-*"), Is.Empty, "nothing changed");
            Assert.That(service.HasExited, Is.False);
        }
        finally
        {
            service.Kill(entireProcessTree: true);
            await service.WaitForExitAsync();
        }
    }
}
