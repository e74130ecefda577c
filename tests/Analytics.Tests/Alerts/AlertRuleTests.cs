using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Api.Alerts;
using Analytics.Store;
using Analytics.Tests.Api;
using Analytics.Tests.Forecasts;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Alerts;

/// <summary>
/// Three shops sell steadily from 6 February 2023 (甲店 and 乙店 on Douyin, 丙店 on JD, about 10,000 yuan a day each);
/// the clock stands on 27 April, so the rules judge up to 25 April and below-band watches 21–25 April.
/// </summary>
public sealed class AlertRuleTests
{
    private static readonly DateOnly Start = new(2023, 2, 6);
    private const int Days = 80; // through 2023-04-26

    private static AnalyticsApp App(Dictionary<string, string>? settings = null)
    {
        var app = new AnalyticsApp();
        app.Settings["Clock:Date"] = "2023-04-27";
        // These tests watch 3 of 5 days (a shorter episode to set up); AlertLifecycleTests runs the defaults.
        app.Settings["Alerts:BelowBand:Days"] = "3";
        app.Settings["Alerts:BelowBand:Window"] = "5";
        foreach (var (key, value) in settings ?? [])
            app.Settings[key] = value;
        SalesDays.Write(app, "douyin", "甲店", Start, SalesDays.Steady(Start, Days, 10_000, seed: 1));
        SalesDays.Write(app, "douyin", "乙店", Start, SalesDays.Steady(Start, Days, 10_000, seed: 2));
        SalesDays.Write(app, "jd", "丙店", Start, SalesDays.Steady(Start, Days, 10_000, seed: 3));
        return app;
    }

    private static void Drop(AnalyticsApp app, string shop, DateOnly from, int days, double share) =>
        SalesDays.Write(app, "douyin", shop, from, SalesDays.Steady(from, days, 10_000 * share, seed: 9));

    private static void Recover(AnalyticsApp app, string shop, DateOnly from, int days) =>
        SalesDays.Write(app, "douyin", shop, from, SalesDays.Steady(from, days, 10_000, seed: 4));

    private static Task<AlertChanges> Evaluate(AnalyticsApp app) =>
        app.Services.GetRequiredService<AlertWorker>().EvaluateAsync(CancellationToken.None);

    private static IReadOnlyList<StoredAlert> Open(AnalyticsApp app) => app.Services.GetRequiredService<AnalyticsStore>().Alerts.List(all: false);

    [Test]
    public async Task NormalDaysRaiseNothing()
    {
        using var app = App();

        var changes = await Evaluate(app);

        Assert.That(changes.Raised, Is.Empty, string.Join("\n", Open(app).Select(a => a.Message)));
    }

    [Test]
    public async Task ADropBelowTheBandRaisesOneEpisodePerScopeNamingTheShopThatCausedIt()
    {
        using var app = App();
        Drop(app, "甲店", new DateOnly(2023, 4, 22), 4, 0.3);

        var first = await Evaluate(app);
        var open = Open(app).Where(a => a.Rule == AlertRules.BelowBand).ToDictionary(a => (a.ScopeKind, a.ScopeKey));
        var second = await Evaluate(app);

        Assert.That(open.Keys, Is.SupersetOf(new[] { ("shop", "douyin/甲店"), ("platform", "douyin"), ("county", "") }));
        Assert.That(open.Keys, Does.Not.Contain(("shop", "jd/丙店")));
        var douyin = open[("platform", "douyin")];
        // 21 April, before the drop, may fall under the band by chance: the episode starts on the 21st or the 22nd.
        Assert.That(douyin.Message, Does.Match("^抖音 网络零售额连续 [45] 天低于预期下限").And.EndWith("主要来自 甲店。"));
        Assert.That((douyin.Since, douyin.Cause, douyin.Unit), Is.EqualTo(("2023-04-22", "甲店", "fen")).Or.EqualTo(("2023-04-21", "甲店", "fen")));
        Assert.That(douyin.FigureFen, Is.LessThan(douyin.BoundFen!.Value).And.LessThan(douyin.ExpectedFen!.Value));
        Assert.That(open[("county", "")].Cause, Is.EqualTo("甲店"));
        Assert.That(first.Raised, Has.Count.EqualTo(Open(app).Count));
        Assert.That((second.Raised, second.Resolved), Is.EqualTo((Array.Empty<long>(), Array.Empty<long>())), "judged again, the same episodes stay open");
        Assert.That(Open(app).Select(a => a.Id), Is.EquivalentTo(first.Raised));
    }

    [Test]
    public async Task TwoLowDaysAreNotYetAnAlert()
    {
        using var app = App();
        Recover(app, "甲店", new DateOnly(2023, 4, 21), 3);
        Recover(app, "乙店", new DateOnly(2023, 4, 21), 5);
        Drop(app, "甲店", new DateOnly(2023, 4, 24), 2, 0.3);

        var changes = await Evaluate(app);

        Assert.That(Open(app).Where(a => a.Rule == AlertRules.BelowBand), Is.Empty, "3 of the last 5 days must be low");
        Assert.That(changes.Raised, Is.Empty);
    }

