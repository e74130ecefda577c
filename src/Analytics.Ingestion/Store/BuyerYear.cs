using System.Globalization;
using System.Text;

namespace Analytics.Ingestion.Store;

/// <summary>One buyer's paid order days in one year, with how many orders fell on each, and what they add to the period histograms.</summary>
internal sealed class BuyerYear
{
    private readonly SortedDictionary<DateOnly, int> _orders = [];

    public BuyerYear(int year, string? stored)
    {
        Year = year;
        if (string.IsNullOrEmpty(stored))
            return;
        foreach (var entry in stored.Split(','))
        {
            var day = new DateOnly(year, int.Parse(entry.AsSpan(0, 2), CultureInfo.InvariantCulture), int.Parse(entry.AsSpan(2, 2), CultureInfo.InvariantCulture));
            _orders[day] = entry.Length > 5 ? int.Parse(entry.AsSpan(5), CultureInfo.InvariantCulture) : 1;
        }
    }

    public int Year { get; }

    public bool IsEmpty => _orders.Count == 0;

    public void Add(DateOnly day) => _orders[day] = _orders.GetValueOrDefault(day) + 1;

    public void Remove(DateOnly day)
    {
        if (_orders.TryGetValue(day, out var count))
        {
            if (count > 1) _orders[day] = count - 1;
            else _orders.Remove(day);
        }
    }

    public string Stored()
    {
        var text = new StringBuilder();
        foreach (var (day, count) in _orders)
        {
            if (text.Length > 0) text.Append(',');
            text.Append(CultureInfo.InvariantCulture, $"{day.Month:00}{day.Day:00}");
            if (count > 1) text.Append(CultureInfo.InvariantCulture, $":{count}");
        }
        return text.ToString();
    }

    /// <summary>For every period this buyer ordered in: the day of its first and (if any) second order in that period.</summary>
    public IEnumerable<(string Period, DateOnly First, DateOnly? Second)> Contributions()
    {
        if (_orders.Count == 1)
        {
            // Most buyers order on one day a year: every period of that day starts and (with two orders) repeats there.
            var (day, count) = _orders.First();
            foreach (var period in BuyerPeriods.Of(day))
                yield return (period, day, count >= 2 ? day : null);
            yield break;
        }
        foreach (var periodOf in BuyerPeriods.Kinds)
        {
            foreach (var group in _orders.GroupBy(o => periodOf(o.Key), StringComparer.Ordinal))
            {
                var days = group.ToList();
                var first = days[0];
                DateOnly? second = first.Value >= 2 ? first.Key : days.Count > 1 ? days[1].Key : null;
                yield return (group.Key, first.Key, second);
            }
        }
    }
}

/// <summary>The calendar periods buyer counts are kept for, named as the histogram names them.</summary>
internal static class BuyerPeriods
{
    public static readonly Func<DateOnly, string>[] Kinds = [Day, Week, Month, Quarter, Year];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<DateOnly, string[]> Names = new();

    /// <summary>The names of the day's periods of every kind, made once per day.</summary>
    public static string[] Of(DateOnly day) => Names.GetOrAdd(day, d => Kinds.Select(kind => kind(d)).ToArray());

    public static string Day(DateOnly day) => "D" + Text(day);

    /// <summary>Weeks run Monday to Sunday and are named by their Monday.</summary>
    public static string Week(DateOnly day) => "W" + Text(WeekStart(day));

    public static string Month(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"M{day.Year}-{day.Month:00}");

    public static string Quarter(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"Q{day.Year}-{(day.Month + 2) / 3}");

    public static string Year(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"Y{day.Year}");

    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>
    /// The period whose histogram answers the window [from, to]: the shortest day, week, month, quarter or year that
    /// starts on <paramref name="from"/> and contains <paramref name="to"/>; null when none does. Weeks that run
    /// into another year are left out, because buyer rows are kept per year.
    /// </summary>
    public static string? Starting(DateOnly from, DateOnly to)
    {
        if (from == to)
            return Day(from);
        if (from == WeekStart(from) && to <= from.AddDays(6) && from.AddDays(6).Year == from.Year)
            return Week(from);
        if (from.Day == 1 && to.Year == from.Year && to.Month == from.Month)
            return Month(from);
        if (from.Day == 1 && from.Month % 3 == 1 && to.Year == from.Year && (to.Month + 2) / 3 == (from.Month + 2) / 3)
            return Quarter(from);
        if (from.DayOfYear == 1 && to.Year == from.Year)
            return Year(from);
        return null;
    }

    public static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
