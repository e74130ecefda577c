namespace Analytics.Api.Forecasts;

/// <summary>
/// The days on which county e-commerce sells unlike an ordinary week: 年货节 before the Spring Festival and the courier
/// lull over it, 618 and 双11 with their pre-sale windows, 双12, the gift weeks before 中秋, and the national holidays.
/// Each day has at most one event (the first that claims it, in the order below); its effect is measured from the
/// same event in earlier years (<see cref="EventEffects"/>). Lunar dates come from tables, not a formula: a year
/// outside them has no Spring Festival or 中秋 effect.
/// </summary>
internal static class SalesCalendar
{
    /// <summary>正月初一, from the published calendars (the Chinese Academy of Sciences' Purple Mountain Observatory tables).</summary>
    private static readonly Dictionary<int, DateOnly> SpringFestival = new()
    {
        [2012] = new(2012, 1, 23), [2013] = new(2013, 2, 10), [2014] = new(2014, 1, 31), [2015] = new(2015, 2, 19),
        [2016] = new(2016, 2, 8), [2017] = new(2017, 1, 28), [2018] = new(2018, 2, 16), [2019] = new(2019, 2, 5),
        [2020] = new(2020, 1, 25), [2021] = new(2021, 2, 12), [2022] = new(2022, 2, 1), [2023] = new(2023, 1, 22),
        [2024] = new(2024, 2, 10), [2025] = new(2025, 1, 29), [2026] = new(2026, 2, 17), [2027] = new(2027, 2, 6),
        [2028] = new(2028, 1, 26), [2029] = new(2029, 2, 13), [2030] = new(2030, 2, 3), [2031] = new(2031, 1, 23),
        [2032] = new(2032, 2, 11), [2033] = new(2033, 1, 31), [2034] = new(2034, 2, 19), [2035] = new(2035, 2, 8),
    };

    /// <summary>八月十五.</summary>
    private static readonly Dictionary<int, DateOnly> MidAutumn = new()
    {
        [2012] = new(2012, 9, 30), [2013] = new(2013, 9, 19), [2014] = new(2014, 9, 8), [2015] = new(2015, 9, 27),
        [2016] = new(2016, 9, 15), [2017] = new(2017, 10, 4), [2018] = new(2018, 9, 24), [2019] = new(2019, 9, 13),
        [2020] = new(2020, 10, 1), [2021] = new(2021, 9, 21), [2022] = new(2022, 9, 10), [2023] = new(2023, 9, 29),
        [2024] = new(2024, 9, 17), [2025] = new(2025, 10, 6), [2026] = new(2026, 9, 25), [2027] = new(2027, 9, 15),
        [2028] = new(2028, 10, 3), [2029] = new(2029, 9, 22), [2030] = new(2030, 9, 12), [2031] = new(2031, 10, 1),
        [2032] = new(2032, 9, 19), [2033] = new(2033, 9, 8), [2034] = new(2034, 9, 27), [2035] = new(2035, 9, 16),
    };

    /// <summary>The first year and the last year the lunar tables cover.</summary>
    public static (int First, int Last) LunarYears => (SpringFestival.Keys.Min(), SpringFestival.Keys.Max());

    public static DateOnly? SpringFestivalOf(int year) => SpringFestival.TryGetValue(year, out var day) ? day : null;

    private static readonly DateOnly FirstTabled = new(2012, 1, 1);

    // Every day the tables cover, worked out once: the models ask about each day of a history at every backtest origin.
    private static readonly string?[] Tabled = Enumerable.Range(0, new DateOnly(2035, 12, 31).DayNumber - FirstTabled.DayNumber + 1)
        .Select(i => Work(FirstTabled.AddDays(i))).ToArray();

    /// <summary>The event a day belongs to, or null for an ordinary day.</summary>
    public static string? EventOf(DateOnly day)
    {
        var index = day.DayNumber - FirstTabled.DayNumber;
        return index >= 0 && index < Tabled.Length ? Tabled[index] : Work(day);
    }

    private static string? Work(DateOnly day)
    {
        foreach (var year in (ReadOnlySpan<int>)[day.Year, day.Year + 1])
        {
            if (SpringFestivalOf(year) is not { } festival)
                continue;
            var offset = day.DayNumber - festival.DayNumber;
            switch (offset)
            {
                case >= -24 and <= -11: return "年货节前段";
                case >= -10 and <= -3: return "年货节后段";
                case >= -2 and <= 6: return "春节";
                case >= 7 and <= 12: return "春节后";
            }
        }
        var named = (day.Month, day.Day) switch
        {
            (6, 18) => "618",
            (6, <= 17) => "618开门红",
            (5, >= 20) => "618预售",
            (6, 19 or 20) => "618返场",
            (11, 11) => "双11",
            (10, 31) or (11, <= 10) => "双11开门红",
            (10, >= 20) => "双11预售",
            (11, 12 or 13) => "双11返场",
            (12, 12) => "双12",
            (12, <= 11) => "双12预热",
            _ => null,
        };
        if (named is not null)
            return named;
        if (MidAutumn.TryGetValue(day.Year, out var midAutumn) && midAutumn.DayNumber - day.DayNumber is >= 0 and <= 14)
            return day == midAutumn ? "中秋" : "中秋前";
        return (day.Month, day.Day) switch
        {
            (10, <= 7) => "国庆",
            (5, <= 5) => "劳动节",
            (1, <= 3) or (12, 31) => "元旦",
            _ => null,
        };
    }
}
