using Analytics.Api.Cli;
using Analytics.Api.Hosting;
using Microsoft.Extensions.Configuration;

namespace Analytics.Tests.Cli;

/// <summary>Any setting on serve's command line: `--Section:Key value` as the host reads `--Section:Key=value`.</summary>
public sealed class CommandLineSettingsTests
{
    private static async Task<ServiceSettings> SettingsOf(params string[] args)
    {
        var outcome = await CommandLine.RunAsync(args, TextWriter.Null, TextWriter.Null);
        Assert.That(outcome.ExitCode, Is.Null, "serves");
        var problems = new List<string>();
        var settings = ServiceSettings.From(new ConfigurationBuilder().AddCommandLine(outcome.HostArgs).Build(), problems);
        Assert.That(problems, Is.Empty);
        return settings;
    }

    [Test]
    public async Task ServeTakesAnySettingOnItsCommandLine()
    {
        var settings = await SettingsOf("serve", "--Screen:Title", "禾丰县 数据大屏", "--db", "d/a.db", "--Backup:Keep=30", "--Backup:DailyAt", "", "--Logging:Requests", "true");

        Assert.That((settings.ScreenTitle, settings.DatabasePath, settings.BackupKeep, settings.BackupDailyAt, settings.LogRequests),
            Is.EqualTo(("禾丰县 数据大屏", "d/a.db", 30, (TimeOnly?)null, true)));
    }

    [Test]
    public async Task ASettingNamedLaterWinsOverTheShortOption()
    {
        var settings = await SettingsOf("serve", "--db", "d/a.db", "--Database:Path", "e/b.db");

        Assert.That(settings.DatabasePath, Is.EqualTo("e/b.db"));
        Assert.That(settings.BackupFolder, Is.EqualTo(Path.Combine(Path.GetFullPath("e"), "backups")), "folders not given sit beside the database");
        Assert.That(settings.BackupDailyAt, Is.EqualTo(new TimeOnly(2, 30)));
    }

    [Test]
    public async Task AnOptionThatIsNoSettingIsStillAUsageError()
    {
        using var errors = new StringWriter();

        var outcome = await CommandLine.RunAsync(["serve", "--titel", "x"], TextWriter.Null, errors);

        Assert.That(outcome.ExitCode, Is.EqualTo(2));
        Assert.That(errors.ToString(), Does.Contain("Unknown option --titel"));
    }
}
