using System.Diagnostics;

namespace Analytics.Tests.Support;

/// <summary>
/// The server's "now" for browser tests: a chosen instant plus the real time elapsed since it was set, plus whatever the
/// test advanced it by. Real time keeps flowing so the page's clock ticks as it would on the wall, while a test can
/// still put the server a few seconds before midnight or jump it forward.
/// </summary>
internal sealed class TestClock : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset _setTo;
    private long _setAt;

    public TestClock(DateTimeOffset now) => Set(now);

    public void Set(DateTimeOffset now)
    {
        lock (_lock)
            (_setTo, _setAt) = (now.ToUniversalTime(), Stopwatch.GetTimestamp());
    }

    public void Advance(TimeSpan by)
    {
        lock (_lock)
            _setTo += by;
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
            return _setTo + Stopwatch.GetElapsedTime(_setAt);
    }
}
