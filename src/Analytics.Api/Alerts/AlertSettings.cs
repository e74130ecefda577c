using System.Globalization;

namespace Analytics.Api.Alerts;

/// <summary>The rules' names, as stored and as the settings and the API say them.</summary>
internal static class AlertRules
{
    public const string BelowBand = "below-band";
    public const string StaleShop = "stale-shop";
    public const string MonthBelowLastYear = "month-below-last-year";
    public const string RefundSpike = "refund-spike";
    public const string SharpDrop = "sharp-drop";

    public static readonly IReadOnlyList<string> All = [BelowBand, StaleShop, MonthBelowLastYear, RefundSpike, SharpDrop];

    public static string ChineseName(string rule) => rule switch
    {
        BelowBand => "网络零售额低于预期",
        StaleShop => "店铺停止上传",
        MonthBelowLastYear => "本月预计低于去年同月",
        RefundSpike => "退款率异常升高",
        SharpDrop => "省份或商品销售骤降",
        _ => rule,
    };
}

/// <summary>A JSON POST to one receiver for a set of rules: plain JSON, or the 企业微信 / 钉钉 group robot's body.</summary>
internal sealed record AlertWebhook(string Name, Uri Url, string Preset, IReadOnlyList<string> Rules, string? Secret, int Attempts);

/// <summary>Alerts:… settings (see the README's Settings table); every default is what the demo data's backtest chose.</summary>
internal sealed record AlertSettings
{
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// Alerts:BelowBand:Days of the last Alerts:BelowBand:Window days under the 80% band raise the alert. The band's lower
    /// edge is the 7th percentile and holds 88–93% of days above it out of sample: 3 of 5 then happens by chance about once
    /// a day in a hundred per scope (the demo's 20 scopes: a few episodes a month), 5 of 7 once in a few thousand.
    /// </summary>
    public int BelowBandDays { get; init; } = 5;

    public int BelowBandWindow { get; init; } = 7;

    /// <summary>Alerts:Rises: also warn when sales are above the band (off: only drops matter).</summary>
    public bool Rises { get; init; }

    /// <summary>Alerts:MinDailyYuan: a scope selling less than this per day (last four weeks' mean) raises no sales alert.</summary>
    public decimal MinDailyYuan { get; init; } = 1000;

    /// <summary>Alerts:MonthBelowLastYear:Share, and Alerts:MonthBelowLastYear:FromDay (no projection is judged before it).</summary>
    public double MonthBelowShare { get; init; } = 0.2;

    public int MonthBelowFromDay { get; init; } = 10;

    /// <summary>Alerts:RefundSpike:Z (modified z-score) on Alerts:RefundSpike:Days days in a row.</summary>
    public double RefundSpikeZ { get; init; } = 3.5;

    public int RefundSpikeDays { get; init; } = 2;

    /// <summary>
    /// Alerts:RefundSpike:MinDailyYuan: the refund rate is judged only where each of the days sold at least this much. A
    /// daily share of refunds is a count: a shop of 25–30 orders a day has about one refund a day at 3%, and two days
    /// with two or three refunds each are chance, not a spike. 15,000 yuan is about a hundred orders and three refunds a day.
    /// </summary>
    public decimal RefundSpikeMinDailyYuan { get; init; } = 15000;

    /// <summary>Alerts:SharpDrop:Share below the forecast over the last seven days (and under its 95% band); Alerts:SharpDrop:Products watched.</summary>
    public double SharpDropShare { get; init; } = 0.4;

    public int SharpDropProducts { get; init; } = 20;

    /// <summary>
    /// Alerts:SharpDrop:MinDailyYuan: a province or product selling less than this per day (last four weeks' mean) is not
    /// judged for a sharp drop. Below it a week is a few dozen orders (the demo's smaller provinces sell 6–12 a day), and
    /// over 春节 a handful: one order more or less moves the week by the 40% the rule looks for.
    /// </summary>
    public decimal SharpDropMinDailyYuan { get; init; } = 5000;

    /// <summary>Alerts:RetrySeconds: the first retry's delay; each later one waits twice as long.</summary>
    public double RetrySeconds { get; init; } = 5;

