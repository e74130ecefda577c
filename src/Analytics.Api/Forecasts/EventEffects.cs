namespace Analytics.Api.Forecasts;

/// <summary>
/// How much each calendar event (<see cref="SalesCalendar"/>) multiplies an ordinary day's sales, measured in a
/// history: every event day against the median of the nearest ordinary days of the same weekday (up to ten weeks
/// either side, the four nearest), and per event the median of those ratios. An event not seen in the history has no
/// effect (1). The smooth models are fitted on the history divided by these effects, and their forecasts multiplied back.
/// <para>
/// The same goes for the turn of a month, where a county's level can step (the year's turn above all: late December's
/// 双12 and year-end buying give way to a quieter January before 年货节 lifts it): per calendar month, the level of its
/// first two weeks against the last two weeks of the month before, events taken out, measured in earlier years (the
/// median over them). A smooth model fitted through December would otherwise carry December's level into January and
/// read the step as a collapse; a month never seen turning has no step (1).
/// </para>
/// </summary>
internal sealed class EventEffects
{
    private const int NeighbourWeeks = 10;
    private const int Neighbours = 4;

    private const int StepDays = 14;

    private readonly Dictionary<string, double> _effects;
    private readonly double[] _steps; // [month − 1]: the level of its first two weeks ÷ the last two of the month before

    private EventEffects(Dictionary<string, double> effects, double[] steps) => (_effects, _steps) = (effects, steps);

    public static readonly EventEffects None = new([], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);

    public IReadOnlyDictionary<string, double> Effects => _effects;

    public double On(DateOnly day) => SalesCalendar.EventOf(day) is { } name && _effects.TryGetValue(name, out var effect) ? effect : 1.0;

    public static EventEffects Measure(DailySeries history)
    {
        var events = new string?[history.Length];
        for (var i = 0; i < history.Length; i++)
            events[i] = SalesCalendar.EventOf(history.DayAt(i));

        var ratios = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        Span<double> nearby = stackalloc double[Neighbours];
        for (var i = 0; i < history.Length; i++)
        {
            if (events[i] is not { } name)
                continue;
            var found = 0;
            for (var week = 1; week <= NeighbourWeeks && found < Neighbours; week++)
            {
                foreach (var j in (ReadOnlySpan<int>)[i - 7 * week, i + 7 * week])
                {
                    if (j >= 0 && j < history.Length && events[j] is null && found < Neighbours)
                        nearby[found++] = history.Values[j];
                }
            }
            if (found == 0)
                continue;
            var baseline = Median(nearby[..found]);
            if (baseline <= 0)
                continue;
            if (!ratios.TryGetValue(name, out var list))
                ratios[name] = list = [];
            list.Add(history.Values[i] / baseline);
        }
        var days = new EventEffects(ratios.ToDictionary(r => r.Key, r => Math.Clamp(Median(r.Value.ToArray()), 0.05, 20.0), StringComparer.Ordinal), None._steps);
        return new EventEffects(days._effects, MonthSteps(history, days));
    }

    /// <summary>Per month, the median over the history's earlier years of its level step (see the class notes).</summary>
    private static double[] MonthSteps(DailySeries history, EventEffects days)
    {
        var adjusted = new double[history.Length];
        for (var i = 0; i < history.Length; i++)
            adjusted[i] = history.Values[i] / days.On(history.DayAt(i));
        var steps = new double[12];
        for (var month = 1; month <= 12; month++)
        {
            var seen = new List<double>();
            for (var year = history.Start.Year; year <= history.End.Year; year++)
            {
                var turn = history.IndexOf(new DateOnly(year, month, 1));
                if (turn - StepDays < 0 || turn + StepDays > history.Length)
                    continue;
                var before = Mean(adjusted.AsSpan(turn - StepDays, StepDays));
                var after = Mean(adjusted.AsSpan(turn, StepDays));
                if (before > 0 && after > 0)
                    seen.Add(after / before);
            }
            steps[month - 1] = seen.Count == 0 ? 1.0 : Math.Clamp(Median(seen.ToArray()), 0.5, 2.0);
        }
        return steps;
    }

    /// <summary>The product of the month steps from <paramref name="from"/>'s month to <paramref name="to"/>'s.</summary>
    private double Level(DateOnly from, DateOnly to)
    {
        var level = 1.0;
        for (var month = new DateOnly(from.Year, from.Month, 1).AddMonths(1); month <= to; month = month.AddMonths(1))
            level *= _steps[month.Month - 1];
        return level;
    }

    /// <summary>The history as if no event had happened, each month brought to the level of its last month.</summary>
    public double[] Remove(DailySeries history)
    {
        var adjusted = new double[history.Length];
        for (var i = 0; i < history.Length; i++)
        {
            var day = history.DayAt(i);
            adjusted[i] = history.Values[i] * Level(day, history.End) / On(day);
        }
        return adjusted;
    }

    /// <summary>Puts the events, and the steps of the months turned after <paramref name="last"/>, back into its forecast.</summary>
    public double[] Apply(double[] forecast, DateOnly last)
    {
        var withEvents = new double[forecast.Length];
        // Remove left the history at its last month's level; each month turned after it steps again.
        var level = 1.0;
        for (var h = 0; h < forecast.Length; h++)
        {
            var day = last.AddDays(h + 1);
            if (day.Day == 1)
                level *= _steps[day.Month - 1];
            withEvents[h] = forecast[h] * On(day) * level;
        }
        return withEvents;
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var value in values)
            sum += value;
        return values.Length == 0 ? 0 : sum / values.Length;
    }

    private static double Median(Span<double> values)
    {
        values.Sort();
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
