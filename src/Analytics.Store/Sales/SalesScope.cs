using System.Globalization;

namespace Analytics.Store.Sales;

/// <summary>A validated question: an inclusive range of Beijing calendar days and optional filters.</summary>
public sealed record SalesScope(DateOnly From, DateOnly To)
{
    public string? Platform { get; init; }
    public string? Shop { get; init; }
    public string? Enterprise { get; init; }
    public string? ProvinceCode { get; init; }

    /// <summary>When set, only these shops count (an operator reads their own shops, whatever else the question names).</summary>
    public IReadOnlyList<string>? OnlyShops { get; init; }

    /// <summary>Answer from raw orders and lines instead of the rollups (for checking the rollups, and for the benchmark).</summary>
    public bool Raw { get; init; }

    public SalesScope Over(DateOnly from, DateOnly to) => this with { From = from, To = to };

    public bool IsWholeMonths => From.Day == 1 && To.AddDays(1).Day == 1;

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>
    /// 环比: whole calendar months compare with the same number of whole months before; a range that starts on the 1st
    /// but ends inside a month (month to date, "1—22日") compares with the same days of the month(s) before, cut at that
    /// month's last day (11-01..11-22 → 10-01..10-22; 03-01..03-30 → 02-01..02-28); any other range with the range of
    /// equal length just before it.
    /// </summary>
    public SalesScope Previous()
    {
        if (From.Day != 1) return Over(From.AddDays(-Days), From.AddDays(-1));
        var months = (To.Year - From.Year) * 12 + To.Month - From.Month + 1;
        var start = From.AddMonths(-months);
        if (IsWholeMonths) return Over(start, From.AddDays(-1));
        var lastMonthStart = new DateOnly(To.Year, To.Month, 1).AddMonths(-months);
        var lastDay = Math.Min(To.Day, DateTime.DaysInMonth(lastMonthStart.Year, lastMonthStart.Month));
        return Over(start, new DateOnly(lastMonthStart.Year, lastMonthStart.Month, lastDay));
    }

    /// <summary>同比: the same calendar days a year earlier (29 Feb → 28 Feb); whole months compare with the whole months.</summary>
    public SalesScope YearAgo()
    {
        var to = IsWholeMonths ? new DateOnly(To.Year - 1, To.Month, 1).AddMonths(1).AddDays(-1) : To.AddYears(-1);
        return Over(From.AddYears(-1), to);
    }

    /// <summary>累计: 1 January of the range's last year through its last day.</summary>
    public SalesScope YearToDate() => Over(new DateOnly(To.Year, 1, 1), To);

    internal object SqlParameters()
    {
        // The whole calendar months inside the range; none when it holds no whole month.
        var wholeFrom = From.Day == 1 ? From : new DateOnly(From.Year, From.Month, 1).AddMonths(1);
        var wholeTo = To.AddDays(1).Day == 1 ? To : new DateOnly(To.Year, To.Month, 1).AddDays(-1);
        var any = wholeFrom <= wholeTo;
        return new
        {
            from = Text(From),
            to = Text(To),
            toNext = Text(To.AddDays(1)),
            firstWholeMonth = any ? Text(wholeFrom)[..7] : "9999-12",
            lastWholeMonth = any ? Text(wholeTo)[..7] : "0000-01",
            // The days before the whole months [from, daysBeforeEnd) and after them (daysAfterStart, to], each one index
            // range; with no whole month every day is "before".
            daysBeforeEnd = Text(any ? wholeFrom : To.AddDays(1)),
            daysAfterStart = Text(any ? wholeTo : To),
            platform = Platform,
            shop = Shop,
            enterprise = Enterprise,
            province = ProvinceCode,
            allShops = OnlyShops is null,
            onlyShops = OnlyShops ?? [],
        };
    }

    public static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