    public IReadOnlyList<AlertWebhook> Webhooks { get; init; } = [];

    public static AlertSettings From(IConfiguration configuration, List<string> problems)
    {
        bool Flag(string key, bool fallback)
        {
            if (configuration[key] is not { Length: > 0 } text)
                return fallback;
            if (bool.TryParse(text, out var value))
                return value;
            problems.Add($"{key} 应为 true 或 false，而不是“{text}”。 / {key} must be true or false, not '{text}'.");
            return fallback;
        }

        double Number(string key, double fallback, double min, double max)
        {
            if (configuration[key] is not { Length: > 0 } text)
                return fallback;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
                return value;
            problems.Add($"{key} 应为 {min}–{max} 之间的数，而不是“{text}”。 / {key} must be a number from {min} to {max}, not '{text}'.");
            return fallback;
        }

        int Whole(string key, int fallback, int min, int max) => (int)Math.Round(Number(key, fallback, min, max));

        var webhooks = new List<AlertWebhook>();
        foreach (var hook in configuration.GetSection("Alerts:Webhooks").GetChildren())
        {
            var prefix = $"Alerts:Webhooks:{hook.Key}";
            if (!Uri.TryCreate(hook["Url"], UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                problems.Add($"{prefix}:Url 应为 http(s) 地址，而不是“{hook["Url"]}”。 / {prefix}:Url must be an http(s) address.");
                continue;
            }
            var preset = (hook["Preset"] ?? "json").Trim().ToLowerInvariant();
            if (preset is not ("json" or "wecom" or "dingtalk"))
            {
                problems.Add($"{prefix}:Preset 应为 json、wecom（企业微信）或 dingtalk（钉钉），而不是“{hook["Preset"]}”。 / {prefix}:Preset must be json, wecom or dingtalk.");
                continue;
            }
            var rules = hook["Rules"] is { Length: > 0 } list
                ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
                : [.. AlertRules.All];
            foreach (var unknown in rules.Except(AlertRules.All))
                problems.Add($"{prefix}:Rules 中的“{unknown}”不是规则；可用：{string.Join(", ", AlertRules.All)}。 / Unknown rule '{unknown}'.");
            webhooks.Add(new AlertWebhook(hook.Key, url, preset, rules, hook["Secret"] is { Length: > 0 } secret ? secret : null,
                Whole($"{prefix}:Attempts", 5, 1, 20)));
        }

        var settings = new AlertSettings
        {
            Enabled = Flag("Alerts:Enabled", true),
            BelowBandDays = Whole("Alerts:BelowBand:Days", 5, 1, 28),
            BelowBandWindow = Whole("Alerts:BelowBand:Window", 7, 1, 28),
            Rises = Flag("Alerts:Rises", false),
            MinDailyYuan = (decimal)Number("Alerts:MinDailyYuan", 1000, 0, 1e9),
            MonthBelowShare = Number("Alerts:MonthBelowLastYear:Share", 0.2, 0.01, 1),
            MonthBelowFromDay = Whole("Alerts:MonthBelowLastYear:FromDay", 10, 1, 28),
            RefundSpikeZ = Number("Alerts:RefundSpike:Z", 3.5, 1, 100),
            RefundSpikeDays = Whole("Alerts:RefundSpike:Days", 2, 1, 14),
            RefundSpikeMinDailyYuan = (decimal)Number("Alerts:RefundSpike:MinDailyYuan", 15000, 0, 1e9),
            SharpDropShare = Number("Alerts:SharpDrop:Share", 0.4, 0.05, 1),
            SharpDropProducts = Whole("Alerts:SharpDrop:Products", 20, 0, 1000),
            SharpDropMinDailyYuan = (decimal)Number("Alerts:SharpDrop:MinDailyYuan", 5000, 0, 1e9),
            RetrySeconds = Number("Alerts:RetrySeconds", 5, 0, 3600),
            Webhooks = webhooks,
        };
        if (settings.BelowBandDays > settings.BelowBandWindow)
            problems.Add($"Alerts:BelowBand:Days（{settings.BelowBandDays}）不能大于 Alerts:BelowBand:Window（{settings.BelowBandWindow}）。 / Days cannot exceed Window.");
        return settings;
    }
}
