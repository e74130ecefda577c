using System.Diagnostics;
using System.Globalization;

namespace Analytics.Tools.Bench;

/// <summary>A daily series to backtest: its kind (county, platform, enterprise, generated), name, first day and values.</summary>
public sealed record BenchSeries(string Kind, string Name, DateOnly Start, double[] Values);

/// <summary>The backtest of one series over horizons 1…h: the chosen model against the seasonal naive forecast on the same origins.</summary>
public sealed record BenchScore(int Horizon, string Model, double? Mase, double? NaiveMase, double? Smape, double? Coverage80, int Origins);

/// <summary>
/// What the benchmark asks of the service's forecasting and warning code, which this project may not reference: the
/// service passes itself in (as `bench api` is given the service's command).
/// </summary>
public interface IForecastLab
{
    /// <summary>The county's, each platform's and each enterprise's daily net sales through <paramref name="asOf"/>.</summary>
    IReadOnlyList<BenchSeries> Series(string database, DateOnly asOf);

    IReadOnlyList<BenchScore> Backtest(BenchSeries series, IReadOnlyList<int> horizons);

    /// <summary>One GET /api/forecast as the endpoint computes it; <paramref name="afresh"/> also reads the shop days and runs the backtest again.</summary>
    void Forecast(string database, string? platform, DateOnly asOf, bool afresh);

    /// <summary>Every rule (or only below-band) once, judged as on <paramref name="today"/>; the alerts it finds, as "rule scope".</summary>
    IReadOnlyList<string> Alerts(string database, DateOnly today, int belowBandDays, int belowBandWindow, bool allRules);

    /// <summary>The rules the service judges, in its order.</summary>
    IReadOnlyList<string> Rules { get; }

    /// <summary>Every rule once with the service's default settings, as at noon on <paramref name="today"/> with the data through the day before.</summary>
    IReadOnlyList<ReplayedAlert> Judge(string database, DateOnly today);
}

/// <summary>
/// `bench forecast`: backtests every county, platform and enterprise series of the demo data and a generated two-year
/// series with known seasonality and events (MASE, sMAPE, 80% coverage at 7, 14 and 30 days), times the forecast call
/// and one evaluation of every warning rule, and replays the warnings day by day over the demo's last half year for
/// several persistence settings (how many a normal half year raises).
/// </summary>
public static class ForecastBenchmark
{
    private static readonly int[] Horizons = [7, 14, 30];
    private const int Runs = 40;

    public static Task<int> RunAsync(string database, IForecastLab lab, TextWriter output)
    {
        if (!File.Exists(database))
            throw new FileNotFoundException($"No demo database at {database}: build it with `demo` first (about a minute).", database);
        var asOf = new DateOnly(2023, 6, 30);
        var series = lab.Series(database, asOf).Append(Generated.TwoYears(asOf)).ToList();

        output.WriteLine($"Backtest by rolling origin (up to 26 weekly origins before {asOf:yyyy-MM-dd}; scores over horizons 1…h):");
        output.WriteLine();
        output.WriteLine("| series | model | h | MASE | naive MASE | ratio | sMAPE | 80% coverage |");
        output.WriteLine("|---|---|---|---|---|---|---|---|");
        var clock = Stopwatch.StartNew();
        foreach (var one in series)
        {
            foreach (var score in lab.Backtest(one, Horizons))
            {
                output.WriteLine($"| {one.Kind} {one.Name} | {score.Model} | {score.Horizon} | {F(score.Mase)} | {F(score.NaiveMase)} | " +
                                 $"{F(score.Mase / score.NaiveMase)} | {P(score.Smape)} | {P(score.Coverage80)} |");
            }
        }
        output.WriteLine();
        output.WriteLine($"All {series.Count} series backtested and forecast in {clock.Elapsed.TotalMilliseconds:N0} ms.");

        var kept = Time(() => lab.Forecast(database, null, asOf, afresh: false));
        var platform = Time(() => lab.Forecast(database, "douyin", asOf, afresh: false));
        var afresh = Time(() => lab.Forecast(database, null, asOf, afresh: true));
        output.WriteLine();
        output.WriteLine("| forecast call (netSales, horizon 14, demo data) | p50 | p95 |");
        output.WriteLine("|---|---|---|");
        output.WriteLine($"| county, shop days kept | {Ms(kept, 50)} | {Ms(kept, 95)} |");
        output.WriteLine($"| one platform, shop days kept | {Ms(platform, 50)} | {Ms(platform, 95)} |");
        output.WriteLine($"| county, first call after an import (shop days read and the backtest run again) | {Ms(afresh, 50)} | {Ms(afresh, 95)} |");

        clock.Restart();
        var found = lab.Alerts(database, asOf.AddDays(1), 3, 5, allRules: true);
        output.WriteLine();
        output.WriteLine($"One evaluation of every warning rule on {asOf.AddDays(1):yyyy-MM-dd}: {clock.Elapsed.TotalMilliseconds:N0} ms, {found.Count} alerts{(found.Count == 0 ? "" : ": " + string.Join("; ", found))}.");

        output.WriteLine();
        output.WriteLine("Warnings replayed day by day, 2023-01-01 … 2023-06-30 (episodes raised; a normal half year should raise none):");
        output.WriteLine();
        output.WriteLine("| rules | below-band: days of window | episodes | alerts (first day) |");
        output.WriteLine("|---|---|---|---|");
        // Persistence alone; `bench alerts` replays every rule with the service's settings, month by month.
        foreach (var (days, window, all) in new[] { (2, 3, false), (3, 5, false), (4, 7, false), (5, 7, false) })
        {
            clock.Restart();
            var episodes = Replay(lab, database, new DateOnly(2023, 1, 1), asOf, days, window, all);
            output.WriteLine($"| {(all ? "all" : "below-band only")} | {days} of {window} | {episodes.Count} | " +
                             $"{string.Join("; ", episodes.Take(8))}{(episodes.Count > 8 ? " …" : "")} |");
            Console.Error.WriteLine($"replayed {days} of {window} in {clock.Elapsed.TotalSeconds:N0} s");
        }
        return Task.FromResult(0);
    }

