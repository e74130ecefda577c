using System.Net;
using Analytics.Api.Hosting;
using Analytics.Tests.Support;

namespace Analytics.Tests.Api;

/// <summary>
/// Over real HTTP (Kestrel on loopback): every answer — the screen, its files, the pages, the API, errors — carries the
/// security headers, and no other site is let read the figures (no CORS).
/// </summary>
[NonParallelizable]
public sealed class ResponseHeadersTests
{
    private string _folder = "";
    private LiveApp _app = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void StartTheService()
    {
        _folder = Directory.CreateTempSubdirectory("analytics-headers-").FullName;
        _app = LiveApp.Start(Path.Combine(_folder, "analytics.db"), new TestClock(TitlesThatLookLikeCode.AfterTheOrders));
        _client = _app.CreateApiClient();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [TestCase("/", HttpStatusCode.OK, TestName = "The screen's page")]
    [TestCase("/screen/app.js", HttpStatusCode.OK, TestName = "A script of the screen")]
    [TestCase("/screen/vendor/echarts.min.js", HttpStatusCode.OK, TestName = "ECharts")]
    [TestCase("/about", HttpStatusCode.OK, TestName = "The about page")]
    [TestCase("/pages/site.css", HttpStatusCode.OK, TestName = "The pages' style")]
    [TestCase("/login", HttpStatusCode.OK, TestName = "The login page")]
    [TestCase("/api/summary?from=2025-03-01&to=2025-03-31", HttpStatusCode.OK, TestName = "An API answer")]
    [TestCase("/api/summary?from=2025-03-32&to=2025-03-31", HttpStatusCode.BadRequest, TestName = "A bad request's problem details")]
    [TestCase("/api/reports/monthly/2019-03.html", HttpStatusCode.NotFound, TestName = "A report without data")]
    [TestCase("/health", HttpStatusCode.OK, TestName = "Health")]
    [TestCase("/openapi/v1.json", HttpStatusCode.OK, TestName = "The OpenAPI document")]
    [TestCase("/no-such-page", HttpStatusCode.NotFound, TestName = "A page that does not exist")]
    public async Task EveryAnswerCarriesTheSecurityHeaders(string path, HttpStatusCode status)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(status));
            Assert.That(Header(response, "Content-Security-Policy"), Is.EqualTo(ResponseHeaders.PagePolicy));
            Assert.That(Header(response, "X-Content-Type-Options"), Is.EqualTo("nosniff"));
            Assert.That(Header(response, "Referrer-Policy"), Is.EqualTo("no-referrer"));
            Assert.That(Header(response, "X-Frame-Options"), Is.EqualTo("DENY"));
        }
    }

    [Test]
    public void ThePagePolicyAllowsNoInlineScriptOrStyle()
    {
        var directives = ResponseHeaders.PagePolicy.Split("; ");

        Assert.That(directives, Does.Contain("script-src 'self'").And.Contain("style-src 'self'").And.Contain("frame-ancestors 'none'")
            .And.Contain("default-src 'self'").And.Contain("base-uri 'none'"));
        Assert.That(ResponseHeaders.PagePolicy, Does.Not.Contain("unsafe").And.Not.Contain("*").And.Not.Contain("http"));
    }

    [Test]
    public async Task AnotherSitesScriptIsNotLetReadTheFigures()
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/summary?from=2025-03-01&to=2025-03-31", UriKind.Relative));
        get.Headers.Add("Origin", "http://elsewhere.example");
        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri("/api/imports", UriKind.Relative));
        preflight.Headers.Add("Origin", "http://elsewhere.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");

        using var answer = await _client.SendAsync(get);
        using var preflightAnswer = await _client.SendAsync(preflight);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(answer.Headers.Select(h => h.Key), Has.None.StartsWith("Access-Control-"), "CORS headers on a cross-origin GET");
            Assert.That(preflightAnswer.IsSuccessStatusCode, Is.False, "a preflight is not granted");
            Assert.That(preflightAnswer.Headers.Select(h => h.Key), Has.None.StartsWith("Access-Control-"), "CORS headers on a preflight");
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
