namespace Analytics.Tools.Demo;

/// <summary>Draws order placement times within a bucket, following the day and hour shapes of <see cref="DayShape"/>.</summary>
internal sealed class OrderTimeSampler
{
    private readonly WeightedChoice<DateOnly> _days;
    private readonly WeightedChoice<int> _hours;

    public OrderTimeSampler(Bucket bucket, DemoPlatform platform)
    {
        var first = DateOnly.FromDateTime(bucket.From);
        var days = Enumerable.Range(0, (int)(bucket.To - bucket.From).TotalDays).Select(first.AddDays);
        _days = new WeightedChoice<DateOnly>(days.Select(d => (d, DayShape.Weight(d))));
        _hours = new WeightedChoice<int>(DayShape.HourWeights(platform).Select((w, hour) => (hour, w)));
    }

    public DateTime Next(Random rng) =>
        _days.Next(rng).ToDateTime(new TimeOnly(_hours.Next(rng), 0)).AddSeconds(rng.Next(3600));
}
