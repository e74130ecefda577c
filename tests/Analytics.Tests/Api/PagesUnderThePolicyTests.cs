using Analytics.Api.Hosting;
using Analytics.Api.Reports;
using Analytics.Store;
using Analytics.Tests.Support;
using Microsoft.Playwright;
using static Analytics.Tests.Support.TitlesThatLookLikeCode;

namespace Analytics.Tests.Api;

/// <summary>
/// The about page and the HTML report in Chromium, over real HTTP, under their Content-Security-Policy: they keep their
/// look (their styles are allowed), nothing is refused, and the report shows names from export files as text.
/// </summary>
[Category("Browser")]
[NonParallelizable]
public sealed class PagesUnderThePolicyTests
{
    private string _folder = "";
    private LiveApp _app = null!;
    private HeadlessChromium _chromium = null!;
    private IPage _page = null!;
    private PageAlarms _alarms = null!;

    [OneTimeSetUp]
    public async Task StartTheServiceWithTheExportAndTheBrowser()
    {
        _folder = Directory.CreateTempSubdirectory("analytics-pages-").FullName;
        // April: March has ended, so its report can be made.
        _app = LiveApp.Start(Path.Combine(_folder, "analytics.db"), new TestClock(AfterTheOrders.AddMonths(1)));
        using (var api = _app.CreateApiClient())
            await UploadAsync(api);
        _chromium = await HeadlessChromium.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _chromium.DisposeAsync();
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [SetUp]
    public async Task OpenATab()
    {
        _page = await _chromium.Browser.NewPageAsync(new() { ExtraHTTPHeaders = _app.HeadersFor(Roles.Bureau) });
        _alarms = await PageAlarms.WatchAsync(_page);
    }

    [TearDown]
    public Task CloseIt() => _page.CloseAsync();

    [Test]
    public async Task TheAboutPageKeepsItsLookWithItsStyleInAFile()
    {
        var response = await _page.GotoAsync(new Uri(_app.Address, "/about").ToString());
        var maxWidth = await _page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('main')).maxWidth");
        var violationsOfThePage = await _alarms.PolicyViolationsAsync();

        // Proof that the policy is in force and the watch sees what it refuses: an inline style attribute is refused.
        await _page.EvaluateAsync("() => document.body.setAttribute('style', 'outline: 3px solid red')");
        var afterAnInlineStyle = await _alarms.PolicyViolationsAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response?.Status, Is.EqualTo(200));
            Assert.That(await response!.HeaderValueAsync("content-security-policy"), Is.EqualTo(ResponseHeaders.PagePolicy));
            Assert.That(maxWidth, Is.EqualTo("1152px"), "72rem from /pages/site.css");
            Assert.That(violationsOfThePage, Is.Empty);
            Assert.That(afterAnInlineStyle, Has.Count.EqualTo(1).And.Some.StartsWith("style-src-attr refused inline"));
        }
    }

    [Test]
    public async Task TheHtmlReportIsStyledShowsNamesAsTextAndRunsNothing()
    {
        var response = await _page.GotoAsync(new Uri(_app.Address, "/api/reports/monthly/2025-03.html").ToString(), new() { Timeout = 60_000 });
        var headingAlignment = await _page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('h1')).textAlign");
        var cells = await _page.Locator("td").AllInnerTextsAsync();
        var charts = await _page.Locator("figure img").CountAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response?.Status, Is.EqualTo(200));
            Assert.That(await response!.HeaderValueAsync("content-security-policy"), Is.EqualTo(HtmlReportWriter.Policy));
            Assert.That(await response.HeaderValueAsync("x-content-type-options"), Is.EqualTo("nosniff"));
            Assert.That(await response.HeaderValueAsync("referrer-policy"), Is.EqualTo("no-referrer"));
            Assert.That(await response.HeaderValueAsync("x-frame-options"), Is.EqualTo("DENY"));
            Assert.That(headingAlignment, Is.EqualTo("center"), "the report's own style block applies");
            Assert.That(charts, Is.EqualTo(2), "both charts, inline PNG images the policy allows");
            Assert.That(cells, Does.Contain(MarkupTitle).And.Contain(FormulaTitle).And.Contain(MarkupShop), "names shown as typed");
            Assert.That(await _alarms.InjectedElementsAsync(), Is.Empty, "elements made from a name");
            Assert.That(await _alarms.PolicyViolationsAsync(), Is.Empty);
            Assert.That(_alarms.Dialogs, Is.Empty);
            Assert.That(_alarms.Errors, Is.Empty);
        }
    }
}
