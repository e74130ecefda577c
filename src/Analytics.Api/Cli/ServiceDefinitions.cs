namespace Analytics.Api.Cli;

/// <summary>How the service is started at boot: the program, the database it serves, where it listens, as whom.</summary>
/// <param name="Program">The published executable, or the dotnet host when the program is a .dll.</param>
/// <param name="ProgramArguments">Before the verb: the .dll's path under dotnet, else nothing.</param>
/// <param name="Settings">Further settings for the command line, as <c>--Section:Key=value</c>.</param>
internal sealed record ServiceInstallation(
    string Program, IReadOnlyList<string> ProgramArguments, string DatabasePath, string Urls, string User, IReadOnlyList<string> Settings)
{
    public const string Name = "analytics";
    public const string WindowsName = "Analytics";

    public string DataFolder => Path.GetDirectoryName(DatabasePath)!;

    /// <summary>The settings file read at every start: appsettings.json beside the program.</summary>
    public string SettingsFile => Path.Combine(Path.GetDirectoryName(ProgramArguments.Count > 0 ? ProgramArguments[0] : Program)!, "appsettings.json");

    public string LogsFolder => Path.Combine(DataFolder, "logs");

    public IReadOnlyList<string> Arguments => [.. ProgramArguments, "serve", "--db", DatabasePath, "--urls", Urls, .. Settings];

    /// <summary>This very program: its apphost when published, else `dotnet Analytics.Api.dll`.</summary>
    public static (string Program, IReadOnlyList<string> Arguments) ThisProgram()
    {
        var process = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? (process, [Path.Combine(AppContext.BaseDirectory, "Analytics.Api.dll")])
            : (process, []);
    }
}

/// <summary>The systemd unit and the Windows service commands for a <see cref="ServiceInstallation"/>.</summary>
internal static class ServiceDefinitions
{
    public static string SystemdUnit(ServiceInstallation service)
    {
        var execStart = string.Join(' ', new[] { service.Program }.Concat(service.Arguments).Select(SystemdArgument));
        return $"""
            # 县域电商销售数据分析服务 · County e-commerce sales analytics (written by `install-service`)
            # Settings: {service.SettingsFile} (beside the program), or Environment=Section__Key=value lines below.
            # Logs: journalctl -u {ServiceInstallation.Name}, and the daily files in {service.LogsFolder}/
            [Unit]
            Description=County e-commerce sales analytics (县域电商销售数据分析服务)
            Wants=network-online.target
            After=network-online.target

            [Service]
            Type=notify
            ExecStart={execStart}
            WorkingDirectory={SystemdPath(service.DataFolder)}
            User={service.User}
            Restart=always
            RestartSec=10
            TimeoutStopSec=60
            StandardOutput=journal
            StandardError=journal
            SyslogIdentifier={ServiceInstallation.Name}

            [Install]
            WantedBy=multi-user.target

            """;
    }

    /// <summary>The commands that create, describe and start the Windows service (run in an administrator's command prompt).</summary>
    public static IReadOnlyList<string> WindowsCommands(ServiceInstallation service)
    {
        var binPath = string.Join(' ', new[] { service.Program }.Concat(service.Arguments).Select(WindowsArgument));
        var name = ServiceInstallation.WindowsName;
        return
        [
            $"sc.exe create {name} binPath= \"{binPath.Replace("\"", "\\\"", StringComparison.Ordinal)}\" start= delayed-auto DisplayName= \"County sales analytics\"",
            $"sc.exe description {name} \"县域电商销售数据分析服务：数据大屏、指标接口、月报。\"",
            $"sc.exe failure {name} reset= 86400 actions= restart/10000/restart/10000/restart/60000",
            $"sc.exe start {name}",
        ];
    }

    /// <summary>
    /// One word of ExecStart: quoted when it holds a space, a quote, a backslash or a semicolon, with C-style escapes;
    /// <c>%</c> (specifiers) and <c>$</c> (environment variables) doubled everywhere.
    /// </summary>
    internal static string SystemdArgument(string value)
    {
        var text = value.Replace("%", "%%", StringComparison.Ordinal).Replace("$", "$$", StringComparison.Ordinal);
        if (text.Length > 0 && !text.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '\\' or ';'))
            return text;
        return "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A path setting (WorkingDirectory=) takes the rest of the line as it is, spaces included; only specifiers are escaped.</summary>
    internal static string SystemdPath(string path) => path.Replace("%", "%%", StringComparison.Ordinal);

    /// <summary>One word of a Windows command line: quoted when it holds a space or a quote (paths end in no backslash here).</summary>
    internal static string WindowsArgument(string value) =>
        value.Length > 0 && !value.Any(c => char.IsWhiteSpace(c) || c == '"')
            ? value
            : "\"" + value.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
