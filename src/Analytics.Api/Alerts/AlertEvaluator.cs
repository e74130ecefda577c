using System.Globalization;
using Analytics.Api.Forecasts;
using Analytics.Api.Metrics;
using Analytics.Store;
using Analytics.Store.Sales;

namespace Analytics.Api.Alerts;

/// <summary>What one evaluation found, the rules it judged and the last day it judged.</summary>
internal sealed record AlertEvaluation(IReadOnlyList<AlertFinding> Findings, IReadOnlyList<string> RulesEvaluated, DateOnly? LastDayJudged);

/// <summary>
/// Judges every rule over the data as it stands (one reading session), for the day before <c>today</c> and the days
/// before it. Sales are judged up to the day before the data's last day (that day is usually still being exported),
/// and not at all when the data is over a month old. A shop that stopped uploading raises <c>stale-shop</c> only: its
/// missing days are left out of its platform's, enterprise's and the county's series, so one late operator does not
/// set off four alerts.
/// </summary>
internal sealed class AlertEvaluator(StoreReads data, ShopDays kept, AlertSettings settings, string county)
{
    private const int HistoryDays = SalesForecasts.HistoryDays;
    private const int DropDays = 7;
    private readonly IReadOnlyDictionary<string, string> _platformNames = data.PlatformNames();

    /// <param name="dataThrough">judge as if the data ended on this day (the benchmark's replay of past days).</param>
    /// <param name="onlyBelowBand">judge below-band alone (the benchmark's replay of its settings).</param>
    public AlertEvaluation Evaluate(DateTime beijingNow, Func<string, int> expectedEveryHours, DateOnly? dataThrough = null, bool onlyBelowBand = false)
    {
        var findings = new List<AlertFinding>();
        var freshness = new SalesMetrics(data).Freshness(beijingNow, expectedEveryHours);
        if (dataThrough is { } replayed)
            freshness = AsOf(freshness, replayed, beijingNow);
        if (!onlyBelowBand)
            findings.AddRange(StaleShops(freshness, beijingNow));
        var stale = freshness.Where(f => f.Stale).Select(f => (f.Platform, f.Shop)).ToHashSet();

        var today = DateOnly.FromDateTime(beijingNow);
        DateOnly? judged = null;
        var last = dataThrough is { } through && through < kept.To ? through : kept.To;
        if (today.DayNumber - last.DayNumber <= SalesForecasts.MaxDataGapDays && kept.Shops.Count > 0)
        {
            var end = (today < last ? today : last).AddDays(-1);
            judged = end;
            bool Fresh(ShopDaySeries shop) => !stale.Contains((shop.Platform, shop.Shop));
            var scopes = Scopes(end, Fresh).ToList();
            foreach (var scope in scopes)
            {
                findings.AddRange(BelowBand(scope, end, scopes));
                if (onlyBelowBand)
                    continue;
                findings.AddRange(RefundSpike(scope, end));
                if (scope.Kind is "county" or "platform" or "enterprise")
                    findings.AddRange(MonthBelowLastYear(scope, end));
            }
            if (!onlyBelowBand)
                findings.AddRange(SharpDrops(end));
        }
        return new AlertEvaluation(findings, AlertRules.All, judged);
    }

    /// <summary>The county, each platform, enterprise and shop, with their net sales, gmv and refunds per day (fresh shops only).</summary>
    private IEnumerable<WatchedScope> Scopes(DateOnly end, Func<ShopDaySeries, bool> fresh)
    {
        var window = new SalesScope(end.AddDays(1 - HistoryDays), end);
        WatchedScope Of(string kind, string key, string name, SalesScope scope, string? enterprise = null) => new(kind, key, name, enterprise, scope,
            kept.Series(scope, "netSales", fresh), kept.Series(scope, "gmv", fresh), kept.Series(scope, "refunds", fresh));
        yield return Of("county", "", county, window);
        foreach (var platform in kept.Shops.Select(s => s.Platform).Distinct())
            yield return Of("platform", platform, _platformNames.GetValueOrDefault(platform, platform), window with { Platform = platform });
        foreach (var enterprise in kept.Shops.Select(s => s.Enterprise).Distinct())
            yield return Of("enterprise", enterprise, enterprise, window with { Enterprise = enterprise }, enterprise);
        foreach (var shop in kept.Shops.Where(fresh))
            yield return Of("shop", $"{shop.Platform}/{shop.Shop}", shop.Shop, window with { Platform = shop.Platform, Shop = shop.Shop }, shop.Enterprise);
    }

