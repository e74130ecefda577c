using System.Net;
using System.Net.Http.Headers;
using Analytics.Store;
using Analytics.Tests.Api;
using Analytics.Tests.Support;

namespace Analytics.Tests.Accounts;

/// <summary>People sign in on /login; the wall signs in once through its kiosk URL; browser sessions carry antiforgery tokens.</summary>
public sealed class SessionTests
{
    private const string Shop = "禾丰富硒小米旗舰店";

    [Test]
    public async Task APersonSignsInAndLandsOnTheirPage()
    {
        using var app = new AnalyticsApp();
        AccountSessions.AddUser(app, "王芳", "correct horse 1", Roles.Operator, Shop);
        using var browser = app.CreateAnonymousClient(cookies: true);

        using var login = await AccountSessions.LogInAsync(browser, "王芳", "correct horse 1");
        using var upload = await browser.GetAsync(new Uri("/upload", UriKind.Relative));
        using var admin = await browser.GetAsync(new Uri("/admin", UriKind.Relative));

        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(login.Headers.Location?.OriginalString, Is.EqualTo("/upload"));
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await upload.Content.ReadAsStringAsync(), Does.Contain($"<option value=\"{Shop}\">"));
        Assert.That(admin.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "an operator is sent back to sign in as someone else");
        Assert.That(admin.Headers.Location?.OriginalString, Does.StartWith("/login?denied=1"));
    }

    [Test]
    public async Task RepeatedWrongPasswordsLockTheNameEvenAgainstTheRightOne()
    {
        using var app = new AnalyticsApp();
        AccountSessions.AddUser(app, "李明", "correct horse 2", Roles.Bureau);
        using var browser = app.CreateAnonymousClient(cookies: true);

        var wrong = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var attempt = await AccountSessions.LogInAsync(browser, "李明", "wrong password");
            wrong.Add(attempt.StatusCode);
        }
        using var right = await AccountSessions.LogInAsync(browser, "李明", "correct horse 2");
        using var admin = app.CreateClientAs(Roles.Admin);
        var audit = await admin.GetStringAsync(new Uri("/api/accounts/audit", UriKind.Relative));

        Assert.That(wrong, Is.All.EqualTo(HttpStatusCode.OK), "a wrong password shows the form again");
        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.OK), "locked: the right password does not sign in either");
        Assert.That(await right.Content.ReadAsStringAsync(), Does.Contain("已锁定"));
        Assert.That(audit, Does.Contain("login-failed").And.Contain("连续失败，已锁定"));
    }

    [Test]
    public async Task SigningOutTakesThePagesTokenSoAnotherSiteCannotSignAnyoneOut()
    {
        using var app = new AnalyticsApp();
        AccountSessions.AddUser(app, "王芳", "correct horse 1", Roles.Operator, Shop);
        using var browser = app.CreateAnonymousClient(cookies: true);
        using (await AccountSessions.LogInAsync(browser, "王芳", "correct horse 1")) { }
        var page = await browser.GetStringAsync(new Uri("/upload", UriKind.Relative));

        using var forged = await browser.PostAsync(new Uri("/logout", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>()));
        using var stillIn = await browser.GetAsync(new Uri("/upload", UriKind.Relative));
        using var real = await browser.PostAsync(new Uri("/logout", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = AccountSessions.Token(page) }));
        using var afterwards = await browser.GetAsync(new Uri("/upload", UriKind.Relative));

        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await forged.Content.ReadAsStringAsync(), Does.Contain("页面已过期"));
        Assert.That(stillIn.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a forged sign-out signs no one out");
        Assert.That((real.StatusCode, real.Headers.Location?.OriginalString), Is.EqualTo((HttpStatusCode.Redirect, "/login")));
        Assert.That(afterwards.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "signed out: back to /login");
    }

    [Test]
    public async Task AFormPostWithoutItsAntiforgeryTokenIsRefused()
    {
        using var app = new AnalyticsApp();
        AccountSessions.AddUser(app, "王芳", "correct horse 1", Roles.Operator, Shop);
        using var browser = app.CreateAnonymousClient(cookies: true);
        using (await AccountSessions.LogInAsync(browser, "王芳", "correct horse 1")) { }
        var page = await browser.GetStringAsync(new Uri("/upload", UriKind.Relative));

        MultipartFormDataContent Form()
        {
            var file = new ByteArrayContent(SampleFiles.Bytes(Shop, "1678243395_orders.csv"));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            return new MultipartFormDataContent { { file, "file", "1678243395_orders.csv" }, { new StringContent(Shop), "shop" } };
        }
        using var forged = await browser.PostAsync(new Uri("/api/imports", UriKind.Relative), Form());
        using var withToken = new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = Form() };
        withToken.Headers.Add("X-CSRF-TOKEN", AccountSessions.Token(page));
        using var real = await browser.SendAsync(withToken);
        using var loginWithoutToken = await browser.PostAsync(new Uri("/login", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "王芳", ["password"] = "correct horse 1" }));

        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await forged.Content.ReadAsStringAsync(), Does.Contain("页面已过期"));
        Assert.That(real.StatusCode, Is.EqualTo(HttpStatusCode.Created), await real.Content.ReadAsStringAsync());
        Assert.That(loginWithoutToken.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task TheKioskUrlSignsTheWallInUntilItsKeyIsRevoked()
    {
        using var app = new AnalyticsApp();
        app.Settings["Clock:Date"] = "2023-04-15";
        var key = app.CreateKey(Roles.Display);
        var bureauKey = app.CreateKey(Roles.Bureau);
        using var wall = app.CreateAnonymousClient(cookies: true);

        using var kiosk = await wall.GetAsync(new Uri($"/?period=month&key={key}", UriKind.Relative));
        using var figures = await wall.GetAsync(new Uri("/api/summary?from=2023-03-01&to=2023-03-31", UriKind.Relative));
        using var imports = await wall.GetAsync(new Uri("/api/imports", UriKind.Relative));
        using var notADisplayKey = await app.CreateAnonymousClient(cookies: true).GetAsync(new Uri($"/?key={bureauKey}", UriKind.Relative));
        using (var admin = app.CreateClientAs(Roles.Admin))
        using (await admin.DeleteAsync(new Uri("/api/accounts/keys/1", UriKind.Relative))) { }
        using var afterRevoke = await wall.GetAsync(new Uri("/api/summary?from=2023-03-01&to=2023-03-31", UriKind.Relative));

        Assert.That(kiosk.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(kiosk.Headers.Location?.OriginalString, Is.EqualTo("/?period=month"), "the key leaves the address");
        Assert.That(figures.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(imports.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(notADisplayKey.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "only display keys go in an address");
        Assert.That(afterRevoke.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ADisabledUsersSessionEndsAtTheNextRequest()
    {
        using var app = new AnalyticsApp();
        AccountSessions.AddUser(app, "赵强", "correct horse 3", Roles.Bureau);
        using var browser = app.CreateAnonymousClient(cookies: true);
        using (await AccountSessions.LogInAsync(browser, "赵强", "correct horse 3")) { }

        using var before = await browser.GetAsync(new Uri("/api/imports", UriKind.Relative));
        using (var admin = app.CreateClientAs(Roles.Admin))
        using (await admin.DeleteAsync(new Uri($"/api/accounts/users/{Uri.EscapeDataString("赵强")}", UriKind.Relative))) { }
        using var after = await browser.GetAsync(new Uri("/api/imports", UriKind.Relative));

        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
