namespace Analytics.Tests.Screen;

/// <summary>A wall with more to show than fits cycles through its views on a timer the operator sets in the URL.</summary>
public sealed class RotationTests : ScreenFixture
{
    [Test]
    public async Task ViewsRotateEveryRotateSeconds()
    {
        await Page.Clock.InstallAsync(new() { TimeString = "2023-06-30T10:00:00+08:00" });
        await Screen.OpenAsync("/?pages=overview,rankings&rotate=10");
        var first = await ActiveViewsAsync();

        await Page.Clock.RunForAsync(10_000);
        var second = await ActiveViewsAsync();
        var secondState = await Screen.StateAsync();

        await Page.Clock.RunForAsync(10_000);
        var third = await ActiveViewsAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.EqualTo(new[] { "overview" }), "the active view at first");
            Assert.That(second, Is.EqualTo(new[] { "rankings" }), "the active view after 10 s");
            Assert.That(secondState.Page, Is.EqualTo("rankings"), "state().page after 10 s");
            Assert.That(third, Is.EqualTo(new[] { "overview" }), "the active view after 20 s");
        }
    }

    private Task<string[]> ActiveViewsAsync() => Page.Locator(".view.active").EvaluateAllAsync<string[]>("views => views.map(view => view.dataset.view)");
}