    [Test]
    public async Task AnEpisodeResolvesWhenSalesRecoverAndALaterDropIsANewEpisode()
    {
        using var app = App();
        Drop(app, "甲店", new DateOnly(2023, 4, 22), 4, 0.3);
        var raised = await Evaluate(app);

        Recover(app, "甲店", new DateOnly(2023, 4, 22), 4);
        var recovered = await Evaluate(app);
        Drop(app, "甲店", new DateOnly(2023, 4, 22), 4, 0.2);
        var again = await Evaluate(app);

        Assert.That(recovered.Resolved, Is.EquivalentTo(raised.Raised));
        Assert.That(again.Raised, Is.Not.Empty.And.No.AnyOf(raised.Raised.Cast<object>().ToArray()));
        var history = app.Services.GetRequiredService<AnalyticsStore>().Alerts.List(all: true);
        Assert.That(history.Count(a => a.ResolvedAt is not null), Is.EqualTo(raised.Raised.Count));
    }

    [Test]
    public async Task RisesAreNotAlertsUnlessAskedFor()
    {
        using var quiet = App();
        Drop(quiet, "甲店", new DateOnly(2023, 4, 22), 4, 2.0);
        using var asked = App(new() { ["Alerts:Rises"] = "true" });
        Drop(asked, "甲店", new DateOnly(2023, 4, 22), 4, 2.0);

        await Evaluate(quiet);
        await Evaluate(asked);

        Assert.That(Open(quiet).Where(a => a.Rule == AlertRules.BelowBand), Is.Empty);
        Assert.That(Open(asked).Single(a => a.ScopeKind == "shop").Message, Does.Contain("高于预期上限"));
    }

    [Test]
    public async Task ARefundSpikeRaisesAndResolves()
    {
        using var app = App();
        var from = new DateOnly(2023, 4, 24);
        // 20,000 yuan a day: above the volume under which refunds are too few to be a rate (15,000).
        SalesDays.Write(app, "jd", "丙店", Start, SalesDays.Steady(Start, Days, 20_000, seed: 3),
            [.. Enumerable.Range(0, Days).Select(i => 600.0 + 20 * (i % 5))]);
        SalesDays.Write(app, "jd", "丙店", from, [20_000, 20_000], [4_000, 4_500]);

        var raised = await Evaluate(app);
        var spike = Open(app).Single(a => a.Rule == AlertRules.RefundSpike && a.ScopeKind == "shop");
        SalesDays.Write(app, "jd", "丙店", from, [20_000, 20_000], [620, 640]);
        var resolved = await Evaluate(app);

        Assert.That(spike.Message, Does.StartWith("丙店 退款率连续 2 天异常升高"));
        Assert.That((spike.Unit, spike.FigureValue), Is.EqualTo(("share", 0.1753)), "8,500 of 48,500 yuan paid");
        Assert.That(raised.Raised, Does.Contain(spike.Id));
        Assert.That(resolved.Resolved, Does.Contain(spike.Id));
    }

    [Test]
    public async Task AMonthProjectedWellBelowLastYearRaises()
    {
        using var app = new AnalyticsApp();
        app.Settings["Clock:Date"] = "2023-04-27";
        var from = new DateOnly(2022, 3, 1);
        var values = SalesDays.Steady(from, 422, 10_000, seed: 5);
        for (var i = 31; i < 61; i++)
            values[i] *= 2; // April 2022 sold twice as much
        SalesDays.Write(app, "jd", "丙店", from, values);

        await Evaluate(app);

        var month = Open(app).Single(a => a.Rule == AlertRules.MonthBelowLastYear && a.ScopeKind == "county");
        Assert.That(month.ScopeKey, Is.EqualTo("@2023-04"));
        Assert.That(month.Message, Does.Contain("本月预计网络零售额").And.Contain("比去年同月"));
        Assert.That(month.FigureFen, Is.LessThan(month.BoundFen!.Value));
    }

    [Test]
    public async Task ABureauListsAndAcknowledgesAlertsAndTheDisplayOnlyListsThem()
    {
        using var app = App();
        Drop(app, "甲店", new DateOnly(2023, 4, 22), 4, 0.3);
        await Evaluate(app);
        using var bureau = app.CreateClient();
        using var display = app.CreateClientAs("display");

        var list = await bureau.GetFromJsonAsync<JsonElement>("/api/alerts");
        var id = list.GetProperty("alerts")[0].GetProperty("id").GetInt64();
        var onTheWall = await display.GetFromJsonAsync<JsonElement>("/api/alerts");
        using var displayAcknowledging = await display.PostAsync(new Uri($"/api/alerts/{id}/acknowledge", UriKind.Relative), null);
        using var acknowledged = await bureau.PostAsync(new Uri($"/api/alerts/{id}/acknowledge", UriKind.Relative), null);
        var seen = await acknowledged.Content.ReadFromJsonAsync<JsonElement>();
        using var missing = await bureau.PostAsync(new Uri("/api/alerts/99999/acknowledge", UriKind.Relative), null);

        Assert.That(onTheWall.GetProperty("alerts").GetArrayLength(), Is.EqualTo(list.GetProperty("alerts").GetArrayLength()), "the display lists what the bureau lists");
        Assert.That(displayAcknowledging.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "the display may not acknowledge");
        Assert.That(Open(app).Single(a => a.Id == id).AcknowledgedBy, Is.Not.Null, "acknowledged once, by the bureau");
        Assert.That(list.GetProperty("alerts")[0].GetProperty("status").GetString(), Is.EqualTo("open"));
        Assert.That(list.GetProperty("alerts")[0].GetProperty("unit").GetString(), Is.EqualTo("yuan"));
        Assert.That(seen.GetProperty("status").GetString(), Is.EqualTo("acknowledged"));
        Assert.That(seen.GetProperty("acknowledgedAt").GetString(), Does.StartWith("2023-04-27"));
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
