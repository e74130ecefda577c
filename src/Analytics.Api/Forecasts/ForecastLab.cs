using Analytics.Api.Alerts;
using Analytics.Api.Metrics;
using Analytics.Store;
using Analytics.Store.Sales;
using Analytics.Tools.Bench;

namespace Analytics.Api.Forecasts;

/// <summary>The forecasting and warning code as `bench forecast` measures it, over a database file.</summary>
internal sealed class ForecastLab : IForecastLab
{
    private readonly Dictionary<string, AnalyticsStore> _stores = new(StringComparer.Ordinal);
    private readonly ShopDaysCache _shopDays = new();

    public IReadOnlyList<BenchSeries> Series(string database, DateOnly asOf)
    {
        using var data = Store(database).Read();
        var kept = ShopDays.Read(data);
        var window = new SalesScope(asOf.AddDays(1 - SalesForecasts.HistoryDays), asOf);
        var names = data.PlatformNames();
        var series = new List<BenchSeries> { Bench("county", "全县", kept.Series(window, "netSales")) };
        series.AddRange(kept.Shops.Select(s => s.Platform).Distinct().Select(p => Bench("platform", names.GetValueOrDefault(p, p), kept.Series(window with { Platform = p }, "netSales"))));
        series.AddRange(kept.Shops.Select(s => s.Enterprise).Distinct().Select(e => Bench("enterprise", e, kept.Series(window with { Enterprise = e }, "netSales"))));
        return series;
    }

    public IReadOnlyList<BenchScore> Backtest(BenchSeries series, IReadOnlyList<int> horizons)
    {
        var daily = new DailySeries(series.Start, series.Values);
        if (SeriesForecaster.Usable(daily) is not { } history)
            return [];
        var backtest = Forecasts.Backtest.Run(history, ForecastMethods.All);
        var chosen = SeriesForecaster.Choose(backtest, ForecastMethods.All);
        return horizons.Select(h =>
        {
            var score = SeriesForecaster.Score(backtest, chosen, h, coverage: true);
            return new BenchScore(h, chosen.Name(), score.Mase, backtest.Mase(ForecastMethod.SeasonalNaive, 1, h), score.Smape, score.Coverage80, score.Origins);
        }).ToList();
    }

    public void Forecast(string database, string? platform, DateOnly asOf, bool afresh)
    {
        using var data = Store(database).Read();
        if (afresh)
            BacktestCache.Clear(); // as after an import that changed the series: the backtest runs again
        var kept = afresh ? ShopDays.Read(data) : _shopDays.Get(data);
        var lastDay = DateOnly.Parse(data.DaysWithSales().Last!, System.Globalization.CultureInfo.InvariantCulture);
        SalesForecasts.Answer(new SalesMetrics(data), kept, new SalesScope(asOf, asOf) { Platform = platform }, "netSales", 14, asOf, lastDay);
    }

    public IReadOnlyList<string> Alerts(string database, DateOnly today, int belowBandDays, int belowBandWindow, bool allRules)
    {
        using var data = Store(database).Read();
        var settings = new AlertSettings { BelowBandDays = belowBandDays, BelowBandWindow = belowBandWindow };
        // As of that day: only the data through the day before it, as the service would have had it then.
        var evaluation = new AlertEvaluator(data, _shopDays.Get(data), settings, "全县")
            .Evaluate(today.ToDateTime(new TimeOnly(12, 0)), _ => 24 * 365 * 10, dataThrough: today.AddDays(-1), onlyBelowBand: !allRules);
        return evaluation.Findings.Select(f => $"{f.Rule} {f.ScopeName}").ToList();
    }

    public IReadOnlyList<string> Rules => AlertRules.All;

    public IReadOnlyList<ReplayedAlert> Judge(string database, DateOnly today)
    {
        using var data = Store(database).Read();
        var evaluation = new AlertEvaluator(data, _shopDays.Get(data), new AlertSettings(), "全县")
            .Evaluate(today.ToDateTime(new TimeOnly(12, 0)), _ => 48, dataThrough: today.AddDays(-1));
        return evaluation.Findings.Select(f => new ReplayedAlert(f.Rule, f.ScopeKind, f.ScopeKey, f.ScopeName)).ToList();
    }

    private static BenchSeries Bench(string kind, string name, DailySeries series) => new(kind, name, series.Start, series.Values);

    private AnalyticsStore Store(string database)
    {
        if (!_stores.TryGetValue(database, out var store))
            _stores[database] = store = new AnalyticsStore(new StoreOptions { DatabasePath = database }, TimeProvider.System);
        return store;
    }
}