    private bool Enough(DailySeries series, DateOnly before, decimal? minimum = null) =>
        (decimal)series.Between(before.AddDays(-28), before.AddDays(-1)).DefaultIfEmpty(0).Average() >= (minimum ?? settings.MinDailyYuan);

    /// <summary>
    /// Whether the series' own history has shown every calendar event of the <paramref name="days"/> judged after it. A
    /// province or product that began selling this year has never been through a Spring Festival: its forecast knows
    /// nothing of the lull, and the lull would read as a collapse. Such days are not judged for that series.
    /// </summary>
    private static bool Knows(SeriesForecast forecast, int days)
    {
        EventEffects? seen = null;
        for (var h = 1; h <= days; h++)
        {
            if (SalesCalendar.EventOf(forecast.Last.AddDays(h)) is not { } name)
                continue;
            seen ??= EventEffects.Measure(forecast.History);
            if (!seen.Effects.ContainsKey(name))
                return false;
        }
        return true;
    }

    private IEnumerable<AlertFinding> BelowBand(WatchedScope scope, DateOnly end, IReadOnlyList<WatchedScope> all)
    {
        var window = settings.BelowBandWindow;
        var origin = end.AddDays(-window);
        if (!Enough(scope.NetSales, origin.AddDays(1)))
            yield break;
        if (SeriesForecaster.Forecast(scope.NetSales.Through(origin), window, window) is not { } forecast || !Knows(forecast, window))
            yield break;
        var below = new List<DateOnly>();
        var above = new List<DateOnly>();
        for (var h = 1; h <= window; h++)
        {
            var day = origin.AddDays(h);
            if (scope.NetSales[day] < forecast.Bands[h - 1].Lower)
                below.Add(day);
            else if (scope.NetSales[day] > forecast.Bands[h - 1].Upper)
                above.Add(day);
        }
        foreach (var (days, drop) in new[] { (below, true), (above, false) })
        {
            if (days.Count < settings.BelowBandDays || (!drop && !settings.Rises))
                continue;
            var actual = days.Sum(d => scope.NetSales[d]);
            var expected = days.Sum(d => forecast.On(d));
            var bound = days.Sum(d => drop ? forecast.Bands[d.DayNumber - origin.DayNumber - 1].Lower : forecast.Bands[d.DayNumber - origin.DayNumber - 1].Upper);
            var inARow = days[^1] == end && days.Count == end.DayNumber - days[0].DayNumber + 1;
            var how = inARow ? $"连续 {days.Count} 天" : $"近 {window} 天中有 {days.Count} 天";
            var cause = drop ? GapCause.Explain(scope, all, days, origin) : null;
            yield return new AlertFinding
            {
                Rule = AlertRules.BelowBand, ScopeKind = scope.Kind, ScopeKey = drop ? scope.Key : scope.Key + "↑", ScopeName = scope.Name,
                Since = Day(days[0]), Unit = "fen", FigureFen = Fen(actual), ExpectedFen = Fen(expected), BoundFen = Fen(bound), Cause = cause,
                Message = $"{scope.Name} 网络零售额{how}{(drop ? "低于预期下限" : "高于预期上限")}（{Day(days[0])} 起这几天合计 {Yuan(actual)} 元，" +
                          $"预期 {Yuan(expected)} 元，80% 区间{(drop ? "下限" : "上限")} {Yuan(bound)} 元）" + (cause is null ? "。" : $"，主要来自 {cause}。"),
            };
        }
    }

