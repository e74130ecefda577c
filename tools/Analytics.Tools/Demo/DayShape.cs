namespace Analytics.Tools.Demo;

/// <summary>
/// How busy a day and an hour are for a county food shop: gift buying before the Spring Festival and
/// Mid-Autumn, the 618, Double 11 and 12.12 shopping festivals, a courier lull over the festival itself.
/// Monthly targets are split by the same day weights, so the daily curve and the monthly totals agree.
/// </summary>
internal static class DayShape
{
    public static double Weight(DateOnly day)
    {
        var w = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1.08 : 1.0;
        w *= SpringFestivalFactor(day);
        var toMidAutumn = MidAutumn(day.Year).DayNumber - day.DayNumber;
        if (toMidAutumn is >= 1 and <= 14)
        {
            w *= 1.4;
        }

        w *= (day.Month, day.Day) switch
        {
            (6, 18) => 3.5,
            (6, < 18) => 1.35,
            (11, 11) => 5.0,
            (11, < 11) or (10, 31) => 1.5,
            (12, 12) => 2.5,
            (12, < 12) => 1.15,
            (7 or 8, _) => 0.9,
            _ => 1.0,
        };
        return w;
    }

    /// <summary>Σ day weights of a calendar month.</summary>
    public static double MonthWeight(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        var sum = 0.0;
        for (var d = first; d.Month == month; d = d.AddDays(1))
        {
            sum += Weight(d);
        }

        return sum;
    }

    /// <summary>Orders per hour of the day: Douyin peaks with the evening live streams, JD in office hours.</summary>
    public static IReadOnlyList<double> HourWeights(DemoPlatform platform) => platform switch
    {
        DemoPlatform.Douyin or DemoPlatform.Kuaishou => DouyinHours,
        DemoPlatform.Jd => JdHours,
        _ => PddHours,
    };

    private static readonly double[] DouyinHours =
        [0.6, 0.3, 0.15, 0.1, 0.1, 0.15, 0.3, 0.5, 0.7, 0.9, 1.0, 1.0, 1.1, 1.0, 0.9, 0.9, 0.9, 1.0, 1.3, 1.8, 2.3, 2.5, 2.2, 1.3];

    private static readonly double[] PddHours =
        [0.5, 0.25, 0.12, 0.08, 0.08, 0.15, 0.4, 0.8, 1.0, 1.1, 1.2, 1.3, 1.4, 1.2, 1.1, 1.1, 1.0, 1.0, 1.1, 1.3, 1.5, 1.5, 1.3, 0.9];

    private static readonly double[] JdHours =
        [0.4, 0.2, 0.1, 0.08, 0.08, 0.15, 0.4, 0.8, 1.2, 1.4, 1.5, 1.4, 1.3, 1.3, 1.3, 1.3, 1.2, 1.1, 1.1, 1.3, 1.5, 1.5, 1.2, 0.7];

    private static double SpringFestivalFactor(DateOnly day)
    {
        foreach (var year in (ReadOnlySpan<int>)[day.Year, day.Year + 1])
        {
            var toFestival = SpringFestival(year).DayNumber - day.DayNumber;
            if (toFestival is >= 3 and <= 24)
            {
                return 1.9;
            }

            if (toFestival is >= -6 and <= 2)
            {
                return 0.45;
            }
        }

        return 1.0;
    }

    private static DateOnly SpringFestival(int year) => year switch
    {
        2020 => new DateOnly(2020, 1, 25),
        2021 => new DateOnly(2021, 2, 12),
        2022 => new DateOnly(2022, 2, 1),
        2023 => new DateOnly(2023, 1, 22),
        2024 => new DateOnly(2024, 2, 10),
        2025 => new DateOnly(2025, 1, 29),
        _ => new DateOnly(year, 2, 1),
    };

    private static DateOnly MidAutumn(int year) => year switch
    {
        2021 => new DateOnly(2021, 9, 21),
        2022 => new DateOnly(2022, 9, 10),
        2023 => new DateOnly(2023, 9, 29),
        2024 => new DateOnly(2024, 9, 17),
        2025 => new DateOnly(2025, 10, 6),
        _ => new DateOnly(year, 9, 20),
    };
}
