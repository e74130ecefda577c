namespace Analytics.Api.Forecasts;

/// <summary>One value per consecutive calendar day from <see cref="Start"/>; a day without sales is 0, never missing.</summary>
internal sealed record DailySeries(DateOnly Start, double[] Values)
{
    public int Length => Values.Length;

    /// <summary>The last day of the series (the day before <see cref="Start"/> when it is empty).</summary>
    public DateOnly End => Start.AddDays(Values.Length - 1);

    public DateOnly DayAt(int index) => Start.AddDays(index);

    public int IndexOf(DateOnly day) => day.DayNumber - Start.DayNumber;

    public double this[DateOnly day] => Values[IndexOf(day)];

    /// <summary>The series up to and including <paramref name="last"/>.</summary>
    public DailySeries Through(DateOnly last)
    {
        var count = Math.Clamp(IndexOf(last) + 1, 0, Values.Length);
        return new DailySeries(Start, Values[..count]);
    }

    /// <summary>The days from <paramref name="from"/> to <paramref name="to"/> inside the series.</summary>
    public IEnumerable<double> Between(DateOnly from, DateOnly to)
    {
        for (var day = from < Start ? Start : from; day <= to && day <= End; day = day.AddDays(1))
            yield return this[day];
    }

    /// <summary>Builds a series from sparse (day, value) pairs: days between with no pair are 0.</summary>
    public static DailySeries From(DateOnly start, DateOnly end, IEnumerable<(DateOnly Day, double Value)> values)
    {
        var series = new double[Math.Max(0, end.DayNumber - start.DayNumber + 1)];
        foreach (var (day, value) in values)
        {
            var index = day.DayNumber - start.DayNumber;
            if (index >= 0 && index < series.Length)
                series[index] += value;
        }
        return new DailySeries(start, series);
    }
}
