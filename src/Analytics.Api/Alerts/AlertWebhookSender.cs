using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Analytics.Ingestion.Normalising;
using Analytics.Store;

namespace Analytics.Api.Alerts;

/// <summary>
/// Tells each webhook (Alerts:Webhooks:…) of every episode of its rules once when raised and once when resolved, as a
/// JSON POST: the alert itself, or the body a 企业微信 or 钉钉 group robot takes. A receiver that fails is tried again
/// after Alerts:RetrySeconds, then twice that, up to the webhook's Attempts; what is still undelivered is tried again at
/// the next evaluation, for a day. Runs on the alert worker, never on an import's path.
/// </summary>
internal sealed partial class AlertWebhookSender(AnalyticsStore store, AlertSettings settings, HttpClient http, TimeProvider time, ILogger<AlertWebhookSender> logger)
{
    private static readonly TimeSpan NewsFor = TimeSpan.FromDays(1);

    public async Task DeliverAsync(CancellationToken cancellationToken)
    {
        foreach (var hook in settings.Webhooks)
        {
            var since = time.BeijingNow().DateTime - NewsFor;
            foreach (var pending in store.Alerts.Pending(hook.Name, hook.Rules, since.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)))
                await DeliverAsync(hook, pending, cancellationToken);
        }
    }

    private async Task DeliverAsync(AlertWebhook hook, PendingNotification alert, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromSeconds(settings.RetrySeconds);
        string? error = null;
        for (var attempt = 1; attempt <= hook.Attempts; attempt++)
        {
            try
            {
                using var response = await http.PostAsJsonAsync(Address(hook), Body(hook.Preset, alert), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    await store.Alerts.RecordDeliveryAsync(alert.Id, hook.Name, alert.Event, time.BeijingNowText(), attempt, null, cancellationToken);
                    return;
                }
                error = $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                error = e.Message;
            }
            if (attempt < hook.Attempts)
            {
                await Task.Delay(delay, time, cancellationToken);
                delay *= 2;
            }
        }
        DeliveryFailed(logger, hook.Name, alert.Id, hook.Attempts, error ?? "");
        await store.Alerts.RecordDeliveryAsync(alert.Id, hook.Name, alert.Event, null, hook.Attempts, error, cancellationToken);
    }

    /// <summary>钉钉's signed robots take the time and the HMAC-SHA256 of "time\nsecret" in the query string.</summary>
    private Uri Address(AlertWebhook hook)
    {
        if (hook.Secret is null || hook.Preset != "dingtalk")
            return hook.Url;
        var timestamp = time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var sign = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(hook.Secret), Encoding.UTF8.GetBytes($"{timestamp}\n{hook.Secret}")));
        var separator = string.IsNullOrEmpty(hook.Url.Query) ? "?" : "&";
        return new Uri($"{hook.Url}{separator}timestamp={timestamp}&sign={Uri.EscapeDataString(sign)}");
    }

    /// <summary>The POST body: json (the alert and a text line), wecom or dingtalk (a robot's text message).</summary>
    public static object Body(string preset, PendingNotification alert)
    {
        var text = Text(alert);
        return preset switch
        {
            "wecom" or "dingtalk" => new { msgtype = "text", text = new { content = text } },
            _ => new { @event = alert.Event, text, alert = AlertView.Of(alert) },
        };
    }

    /// <summary>The robot's text: the event, the rule, and the alert's own sentence.</summary>
    public static string Text(PendingNotification alert) => alert.Event == "resolved"
        ? $"【预警解除】{AlertRules.ChineseName(alert.Rule)}：{alert.ScopeName}（{alert.Since} 起）已恢复正常。原预警：{alert.Message}"
        : $"【预警】{AlertRules.ChineseName(alert.Rule)}：{alert.Message}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "预警推送 {Webhook} 失败（预警 #{AlertId}，已试 {Attempts} 次）：{Error}；下次评估后再试")]
    private static partial void DeliveryFailed(ILogger logger, string webhook, long alertId, int attempts, string error);
}

/// <summary>JSON options the webhook bodies share with the API: Chinese as text.</summary>
internal static class AlertJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
