using System.Globalization;
using Analytics.Api.Logs;
using Analytics.Tests.Support;

namespace Analytics.Tests.Logs;

/// <summary>logs/analytics-yyyyMMdd.log: a file per Beijing day, continued in a new file at the size cap, the newest days kept.</summary>
public sealed class LogFileTests
{
    [Test]
    public void FilesRollDailyStayUnderTheirCapAndOnlyTheNewestDaysAreKept()
    {
        using var folder = new TemporaryFolder();
        var clock = new TestClock(DateTimeOffset.Parse("2025-03-01T23:59:00+08:00", CultureInfo.InvariantCulture));
        var line = new string('x', 99) + "\n";
        using (var log = new LogFile(folder.Path, maxBytes: 1000, keepDays: 2, clock))
        {
            for (var i = 0; i < 25; i++)
                log.Write(line); // 2 500 bytes on 1 March: three files under the 1 000-byte cap
            clock.Advance(TimeSpan.FromMinutes(2));
            log.Write(line);
            clock.Advance(TimeSpan.FromDays(1));
            log.Write(line);
        }

        var files = Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.That(files, Is.EqualTo(new[] { "analytics-20250302.log", "analytics-20250303.log" }), "two days kept: 1 March's three files went");
        Assert.That(new FileInfo(Path.Combine(folder.Path, "analytics-20250302.log")).Length, Is.EqualTo(100));
    }

    [Test]
    public void ADaysFileIsContinuedUnderItsCapAcrossRestarts()
    {
        using var folder = new TemporaryFolder();
        var clock = new TestClock(DateTimeOffset.Parse("2025-03-01T10:00:00+08:00", CultureInfo.InvariantCulture));
        var line = new string('y', 399) + "\n";
        for (var start = 0; start < 3; start++)
        {
            using var log = new LogFile(folder.Path, maxBytes: 1000, keepDays: 30, clock);
            log.Write(line);
        }

        var sizes = Directory.GetFiles(folder.Path).Order(StringComparer.Ordinal).ToDictionary(f => Path.GetFileName(f), f => new FileInfo(f).Length);
        Assert.That(sizes, Is.EqualTo(new Dictionary<string, long>
        {
            ["analytics-20250301-2.log"] = 400, ["analytics-20250301.log"] = 800,
        }));
    }
}
