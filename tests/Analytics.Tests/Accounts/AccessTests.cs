using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Store;
using Analytics.Tests.Api;
using Analytics.Tests.Support;

namespace Analytics.Tests.Accounts;

/// <summary>
/// Who may reach what, over real HTTP: every endpoint group for every role, and nothing but /health and /login for
/// someone who is not signed in.
/// </summary>
public sealed class AccessTests
{
    private const string Shop = "禾丰富硒小米旗舰店";
    private const string OtherShop = "石磨坊面粉抖音小店";

    private static readonly string[] Everyone = ["anonymous", Roles.Display, Roles.Operator, Roles.Bureau, Roles.Admin];

    /// <summary>One request per endpoint group, and the roles that group admits.</summary>
    private static readonly (string Method, string Path, string[] Admitted)[] Groups =
    [
        ("GET", "/health", Everyone),
        ("GET", "/login", Everyone),
        ("GET", "/api/summary?from=2023-03-01&to=2023-03-31", [Roles.Display, Roles.Operator, Roles.Bureau, Roles.Admin]),
        ("GET", "/api/trend?from=2023-03-01&to=2023-03-31&interval=day", [Roles.Display, Roles.Operator, Roles.Bureau, Roles.Admin]),
        ("GET", "/api/rankings/enterprises?from=2023-03-01&to=2023-03-31", [Roles.Display, Roles.Operator, Roles.Bureau, Roles.Admin]),
        ("GET", "/api/freshness", [Roles.Display, Roles.Operator, Roles.Bureau, Roles.Admin]),
        ("GET", "/api/clock", [Roles.Display, Roles.Operator, Roles.Bureau, Roles.Admin]),
        ("GET", "/openapi/v1.json", [Roles.Display, Roles.Operator, Roles.Bureau, Roles.Admin]),
        ("GET", "/api/imports", [Roles.Operator, Roles.Bureau, Roles.Admin]),
        ("POST", "/api/imports", [Roles.Operator, Roles.Bureau, Roles.Admin]),
        ("DELETE", "/api/imports/999", [Roles.Operator, Roles.Bureau, Roles.Admin]),
        ("GET", "/api/reports/monthly/2023-03.html", [Roles.Bureau, Roles.Admin]),
        ("GET", "/api/shops", [Roles.Bureau, Roles.Admin]),
        // The wall's ticker reads the open alerts; only the bureau acknowledges one (no such alert: 404, admitted).
        ("GET", "/api/alerts", [Roles.Display, Roles.Bureau, Roles.Admin]),
        ("POST", "/api/alerts/999/acknowledge", [Roles.Bureau, Roles.Admin]),
        ("GET", "/api/accounts/users", [Roles.Admin]),
        ("GET", "/api/accounts/audit", [Roles.Admin]),
        ("POST", "/api/accounts/keys", [Roles.Admin]),
    ];

    [Test]
    public async Task EachRoleReachesExactlyItsEndpointGroups()
    {
        using var app = new AnalyticsApp();
        var failures = new List<string>();
        foreach (var role in Everyone)
        {
            using var client = role == "anonymous" ? app.CreateAnonymousClient() : app.CreateClientAs(role, role == Roles.Operator ? [Shop] : []);
            foreach (var (method, path, admitted) in Groups)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method == "POST")
                    request.Content = path.EndsWith("/keys", StringComparison.Ordinal)
                        ? JsonContent.Create(new { name = "k", role = "display" })
                        : new MultipartFormDataContent { { new StringContent(Shop), "shop" } };
                using var response = await client.SendAsync(request);
                var expected = admitted.Contains(role) ? "admitted" : role == "anonymous" ? "401" : "403";
                var actual = response.StatusCode switch
                {
                    HttpStatusCode.Unauthorized => "401",
                    HttpStatusCode.Forbidden => "403",
                    _ => "admitted",
                };
                if (actual != expected)
                    failures.Add($"{role} {method} {path}: expected {expected}, got {(int)response.StatusCode}");
            }
        }
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public async Task AnAnonymousBrowserIsSentToTheLoginPageAndScriptsGet401()
    {
        using var app = new AnalyticsApp();
        using var browser = app.CreateAnonymousClient();

        using var screen = await browser.GetAsync(new Uri("/", UriKind.Relative));
        using var api = await browser.GetAsync(new Uri("/api/summary?from=2023-03-01&to=2023-03-31", UriKind.Relative));

        Assert.That(screen.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(screen.Headers.Location?.OriginalString, Does.EndWith("/login?ReturnUrl=%2F"));
        Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await api.Content.ReadAsStringAsync(), Does.Contain("需要登录"));
    }

    [Test]
    public async Task ARevokedKeyStopsAtItsNextRequest()
    {
        using var app = new AnalyticsApp();
        var key = app.CreateKey(Roles.Bureau);
        using var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        using var before = await client.GetAsync(new Uri("/api/imports", UriKind.Relative));
        using (var admin = app.CreateClientAs(Roles.Admin))
        {
            var keys = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/accounts/keys", UriKind.Relative));
            var id = keys.EnumerateArray().Single(k => k.GetProperty("role").GetString() == Roles.Bureau && key.StartsWith(k.GetProperty("keyStart").GetString()!, StringComparison.Ordinal)).GetProperty("id").GetInt64();
            using var revoke = await admin.DeleteAsync(new Uri($"/api/accounts/keys/{id}", UriKind.Relative));
            Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }
        using var after = await client.GetAsync(new Uri("/api/imports", UriKind.Relative));

        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task AnUnknownKeyIsRefused()
    {
        using var app = new AnalyticsApp();
        using var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "cek_not-a-key");

        using var response = await client.GetAsync(new Uri("/api/freshness", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ADisplayAsksForTheCountysFiguresOnly()
    {
        using var app = new AnalyticsApp();
        app.Settings["Clock:Date"] = "2023-04-15";
        using var display = app.CreateClientAs(Roles.Display);

        using var county = await display.GetAsync(new Uri("/api/summary?from=2023-03-01&to=2023-03-31", UriKind.Relative));
        using var oneShop = await display.GetAsync(new Uri($"/api/summary?from=2023-03-01&to=2023-03-31&shop={Uri.EscapeDataString(Shop)}", UriKind.Relative));
        using var imports = await display.GetAsync(new Uri("/api/imports", UriKind.Relative));

        Assert.That(county.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(oneShop.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(imports.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task AnonymousDisplayAccessIsOffByDefaultAndOnlyDisplayWhenTurnedOn()
    {
        using var app = new AnalyticsApp();
        app.Settings["Access:AnonymousDisplay"] = "true";
        app.Settings["Clock:Date"] = "2023-04-15";
        using var anyone = app.CreateAnonymousClient();

        using var figures = await anyone.GetAsync(new Uri("/api/summary?from=2023-03-01&to=2023-03-31", UriKind.Relative));
        using var imports = await anyone.GetAsync(new Uri("/api/imports", UriKind.Relative));
        using var reports = await anyone.GetAsync(new Uri("/api/reports/monthly/2023-03.html", UriKind.Relative));

        Assert.That(figures.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(imports.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(reports.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
