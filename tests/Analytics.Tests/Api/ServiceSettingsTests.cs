using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Analytics.Tests.Api;

/// <summary>Settings are read once and checked before the service starts: a typo stops the start and names the key.</summary>
public sealed class ServiceSettingsTests
{
    [Test]
    public void AnUnreadableSettingStopsTheStartNamingTheKeyAndTheValue()
    {
        using var app = new AnalyticsApp { Settings = { ["Clock:Date"] = "2023-6-31", ["Freshness:UploadIntervalHours:jd"] = "一天" } };

        var refused = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.That(refused!.Message, Does.Contain("Clock:Date").And.Contain("2023-6-31"));
        Assert.That(refused.Message, Does.Contain("Freshness:UploadIntervalHours:jd").And.Contain("一天"));
    }

    [Test]
    public async Task SettingsGivenAreTheOnesServed()
    {
        using var app = new AnalyticsApp { Settings = { ["Clock:Date"] = "2023-06-30", ["Screen:Title"] = "禾丰县数据大屏" } };
        using var client = app.CreateClient();

        var clock = await client.GetFromJsonAsync<JsonElement>("/api/clock");

        Assert.That(clock.GetProperty("today").GetString(), Is.EqualTo("2023-06-30"));
        Assert.That(clock.GetProperty("title").GetString(), Is.EqualTo("禾丰县数据大屏"));
    }
}
