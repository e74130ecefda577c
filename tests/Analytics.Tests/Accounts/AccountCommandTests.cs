using System.Net;
using System.Net.Http.Headers;
using Analytics.Api.Cli;
using Analytics.Tests.Api;

namespace Analytics.Tests.Accounts;

/// <summary>`users` and `tokens`: the first admin and every key are made on the command line of the PC that runs the service.</summary>
public sealed class AccountCommandTests
{
    private static async Task<(int ExitCode, string Output, string Errors)> Cli(AnalyticsApp app, string? input, params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var outcome = await CommandLine.RunAsync([.. args, "--db", app.DatabasePath], output, errors, new StringReader(input ?? ""));
        return (outcome.ExitCode ?? -1, output.ToString(), errors.ToString());
    }

    [Test]
    public async Task TheFirstAdminIsMadeOnTheCommandLineAndSignsIn()
    {
        using var app = new AnalyticsApp();

        var added = await Cli(app, "a long password\n", "users", "add", "管理员", "--role", "admin", "--password-stdin");
        var again = await Cli(app, "another password\n", "users", "add", "管理员", "--role", "admin", "--password-stdin");
        var tooShort = await Cli(app, "short\n", "users", "add", "张三", "--role", "bureau", "--password-stdin");
        var operatorWithoutShops = await Cli(app, "a long password\n", "users", "add", "李四", "--role", "operator", "--password-stdin");
        var listed = await Cli(app, null, "users", "list");
        using var browser = app.CreateAnonymousClient(cookies: true);
        using var login = await AccountSessions.LogInAsync(browser, "管理员", "a long password");

        Assert.That(added.ExitCode, Is.EqualTo(0), added.Errors);
        Assert.That(again.ExitCode, Is.EqualTo(1));
        Assert.That(again.Errors, Does.Contain("已存在"));
        Assert.That(tooShort.ExitCode, Is.EqualTo(1));
        Assert.That(tooShort.Errors, Does.Contain("至少需要 8 个字符"));
        Assert.That(operatorWithoutShops.Errors, Does.Contain("必须指定可操作的店铺"));
        Assert.That(listed.Output, Does.Contain("管理员\tadmin").And.Not.Contain("张三"));
        Assert.That(login.Headers.Location?.OriginalString, Is.EqualTo("/admin"));
    }

    [Test]
    public async Task ACreatedKeyIsPrintedOnceAsTheLastLineWorksAndStopsWhenRevoked()
    {
        using var app = new AnalyticsApp();

        var created = await Cli(app, null, "tokens", "create", "--role", "display", "--name", "一楼大屏");
        var key = created.Output.TrimEnd().Split('\n')[^1].Trim();
        using var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var before = await client.GetAsync(new Uri("/api/freshness", UriKind.Relative));
        var listed = await Cli(app, null, "tokens", "list");
        var revoked = await Cli(app, null, "tokens", "revoke", "一楼大屏");
        using var after = await client.GetAsync(new Uri("/api/freshness", UriKind.Relative));
        var unknownRole = await Cli(app, null, "tokens", "create", "--role", "boss", "--name", "x");

        Assert.That(created.ExitCode, Is.EqualTo(0), created.Errors);
        Assert.That(key, Does.StartWith("cek_").And.Length.GreaterThan(40));
        Assert.That(created.Output, Does.Contain($"/?key={key}"), "a display key comes with its kiosk address");
        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(listed.Output, Does.Contain("一楼大屏\tdisplay").And.Not.Contain(key), "the list never shows a key");
        Assert.That(revoked.ExitCode, Is.EqualTo(0));
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(unknownRole.ExitCode, Is.EqualTo(1));
        Assert.That(unknownRole.Errors, Does.Contain("不认识的角色"));
    }
}