    private IEnumerable<AlertFinding> MonthBelowLastYear(WatchedScope scope, DateOnly end)
    {
        if (end.Day < settings.MonthBelowFromDay)
            yield break;
        var monthStart = new DateOnly(end.Year, end.Month, 1);
        var monthEnd = monthStart.AddMonths(1).AddDays(-1);
        var daysInMonth = monthEnd.Day;
        if (SeriesForecaster.Forecast(scope.NetSales, Math.Max(1, monthEnd.DayNumber - end.DayNumber), Backtest.Horizon) is not { } forecast)
            yield break;
        var projection = SalesForecasts.Project(forecast, scope.NetSales, monthStart, monthEnd, monthStart.ToString("yyyy-MM", CultureInfo.InvariantCulture), 2);
        if (projection.LastYear is not { } lastYear || lastYear < settings.MinDailyYuan * daysInMonth)
            yield break;
        var bound = lastYear * (decimal)(1 - settings.MonthBelowShare);
        if (projection.Value >= bound)
            yield break;
        var share = 1 - projection.Value / lastYear;
        yield return new AlertFinding
        {
            Rule = AlertRules.MonthBelowLastYear, ScopeKind = scope.Kind, ScopeKey = $"{scope.Key}@{projection.Period}", ScopeName = scope.Name,
            Since = Day(end), Unit = "fen", FigureFen = Fen((double)projection.Value), ExpectedFen = Fen((double)lastYear), BoundFen = Fen((double)bound),
            Message = $"{scope.Name} {projection.Period} 本月预计网络零售额 {Yuan((double)projection.Value)} 元（80% 区间 {Yuan((double)projection.Lower)}–{Yuan((double)projection.Upper)} 元），" +
                      $"比去年同月 {Yuan((double)lastYear)} 元低 {share:P0}（预警线：低 {settings.MonthBelowShare:P0}）。",
        };
    }

    private IEnumerable<AlertFinding> RefundSpike(WatchedScope scope, DateOnly end)
    {
        var days = settings.RefundSpikeDays;
        var recent = Enumerable.Range(0, days).Select(i => end.AddDays(-i)).ToList();
        if (recent.Any(d => (decimal)scope.Gmv[d] < Math.Max(settings.MinDailyYuan, settings.RefundSpikeMinDailyYuan)))
            yield break;
        var baseline = Enumerable.Range(days, 56).Select(i => end.AddDays(-i)).Where(d => d >= scope.Gmv.Start && scope.Gmv[d] > 0)
            .Select(d => scope.Refunds[d] / scope.Gmv[d]).ToList();
        if (baseline.Count < 28)
            yield break;
        var (median, spread) = RobustZ.Centre(baseline);
        if (spread <= 0)
            yield break;
        var shares = recent.Select(d => scope.Refunds[d] / scope.Gmv[d]).ToList();
        if (shares.Any(share => RobustZ.Score(share, median, spread) <= settings.RefundSpikeZ))
            yield break;
        var share = recent.Sum(d => scope.Refunds[d]) / recent.Sum(d => scope.Gmv[d]);
        var bound = median + settings.RefundSpikeZ * spread;
        yield return new AlertFinding
        {
            Rule = AlertRules.RefundSpike, ScopeKind = scope.Kind, ScopeKey = scope.Key, ScopeName = scope.Name, Since = Day(recent[^1]),
            Unit = "share", FigureValue = Math.Round(share, 4), ExpectedValue = Math.Round(median, 4), BoundValue = Math.Round(bound, 4),
            Message = $"{scope.Name} 退款率连续 {days} 天异常升高：{Day(recent[^1])} 起为 {share:P1}，前八周中位数 {median:P1}（稳健 z 值超过 {settings.RefundSpikeZ}，即高于 {bound:P1}）。",
        };
    }

