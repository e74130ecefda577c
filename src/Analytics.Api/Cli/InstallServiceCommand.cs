using Analytics.Api.Hosting;

namespace Analytics.Api.Cli;

/// <summary>
/// `install-service [--db PATH] [--urls URL] [--user NAME] [--print] [--unit-file PATH]`: has the service start at boot.
/// On Linux it writes the systemd unit (or prints it with --print) and names the commands that enable it; on Windows it
/// prints the sc.exe commands (the program runs as a Windows service through UseWindowsService).
/// </summary>
internal static class InstallServiceCommand
{
    public const string DefaultUnitFile = "/etc/systemd/system/analytics.service";

    public static async Task<int> RunAsync(CommandOptions options, TextWriter output)
    {
        var settings = options.TakeSettings();
        options.AllowOnly("db", "urls", "user", "print", "unit-file", "create");
        if (options.Positional.Count > 0)
            throw new UsageException("install-service 不接受其他参数。\ninstall-service takes no other arguments.");
        // A service starts in a folder of its own choosing: every path it is given is a full one.
        var database = Path.GetFullPath(options.Value("db") ?? ServiceSettings.DefaultDatabasePath);
        StartChecks.DatabaseFolder(database, options.Has("create"));
        var (program, programArguments) = ServiceInstallation.ThisProgram();
        var service = new ServiceInstallation(program, programArguments, database,
            options.Value("urls") ?? "http://0.0.0.0:5000", options.Value("user") ?? InvokingUser(), settings);

        if (OperatingSystem.IsWindows())
        {
            await output.WriteLineAsync("在“以管理员身份运行”的命令提示符中执行以下命令，服务即开机自动运行：");
            foreach (var line in ServiceDefinitions.WindowsCommands(service))
                await output.WriteLineAsync(line);
            await output.WriteLineAsync($"设置：{service.SettingsFile}；日志：{service.LogsFolder}；停止：sc.exe stop {ServiceInstallation.WindowsName}");
            return 0;
        }
        if (!OperatingSystem.IsLinux())
            throw new StartRefusedException("install-service 只支持 Linux（systemd）和 Windows；其他系统请用 serve 启动。");

        var unit = ServiceDefinitions.SystemdUnit(service);
        if (options.Has("print"))
        {
            await output.WriteAsync(unit);
            return 0;
        }
        var unitFile = Path.GetFullPath(options.Value("unit-file") ?? DefaultUnitFile);
        StartChecks.WritableFolder(unitFile, "用 sudo 运行（或加 --print 只显示单元文件）");
        await File.WriteAllTextAsync(unitFile, unit);
        await output.WriteLineAsync($"已写入 {unitFile}。以下三条命令让服务开机自动运行、现在启动，并查看它的状态：");
        await output.WriteLineAsync("  sudo systemctl daemon-reload");
        await output.WriteLineAsync($"  sudo systemctl enable --now {ServiceInstallation.Name}");
        await output.WriteLineAsync($"  systemctl status {ServiceInstallation.Name}");
        await output.WriteLineAsync($"日志：journalctl -u {ServiceInstallation.Name} -f，以及 {service.LogsFolder}/；设置：{service.SettingsFile}");
        return 0;
    }

    /// <summary>Whoever ran the command, also through sudo: the service should not run as root for an office's data.</summary>
    private static string InvokingUser() =>
        Environment.GetEnvironmentVariable("SUDO_USER") is { Length: > 0 } sudoUser ? sudoUser : Environment.UserName;
}
