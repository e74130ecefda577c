using System.Collections.Concurrent;
using System.Text.Json;
using Analytics.Api.Alerts;
using Analytics.Store;
using Analytics.Tests.Api;
using Analytics.Tests.Forecasts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Alerts;

/// <summary>A robot's address on this machine: it keeps every body posted to it and fails the first few on purpose.</summary>
internal sealed class LocalReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failuresLeft;

    private LocalReceiver(WebApplication app, int failFirst) => (_app, _failuresLeft) = (app, failFirst);

    public ConcurrentQueue<JsonElement> Received { get; } = new();

    public int Attempts;

    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/robot/send?key=test";

    public static async Task<LocalReceiver> StartAsync(int failFirst = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new LocalReceiver(app, failFirst);
        app.MapPost("/robot/send", async (HttpRequest request) =>
        {
            Interlocked.Increment(ref receiver.Attempts);
            if (Interlocked.Decrement(ref receiver._failuresLeft) >= 0)
                return Results.StatusCode(500);
            receiver.Received.Enqueue(await JsonSerializer.DeserializeAsync<JsonElement>(request.Body));
            return Results.Json(new { errcode = 0, errmsg = "ok" });
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed class WebhookTests
{
    private static readonly DateOnly Start = new(2023, 2, 6);

    private static AnalyticsApp App(string url, string preset)
    {
        var app = new AnalyticsApp();
        app.Settings["Clock:Date"] = "2023-04-27";
        app.Settings["Alerts:Webhooks:group:Url"] = url;
        app.Settings["Alerts:Webhooks:group:Preset"] = preset;
        app.Settings["Alerts:Webhooks:group:Rules"] = "below-band";
        app.Settings["Alerts:RetrySeconds"] = "0";
        // A four-day drop is the episode these tests push: judged 3 of 5 days (the default is 5 of 7).
        app.Settings["Alerts:BelowBand:Days"] = "3";
        app.Settings["Alerts:BelowBand:Window"] = "5";
        SalesDays.Write(app, "douyin", "甲店", Start, SalesDays.Steady(Start, 80, 10_000, seed: 1));
        SalesDays.Write(app, "jd", "丙店", Start, SalesDays.Steady(Start, 80, 10_000, seed: 3));
        return app;
    }

    private static async Task Cycle(AnalyticsApp app)
    {
        await app.Services.GetRequiredService<AlertWorker>().EvaluateAsync(CancellationToken.None);
        await app.Services.GetRequiredService<AlertWebhookSender>().DeliverAsync(CancellationToken.None);
    }

    [Test]
    public async Task EachEpisodeIsPushedOnceWhenRaisedAndOnceWhenResolved()
    {
        await using var receiver = await LocalReceiver.StartAsync();
        using var app = App(receiver.Url, "wecom");
        SalesDays.Write(app, "douyin", "甲店", new DateOnly(2023, 4, 22), SalesDays.Steady(new DateOnly(2023, 4, 22), 4, 3_000, seed: 9));

        await Cycle(app);
        var raised = receiver.Received.Count;
        await Cycle(app);
        var afterSecondLook = receiver.Received.Count;
        SalesDays.Write(app, "douyin", "甲店", new DateOnly(2023, 4, 22), SalesDays.Steady(new DateOnly(2023, 4, 22), 4, 10_000, seed: 4));
        await Cycle(app);

        var open = app.Services.GetRequiredService<AnalyticsStore>().Alerts.List(all: true).Count(a => a.Rule == AlertRules.BelowBand);
        var texts = receiver.Received.Select(r => r.GetProperty("text").GetProperty("content").GetString()!).ToList();
        Assert.That(raised, Is.EqualTo(open).And.GreaterThan(0), "one push per episode raised");
        Assert.That(afterSecondLook, Is.EqualTo(raised), "nothing new: nothing pushed");
        Assert.That(receiver.Received, Has.Count.EqualTo(2 * open), "and one more per episode resolved");
        Assert.That(receiver.Received.All(r => r.GetProperty("msgtype").GetString() == "text"), Is.True);
        Assert.That(texts.Count(t => t.StartsWith("【预警】网络零售额低于预期：", StringComparison.Ordinal)), Is.EqualTo(open));
        Assert.That(texts.Count(t => t.StartsWith("【预警解除】", StringComparison.Ordinal)), Is.EqualTo(open));
    }

    [Test]
    public async Task AFailingReceiverIsTriedAgainUntilItAnswers()
    {
        await using var receiver = await LocalReceiver.StartAsync(failFirst: 2);
        using var app = App(receiver.Url, "json");
        SalesDays.Write(app, "douyin", "甲店", new DateOnly(2023, 4, 22), SalesDays.Steady(new DateOnly(2023, 4, 22), 4, 3_000, seed: 9));

        await Cycle(app);

        var episodes = app.Services.GetRequiredService<AnalyticsStore>().Alerts.List(all: false).Count(a => a.Rule == AlertRules.BelowBand);
        var deliveries = app.Services.GetRequiredService<AnalyticsStore>().Alerts.Deliveries("group");
        Assert.That(receiver.Attempts, Is.EqualTo(episodes + 2), "two failures, then every episode delivered");
        Assert.That(receiver.Received, Has.Count.EqualTo(episodes));
        Assert.That(deliveries.All(d => d.SentAt is not null), Is.True);
        Assert.That(deliveries[0].Attempts, Is.EqualTo(3), "the first episode's third attempt went through");
        var body = receiver.Received.First();
        Assert.That(body.GetProperty("event").GetString(), Is.EqualTo("raised"));
        Assert.That(body.GetProperty("alert").GetProperty("rule").GetString(), Is.EqualTo("below-band"));
    }
}