    /// <summary>Provinces and the best-selling products whose last seven days fell far under their own 95% band.</summary>
    private IEnumerable<AlertFinding> SharpDrops(DateOnly end)
    {
        var window = new SalesScope(end.AddDays(-399), end);
        var origin = end.AddDays(-DropDays);
        var metrics = new SalesMetrics(data);
        var provinces = metrics.SeriesBy(window, RankingDimension.All["provinces"], "netSales").Where(p => p.Key != "")
            .Select(p => (Kind: "province", p.Key, p.Name, p.Values));
        var products = metrics.SeriesBy(window, RankingDimension.All["products"], "netSales")
            .OrderByDescending(p => p.Values.Between(origin.AddDays(-27), origin).Sum()).Take(settings.SharpDropProducts)
            .Select(p => (Kind: "product", Key: $"{p.Platform}/{p.Shop}/{p.Key}", p.Name, p.Values));
        foreach (var (kind, key, name, values) in provinces.Concat(products))
        {
            if (!Enough(values, origin.AddDays(1), Math.Max(settings.MinDailyYuan, settings.SharpDropMinDailyYuan)) || SeriesForecaster.Forecast(values.Through(origin), DropDays, DropDays) is not { } forecast ||
                !Knows(forecast, DropDays))
                continue;
            var actual = values.Between(origin.AddDays(1), end).Sum();
            var expected = forecast.Values.Sum();
            var band = forecast.Errors.AroundSum(expected, DropDays);
            if (actual >= band.Lower95 || actual > (1 - settings.SharpDropShare) * expected)
                continue;
            var what = kind == "province" ? $"销往{name}的网络零售额" : $"商品“{name}”网络零售额";
            yield return new AlertFinding
            {
                Rule = AlertRules.SharpDrop, ScopeKind = kind, ScopeKey = key, ScopeName = name, Since = Day(origin.AddDays(1)), Unit = "fen",
                FigureFen = Fen(actual), ExpectedFen = Fen(expected), BoundFen = Fen(band.Lower95),
                Message = $"{what}近 7 天骤降：{Yuan(actual)} 元，预期 {Yuan(expected)} 元（低 {1 - actual / expected:P0}，95% 区间下限 {Yuan(band.Lower95)} 元）。",
            };
        }
    }

    /// <summary>
    /// Freshness as it stood when the data ended on <paramref name="through"/> (a replay of past days): each shop's latest
    /// payment is its last day with orders up to then, taken as that day's end, and judged against the same interval.
    /// </summary>
    private List<ShopFreshness> AsOf(IReadOnlyList<ShopFreshness> freshness, DateOnly through, DateTime now)
    {
        var lastDays = kept.Shops.ToDictionary(s => (s.Platform, s.Shop), s =>
        {
            for (var i = Math.Min(s.Orders.Length - 1, through.DayNumber - kept.From.DayNumber); i >= 0; i--)
            {
                if (s.Orders[i] > 0)
                    return kept.From.AddDays(i);
            }
            return (DateOnly?)null;
        });
        return [.. freshness.Select(shop =>
        {
            if (lastDays.GetValueOrDefault((shop.Platform, shop.Shop)) is not { } last)
                return shop with { LatestPaidAt = null, Stale = false }; // not yet selling then: nothing to miss
            var latest = last.ToDateTime(new TimeOnly(23, 59, 59));
            return shop with
            {
                LatestPaidAt = latest.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                Stale = now - latest > TimeSpan.FromHours(shop.ExpectedEveryHours),
            };
        })];
    }

    private static IEnumerable<AlertFinding> StaleShops(IReadOnlyList<ShopFreshness> freshness, DateTime now)
    {
        foreach (var shop in freshness.Where(f => f.Stale && f.LatestPaidAt is not null))
        {
            var latest = DateTime.Parse(shop.LatestPaidAt!, CultureInfo.InvariantCulture);
            var hours = Math.Floor((now - latest).TotalHours);
            yield return new AlertFinding
            {
                Rule = AlertRules.StaleShop, ScopeKind = "shop", ScopeKey = $"{shop.Platform}/{shop.Shop}", ScopeName = shop.Shop,
                Since = shop.LatestPaidAt![..10], Unit = "hours", FigureValue = hours, ExpectedValue = shop.ExpectedEveryHours, BoundValue = shop.ExpectedEveryHours,
                Message = $"{shop.PlatformName} {shop.Shop} 已 {hours:N0} 小时没有新数据（最新付款时间 {shop.LatestPaidAt}，最近一次导入 {shop.LastImportAt}），应至少每 {shop.ExpectedEveryHours} 小时上传一次。",
            };
        }
    }

    private static long Fen(double yuan) => (long)Math.Round(yuan * 100, MidpointRounding.AwayFromZero);

    private static string Yuan(double yuan) => yuan.ToString("N0", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => SalesScope.Text(day);
}

/// <summary>A scope the rules watch, with its daily net sales, gmv and refunds (yuan) over the evaluation's history.</summary>
/// <param name="Enterprise">the enterprise of a shop, or the enterprise itself; null for the county and platforms.</param>
internal sealed record WatchedScope(string Kind, string Key, string Name, string? Enterprise, SalesScope Scope, DailySeries NetSales, DailySeries Gmv, DailySeries Refunds);