    /// <summary>Episodes: an alert found on a day when it was not found the day before.</summary>
    private static List<string> Replay(IForecastLab lab, string database, DateOnly from, DateOnly to, int days, int window, bool allRules)
    {
        var episodes = new List<string>();
        var open = new HashSet<string>(StringComparer.Ordinal);
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var found = lab.Alerts(database, day.AddDays(1), days, window, allRules).ToHashSet(StringComparer.Ordinal);
            episodes.AddRange(found.Where(f => !open.Contains(f)).Select(f => $"{f} ({day:MM-dd})"));
            open = found;
        }
        return episodes;
    }

    private static List<double> Time(Action call)
    {
        call();
        var times = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            call();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times;
    }

    private static string Ms(List<double> sorted, int percentile) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)].ToString("N1", CultureInfo.InvariantCulture) + " ms";

    private static string F(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    private static string P(double? value) => value is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";

    /// <summary>A series whose truth is known: level, trend, weekly pattern, events, and noise, from a fixed seed.</summary>
    private static class Generated
    {
        public static BenchSeries TwoYears(DateOnly last)
        {
            var random = new Random(20230630);
            var start = last.AddDays(-729);
            double[] week = [0.95, 0.97, 0.98, 1.0, 1.02, 1.06, 1.02]; // Monday … Sunday
            var values = new double[730];
            for (var i = 0; i < values.Length; i++)
            {
                var day = start.AddDays(i);
                var level = 20_000 * (1 + 0.25 * i / 365.0);
                var noise = Math.Exp(0.08 * Gaussian(random));
                values[i] = level * week[((int)day.DayOfWeek + 6) % 7] * Event(day) * noise;
            }
            return new BenchSeries("generated", "two years, weekly season, 618/双11/双12/年货节, 8% noise", start, values);
        }

        private static double Event(DateOnly day)
        {
            DateOnly[] festivals = [new(2022, 2, 1), new(2023, 1, 22), new(2024, 2, 10)];
            foreach (var festival in festivals)
            {
                var offset = day.DayNumber - festival.DayNumber;
                if (offset is >= -20 and <= -4)
                    return 1.6;
                if (offset is >= -2 and <= 5)
                    return 0.5;
            }
            return (day.Month, day.Day) switch
            {
                (6, 18) => 3.0,
                (6, < 18) => 1.3,
                (11, 11) => 4.0,
                (11, < 11) or (10, 31) => 1.4,
                (12, 12) => 2.0,
                _ => 1.0,
            };
        }

        private static double Gaussian(Random random) =>
            Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
    }
}
