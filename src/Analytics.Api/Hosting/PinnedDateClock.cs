using Analytics.Ingestion.Normalising;

namespace Analytics.Api.Hosting;

/// <summary>
/// The service's clock with its Beijing date pinned and its time of day running: the demo's data ends on a fixed
/// day, and a screen opened on it should show that day's figures whatever today's date is (Clock:Date).
/// </summary>
internal sealed class PinnedDateClock(DateOnly date, TimeProvider real) : TimeProvider
{

    public override DateTimeOffset GetUtcNow()
    {
        var timeOfDay = real.BeijingNow().TimeOfDay;
        return new DateTimeOffset(date.ToDateTime(TimeOnly.FromTimeSpan(timeOfDay)), BeijingTime.Offset).ToUniversalTime();
    }
}
