using System.Collections.Concurrent;

namespace Analytics.Api.Accounts;

/// <summary>
/// Locks a user name for a while after repeated wrong passwords, so a password cannot be guessed through the login
/// page. Kept in memory: a restart (which only the PC's owner can do) forgives.
/// </summary>
internal sealed class LoginThrottle(TimeProvider time)
{
    public const int FailuresAllowed = 5;
    public static readonly TimeSpan LockTime = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset LockedUntil)> _names = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>When the name may try again, if it is locked now.</summary>
    public DateTimeOffset? LockedUntil(string name) =>
        _names.TryGetValue(name, out var state) && state.LockedUntil > time.GetUtcNow() ? state.LockedUntil : null;

    /// <summary>Counts a wrong password; returns true when this one locked the name.</summary>
    public bool Failed(string name)
    {
        var state = _names.AddOrUpdate(name, _ => (1, DateTimeOffset.MinValue), (_, s) => (s.Failures + 1, s.LockedUntil));
        if (state.Failures < FailuresAllowed)
            return false;
        _names[name] = (0, time.GetUtcNow() + LockTime);
        return true;
    }

    public void Succeeded(string name) => _names.TryRemove(name, out _);
}
