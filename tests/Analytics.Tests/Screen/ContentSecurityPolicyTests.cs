using System.Collections.Concurrent;
using Analytics.Api.Hosting;
using Analytics.Tests.Support;

namespace Analytics.Tests.Screen;

/// <summary>
/// The screen runs under the service's Content-Security-Policy (no inline script or style) with nothing refused: every
/// view drawn, the canvas scaled, the lists scrolling. (The fixture also fails on any console error, which is where
/// Chromium reports what a policy refused.)
/// </summary>
[Category("Browser")]
public sealed class ContentSecurityPolicyTests : ScreenFixture
{
    [Test]
    public async Task EveryViewIsDrawnWithoutAPolicyViolation()
    {
        var alarms = await PageAlarms.WatchAsync(Page);
        var policies = new ConcurrentQueue<string?>();
        Page.Response += (_, response) =>
        {
            if (response.Request.ResourceType == "document")
                policies.Enqueue(response.Headers.GetValueOrDefault("content-security-policy"));
        };

        await Screen.OpenAsync("/?pages=overview,regions,rankings&rotate=5");
        await Screen.WaitUntilChartsAreDrawnAsync();
        await Page.WaitForFunctionAsync("() => window.bigScreen.state().page === 'rankings'", null, new() { Timeout = 20_000 });
        await Page.WaitForFunctionAsync("() => window.bigScreen.state().page === 'overview'", null, new() { Timeout = 20_000 });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(policies, Is.EqualTo(new[] { ResponseHeaders.PagePolicy }), "the page came with the policy");
            Assert.That(await alarms.PolicyViolationsAsync(), Is.Empty);
            Assert.That(alarms.Errors, Is.Empty);
        }
    }
}
