using System.Diagnostics;
using Analytics.Api.Cli;
using Analytics.Tests.Support;

namespace Analytics.Tests.Cli;

/// <summary>install-service: the systemd unit (paths, quoting, data folder, user, settings and logs named) and the sc.exe lines.</summary>
public sealed class InstallServiceTests
{
    private static readonly ServiceInstallation Published = new(
        "/opt/县域 分析/Analytics.Api", [], "/srv/电商 数据/analytics.db", "http://0.0.0.0:5000", "office", []);

    private static string Line(string unit, string key) => unit.Split('\n').Single(l => l.StartsWith(key + "=", StringComparison.Ordinal));

    [Test]
    public void TheUnitStartsThePublishedProgramOnTheDatabaseInItsDataFolder()
    {
        var unit = ServiceDefinitions.SystemdUnit(Published);

        Assert.That(Line(unit, "ExecStart"), Is.EqualTo("""ExecStart="/opt/县域 分析/Analytics.Api" serve --db "/srv/电商 数据/analytics.db" --urls http://0.0.0.0:5000"""));
        Assert.That(Line(unit, "WorkingDirectory"), Is.EqualTo("WorkingDirectory=/srv/电商 数据"), "a path setting is never quoted: systemd would take the quotes as part of it");
        Assert.That(Line(unit, "User"), Is.EqualTo("User=office"));
        Assert.That(Line(unit, "Restart"), Is.EqualTo("Restart=always"));
        Assert.That(Line(unit, "Type"), Is.EqualTo("Type=notify"));
        Assert.That(Line(unit, "StandardOutput"), Is.EqualTo("StandardOutput=journal"));
        Assert.That(unit, Does.Contain("# Settings: /opt/县域 分析/appsettings.json").And.Contain("/srv/电商 数据/logs/"));
        Assert.That(unit, Does.Contain("[Install]\nWantedBy=multi-user.target"));
    }

    [Test]
    public void UnderDotnetTheUnitRunsTheDllAndEscapesWhatSystemdWouldExpand()
    {
        var service = new ServiceInstallation("/usr/share/dotnet/dotnet", ["/opt/analytics/Analytics.Api.dll"], "/srv/100%数据/analytics.db",
            "http://0.0.0.0:5000", "office", ["--Screen:Title=禾丰县 \"数据\" $大屏"]);

        var unit = ServiceDefinitions.SystemdUnit(service);

        Assert.That(Line(unit, "ExecStart"), Is.EqualTo(
            """ExecStart=/usr/share/dotnet/dotnet /opt/analytics/Analytics.Api.dll serve --db /srv/100%%数据/analytics.db --urls http://0.0.0.0:5000 "--Screen:Title=禾丰县 \"数据\" $$大屏" """.TrimEnd()));
        Assert.That(Line(unit, "WorkingDirectory"), Is.EqualTo("WorkingDirectory=/srv/100%%数据"));
    }

    [Test]
    public async Task SystemdAcceptsTheUnitItPrints()
    {
        Assume.That(OperatingSystem.IsLinux() && File.Exists("/usr/bin/systemd-analyze"), Is.True, "systemd-analyze (Debian's systemd package)");
        using var folder = new TemporaryFolder();
        var data = Directory.CreateDirectory(folder.File("电商 数据")).FullName;
        var program = Path.Combine(AppContext.BaseDirectory, "Analytics.Api");
        var unitFile = folder.File("analytics.service");
        File.WriteAllText(unitFile, ServiceDefinitions.SystemdUnit(new ServiceInstallation(program, [], Path.Combine(data, "analytics.db"), "http://0.0.0.0:5000", "root", [])));

        var verify = Process.Start(new ProcessStartInfo("/usr/bin/systemd-analyze", ["verify", unitFile]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var errors = await verify.StandardError.ReadToEndAsync();
        await verify.WaitForExitAsync();

        Assert.That(verify.ExitCode, Is.EqualTo(0), errors);
        Assert.That(errors, Does.Not.Contain("analytics.service:"), "no line of the unit is complained of");
    }

    [Test]
    public void OnWindowsTheServiceIsCreatedWithScExeQuotingPathsWithSpaces()
    {
        var service = new ServiceInstallation(@"C:\Program Files\Analytics\Analytics.Api.exe", [], @"D:\电商 数据\analytics.db", "http://0.0.0.0:5000", "", []);

        var commands = ServiceDefinitions.WindowsCommands(service);

        Assert.That(commands[0], Is.EqualTo(
            """sc.exe create Analytics binPath= "\"C:\Program Files\Analytics\Analytics.Api.exe\" serve --db \"D:\电商 数据\analytics.db\" --urls http://0.0.0.0:5000" start= delayed-auto DisplayName= "County sales analytics" """.TrimEnd()));
        Assert.That(commands, Has.Some.StartWith("sc.exe failure Analytics").And.Some.EqualTo("sc.exe start Analytics"));
    }

    [Test]
    public async Task TheVerbWritesTheUnitAndNamesTheThreeCommandsThatEnableIt()
    {
        Assume.That(OperatingSystem.IsLinux(), Is.True);
        using var folder = new TemporaryFolder();
        var data = Directory.CreateDirectory(folder.File("电商 数据")).FullName;
        var unitFile = folder.File("analytics.service");
        using var output = new StringWriter();

        var outcome = await CommandLine.RunAsync(["install-service", "--db", Path.Combine(data, "analytics.db"), "--unit-file", unitFile, "--user", "office",
            "--Screen:Title", "禾丰县数据大屏"], output, TextWriter.Null);

        Assert.That(outcome.ExitCode, Is.EqualTo(0), output.ToString());
        var unit = File.ReadAllText(unitFile);
        Assert.That(Line(unit, "ExecStart"), Does.EndWith($"serve --db \"{data}/analytics.db\" --urls http://0.0.0.0:5000 --Screen:Title=禾丰县数据大屏"));
        Assert.That(Line(unit, "WorkingDirectory"), Is.EqualTo($"WorkingDirectory={data}"));
        Assert.That(output.ToString(), Does.Contain("sudo systemctl daemon-reload").And.Contain("sudo systemctl enable --now analytics").And.Contain("systemctl status analytics"));
    }

    [Test]
    public async Task PrintOnlyShowsTheUnit()
    {
        Assume.That(OperatingSystem.IsLinux(), Is.True);
        using var folder = new TemporaryFolder();
        using var output = new StringWriter();

        var outcome = await CommandLine.RunAsync(["install-service", "--db", folder.File("analytics.db"), "--print"], output, TextWriter.Null);

        Assert.That(outcome.ExitCode, Is.EqualTo(0));
        Assert.That(output.ToString(), Does.StartWith("# 县域电商销售数据分析服务").And.Contain($"WorkingDirectory={folder.Path}\n"));
        Assert.That(Directory.GetFileSystemEntries(folder.Path), Is.Empty);
    }
}
