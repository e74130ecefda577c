namespace Analytics.Tests.Screen;

/// <summary>
/// A data refresh updates the page in place: a reload would drop the browser out of full screen on the wall, and
/// re-created elements would restart the scrolling list and flicker.
/// </summary>
public sealed class RefreshTests : ScreenFixture
{
    [Test]
    public async Task RefreshingNeverReloadsThePage()
    {
        await Screen.OpenAsync();
        await Page.EvaluateAsync("() => { window.__marker = 1; }");
        var before = await Screen.StateAsync();

        for (var i = 0; i < 3; i++)
            await Screen.RefreshAsync();

        var after = await Screen.StateAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Page.EvaluateAsync<int?>("() => window.__marker"), Is.EqualTo(1), "a value set in the page survives refreshes");
            Assert.That(await Page.EvaluateAsync<int>("() => performance.getEntriesByType('navigation').length"), Is.EqualTo(1), "navigations");
            Assert.That(after.Refreshes, Is.GreaterThanOrEqualTo(before.Refreshes + 3), "state().refreshes counts the refreshes");
            Assert.That(after.Online, Is.True, "state().online");
        }
    }

    [Test]
    public async Task TheEnterpriseListUpdatesItsRowsInPlace()
    {
        const string Rows = ".scroll-list[data-list=\"enterprises\"] .row[data-key]";
        await Screen.OpenAsync();
        var keys = await Page.Locator(Rows).EvaluateAllAsync<string[]>("rows => rows.map(row => { row.__keptAcrossRefreshes = true; return row.dataset.key; })");
        Assert.That(keys, Is.Not.Empty, ".scroll-list[data-list=enterprises] has rows");

        await Screen.RefreshAsync();
        await Screen.RefreshAsync();

        var rows = BigScreen.Parse<RowAfterRefresh[]>(await Page.Locator(Rows).EvaluateAllAsync<string>(
            "rows => JSON.stringify(rows.map(row => ({ key: row.dataset.key, kept: row.__keptAcrossRefreshes === true })))"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rows.Select(row => row.Key).Distinct(), Is.EquivalentTo(keys.Distinct()), "the same enterprises after refreshing the same data");
            Assert.That(rows.Where(row => !row.Kept).Select(row => row.Key), Is.Empty, "rows re-created instead of updated in place");
        }
    }

    private sealed record RowAfterRefresh(string Key, bool Kept);
}
