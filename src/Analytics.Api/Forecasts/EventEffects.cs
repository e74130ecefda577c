namespace Analytics.Api.Forecasts;

/// <summary>
/// How much each calendar event (<see cref="SalesCalendar"/>) multiplies an ordinary day's sales, measured in a
/// history: every event day against the median of the nearest ordinary days of the same weekday (up to ten weeks
/// either side, the four nearest), and per event the median of those ratios. An event not seen in the history has no
/// effect (1). The smooth models are fitted on the history divided by these effects, and their forecasts multiplied back.
/// </summary>
internal sealed class EventEffects
{
    private const int NeighbourWeeks = 10;
    private const int Neighbours = 4;

    private readonly Dictionary<string, double> _effects;

    private EventEffects(Dictionary<string, double> effects) => _effects = effects;

    public static readonly EventEffects None = new([]);

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
        return new EventEffects(ratios.ToDictionary(r => r.Key, r => Math.Clamp(Median(r.Value.ToArray()), 0.05, 20.0), StringComparer.Ordinal));
    }

    /// <summary>The history as if no event had happened.</summary>
    public double[] Remove(DailySeries history)
    {
        var adjusted = new double[history.Length];
        for (var i = 0; i < history.Length; i++)
            adjusted[i] = history.Values[i] / On(history.DayAt(i));
        return adjusted;
    }

    /// <summary>Puts the events back into a forecast of the days after <paramref name="last"/>.</summary>
    public double[] Apply(double[] forecast, DateOnly last)
    {
        var withEvents = new double[forecast.Length];
        for (var h = 0; h < forecast.Length; h++)
            withEvents[h] = forecast[h] * On(last.AddDays(h + 1));
        return withEvents;
    }

    private static double Median(Span<double> values)
    {
        values.Sort();
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
