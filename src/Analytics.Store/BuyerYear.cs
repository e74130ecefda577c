using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Analytics.Store;

/// <summary>
/// One buyer's paid order days in one year, with how many orders fell on each, and what they add to the period
/// histograms. One instance is reused for every buyer-year of an import (<see cref="Load"/>), because a million-line
/// import walks hundreds of thousands of them.
/// </summary>
internal sealed class BuyerYear
{
    private readonly SortedDictionary<DateOnly, int> _orders = [];
    private readonly StringBuilder _text = new();

    public BuyerYear(int year, string? stored) => Load(year, stored);

    public int Year { get; private set; }

    public bool IsEmpty => _orders.Count == 0;

    /// <summary>Forgets the previous buyer-year and reads <paramref name="stored"/> (the <c>buyer_years.days</c> text: <c>MMDD[:count],…</c>).</summary>
    public void Load(int year, string? stored)
    {
        Year = year;
        _orders.Clear();
        if (string.IsNullOrEmpty(stored))
            return;
        foreach (var range in stored.AsSpan().Split(','))
        {
            var entry = stored.AsSpan()[range];
            var day = new DateOnly(year, int.Parse(entry[..2], CultureInfo.InvariantCulture), int.Parse(entry[2..4], CultureInfo.InvariantCulture));
            _orders[day] = entry.Length > 5 ? int.Parse(entry[5..], CultureInfo.InvariantCulture) : 1;
        }
    }

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
        _text.Clear();
        foreach (var (day, count) in _orders)
        {
            if (_text.Length > 0) _text.Append(',');
            _text.Append(CultureInfo.InvariantCulture, $"{day.Month:00}{day.Day:00}");
            if (count > 1) _text.Append(CultureInfo.InvariantCulture, $":{count}");
        }
        return _text.ToString();
    }

    /// <summary>
    /// Adds <paramref name="sign"/> to the histogram for every period this buyer ordered in: a first at the day of
    /// its first order there, a second at the day of its second (if any).
    /// </summary>
    public void Count(PeriodHistogram histogram, int sign)
    {
        if (_orders.Count == 1)
        {
            // Most buyers order on one day a year: every period of that day starts and (with two orders) repeats there.
            var (day, count) = _orders.First();
            foreach (var kind in BuyerPeriods.AllKinds)
                histogram.Add(kind, BuyerPeriods.StartOf(kind, day), day, count >= 2 ? day : null, sign);
            return;
        }
        foreach (var kind in BuyerPeriods.AllKinds)
        {
            DateOnly? start = null;
            DateOnly first = default;
            var seen = 0;
            foreach (var (day, count) in _orders)
            {
                var periodStart = BuyerPeriods.StartOf(kind, day);
                if (periodStart != start)
                {
                    if (start is { } previous && seen == 1)
                        histogram.Add(kind, previous, first, null, sign);
                    (start, first, seen) = (periodStart, day, count);
                    if (count >= 2)
                        histogram.Add(kind, periodStart, day, day, sign);
                }
                else if (seen++ == 1)
                {
                    histogram.Add(kind, periodStart, first, day, sign);
                }
            }
            if (start is { } last && seen == 1)
                histogram.Add(kind, last, first, null, sign);
        }
    }
}

/// <summary>
/// Changes to <c>buyer_period_days</c> summed in memory: per period and day, buyers whose first and second order in
/// that period fell on that day. Keyed by one integer (kind, period start, day) so a million orders cost no string hashing.
/// </summary>
internal sealed class PeriodHistogram
{
    private readonly Dictionary<long, (long Firsts, long Seconds)> _changes = [];

    public void Add(PeriodKind kind, DateOnly start, DateOnly first, DateOnly? second, int sign)
    {
        ref var atFirst = ref CollectionsMarshal.GetValueRefOrAddDefault(_changes, Key(kind, start, first), out _);
        atFirst.Firsts += sign;
        if (second is { } day)
        {
            ref var atSecond = ref CollectionsMarshal.GetValueRefOrAddDefault(_changes, Key(kind, start, day), out _);
            atSecond.Seconds += sign;
        }
    }

    /// <summary>The non-zero changes as (period name, day, firsts, seconds).</summary>
    public IEnumerable<(string Period, DateOnly Day, long Firsts, long Seconds)> Changes()
    {
        foreach (var (key, (firsts, seconds)) in _changes)
        {
            if (firsts == 0 && seconds == 0)
                continue;
            var kind = (PeriodKind)(key >> 40);
            var start = DateOnly.FromDayNumber((int)((key >> 20) & 0xFFFFF));
            yield return (BuyerPeriods.Name(kind, start), DateOnly.FromDayNumber((int)(key & 0xFFFFF)), firsts, seconds);
        }
    }

    public void Clear() => _changes.Clear();

    // Day numbers stay below 2^20 until the year 2871.
    private static long Key(PeriodKind kind, DateOnly start, DateOnly day) => ((long)kind << 40) | ((long)start.DayNumber << 20) | (long)day.DayNumber;
}

internal enum PeriodKind : byte { Day, Week, Month, Quarter, Year }

/// <summary>The calendar periods buyer counts are kept for, named as the histogram names them.</summary>
internal static class BuyerPeriods
{
    public static readonly PeriodKind[] AllKinds = Enum.GetValues<PeriodKind>();

    /// <summary>The first day of the period of <paramref name="kind"/> that contains <paramref name="day"/>.</summary>
    public static DateOnly StartOf(PeriodKind kind, DateOnly day) => kind switch
    {
        PeriodKind.Day => day,
        PeriodKind.Week => WeekStart(day),
        PeriodKind.Month => new DateOnly(day.Year, day.Month, 1),
        PeriodKind.Quarter => new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1),
        _ => new DateOnly(day.Year, 1, 1),
    };

    /// <summary>The histogram's name of the period of <paramref name="kind"/> starting on <paramref name="start"/>.</summary>
    public static string Name(PeriodKind kind, DateOnly start) => kind switch
    {
        PeriodKind.Day => Day(start),
        PeriodKind.Week => Week(start),
        PeriodKind.Month => Month(start),
        PeriodKind.Quarter => Quarter(start),
        _ => Year(start),
    };

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
