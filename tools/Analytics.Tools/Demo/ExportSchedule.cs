using System.Globalization;

namespace Analytics.Tools.Demo;

/// <summary>A span of order placement times that gets its own sales budget (a calendar month in the full set).</summary>
internal sealed record Bucket(DateTime From, DateTime To);

/// <summary>One export an operator downloads: orders placed in [From, To), with their states at <see cref="ExportedAt"/>.</summary>
/// <param name="Label">the period in the file name (<c>2022-03</c>), ordinal order = chronological order.</param>
internal sealed record ExportFile(DateTime From, DateTime To, DateTime ExportedAt, string Label);

/// <summary>The exports of one shop, in the order the operator downloaded them.</summary>
internal sealed class ExportSchedule(IReadOnlyList<ExportFile> files)
{
    public IReadOnlyList<ExportFile> Files => files;

    /// <summary>The moment of the last export containing an order placed at <paramref name="created"/>: its final state.</summary>
    public DateTime LastExportOf(DateTime created)
    {
        var last = DateTime.MinValue;
        foreach (var file in files)
        {
            if (created >= file.From && created < file.To && file.ExportedAt > last)
            {
                last = file.ExportedAt;
            }
        }

        return last;
    }

    /// <summary>
    /// Monthly exports downloaded on the 1st of the next month in the morning, each reaching back over the last
    /// five days of the previous month, as operators do so that late orders are not missed.
    /// </summary>
    public static ExportSchedule Monthly(DateOnly firstMonth, DateOnly lastMonth, Random rng)
    {
        var files = new List<ExportFile>();
        for (var month = firstMonth; month <= lastMonth; month = month.AddMonths(1))
        {
            var from = month.ToDateTime(TimeOnly.MinValue);
            var to = from.AddMonths(1);
            files.Add(new ExportFile(from.AddDays(-5), to, MorningOf(to, rng), month.ToString("yyyy-MM", CultureInfo.InvariantCulture)));
        }

        return new ExportSchedule(files);
    }

    /// <summary>Two overlapping exports of two weeks: the second one shows what happened to the first one's late orders.</summary>
    public static ExportSchedule TwoWeeks(DateOnly first, Random rng)
    {
        var start = first.ToDateTime(TimeOnly.MinValue);
        var firstCut = start.AddDays(7);
        var end = start.AddDays(14);
        return new ExportSchedule(
        [
            new ExportFile(start, firstCut, MorningOf(firstCut, rng), firstCut.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new ExportFile(start.AddDays(2), end, MorningOf(end, rng), end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ]);
    }

    private static DateTime MorningOf(DateTime day, Random rng) => day.AddHours(9).AddSeconds(rng.Next(0, 150 * 60));
}
