using System.Diagnostics;

namespace Analytics.Tools.Bench;

/// <summary>One alert one evaluation found: its rule and its scope (kind, key, name), as the store keys an episode.</summary>
public sealed record ReplayedAlert(string Rule, string ScopeKind, string ScopeKey, string ScopeName);

/// <summary>
/// `bench alerts`: replays the warning rules day by day with the service's settings, each day judged as the service
/// would have judged it at noon the day after (only the data through that day), and prints the episodes each rule
/// raised per month, then every episode with its first and last day. A normal month should raise none, so this is
/// how the rules' defaults are chosen and checked.
/// </summary>
public static class AlertReplay
{
    public static Task<int> RunAsync(string database, IForecastLab lab, DateOnly from, DateOnly to, TextWriter output)
    {
        if (!File.Exists(database))
            throw new FileNotFoundException($"No demo database at {database}: build it with `demo` first (about a minute).", database);
        var rules = lab.Rules;
        var open = new Dictionary<string, (ReplayedAlert Alert, DateOnly First, DateOnly Last)>(StringComparer.Ordinal);
        var episodes = new List<(ReplayedAlert Alert, DateOnly First, DateOnly Last)>();
        var clock = Stopwatch.StartNew();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var found = lab.Judge(database, day.AddDays(1)).ToDictionary(Key, StringComparer.Ordinal);
            foreach (var (key, episode) in open.Where(o => !found.ContainsKey(o.Key)).ToList())
            {
                episodes.Add(episode);
                open.Remove(key);
            }
            foreach (var (key, alert) in found)
                open[key] = open.TryGetValue(key, out var episode) ? episode with { Last = day } : (alert, day, day);
        }
        episodes.AddRange(open.Values);
        episodes.Sort((a, b) => a.First.CompareTo(b.First));

        var months = new List<DateOnly>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
            months.Add(month);
        output.WriteLine($"Warnings replayed day by day, {from:yyyy-MM-dd} … {to:yyyy-MM-dd}, with the service's settings (episodes raised, by the month of their first day):");
        output.WriteLine();
        output.WriteLine($"| rule | {string.Join(" | ", months.Select(m => m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)))} | total |");
        output.WriteLine($"|---|{string.Concat(months.Select(_ => "---|"))}---|");
        foreach (var rule in rules)
        {
            var counts = months.Select(m => episodes.Count(e => e.Alert.Rule == rule && e.First.Year == m.Year && e.First.Month == m.Month)).ToList();
            output.WriteLine($"| {rule} | {string.Join(" | ", counts)} | {counts.Sum()} |");
        }
        output.WriteLine();
        foreach (var (alert, first, last) in episodes)
            output.WriteLine($"- {first:MM-dd}…{last:MM-dd} {alert.Rule} {alert.ScopeKind} {alert.ScopeName}");
        output.WriteLine();
        output.WriteLine($"{episodes.Count} episodes; {to.DayNumber - from.DayNumber + 1} days judged in {clock.Elapsed.TotalSeconds:N0} s.");
        return Task.FromResult(0);
    }

    private static string Key(ReplayedAlert alert) => $"{alert.Rule}\u001f{alert.ScopeKind}\u001f{alert.ScopeKey}";
}
