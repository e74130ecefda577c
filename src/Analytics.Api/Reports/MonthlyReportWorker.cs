using Analytics.Ingestion.Normalising;
using Analytics.Store;

namespace Analytics.Api.Reports;

/// <summary>
/// Writes last month's report, in every format, into the reports folder on the 1st of each month. A PC that was off
/// on the 1st catches up on its first start in the month's first week, and through that week a report is written
/// again when exports that reach into its month are imported after it (operators upload the last days late).
/// </summary>
internal sealed partial class MonthlyReportWorker(
    ReportRenderer renderer, AnalyticsStore store, TimeProvider time, MonthlyReportOptions options, ILogger<MonthlyReportWorker> logger)
    : BackgroundService
{
    private const int CatchUpDays = 7;

    /// <summary>
    /// The day a month's report is final: after the catch-up week nothing rewrites it, so from then on an operator may no
    /// longer take back an import reaching into that month (the bureau still may).
    /// </summary>
    public static DateOnly FinalFrom(DateOnly dayInMonth) => new DateOnly(dayInMonth.Year, dayInMonth.Month, 1).AddMonths(1).AddDays(CatchUpDays);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                await WriteDueReportAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed report must not stop the service; the next hour tries again.
                ReportFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Writes the files of last month's report that are missing, when it is due; returns the paths written.</summary>
    public async Task<IReadOnlyList<string>> WriteDueReportAsync(CancellationToken cancellationToken)
    {
        var today = time.BeijingToday();
        if (today.Day > CatchUpDays)
            return [];
        var lastMonth = today.AddMonths(-1);
        var period = ReportPeriod.Month(lastMonth.Year, lastMonth.Month);
        Directory.CreateDirectory(options.Folder);
        var lastImport = LastImportInto(period);
        var due = ReportFormat.All.Where(f =>
        {
            var path = Path.Combine(options.Folder, ReportRenderer.FileName(period, f));
            return !File.Exists(path) || lastImport > File.GetLastWriteTimeUtc(path);
        }).ToList();
        if (due.Count == 0)
            return [];

        RenderedReport rendered;
        try
        {
            rendered = await renderer.RenderAsync(period, due, cancellationToken);
        }
        catch (NothingToReportException)
        {
            NothingToReport(logger, period.Stem);
            return [];
        }
        if (rendered.FontMissing is { } missing)
            NoFont(logger, missing);
        var written = new List<string>();
        foreach (var (format, bytes) in rendered.Files)
        {
            var path = Path.Combine(options.Folder, ReportRenderer.FileName(period, format));
            // Written aside and moved into place, so a reader never opens half a file.
            var partial = path + ".partial";
            await File.WriteAllBytesAsync(partial, bytes, cancellationToken);
            File.Move(partial, path, overwrite: true);
            written.Add(path);
        }
        ReportWritten(logger, period.Stem, options.Folder, written.Count);
        return written;
    }

    /// <summary>When an import or a withdrawal last changed the figures of the period (UTC); imports log Beijing time.</summary>
    private DateTime LastImportInto(ReportPeriod period)
    {
        using var data = store.Read();
        var finished = data.LastChangeFrom(Analytics.Store.Sales.SalesScope.Text(period.From));
        return finished is null
            ? DateTime.MinValue
            : BeijingTime.UtcOf(finished);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote the report for {Period} to {Folder} ({Count} files)")]
    private static partial void ReportWritten(ILogger logger, string period, string folder, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No report for {Period}: no order was paid in it")]
    private static partial void NothingToReport(ILogger logger, string period);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The monthly report has no PDF and no charts: {Why}")]
    private static partial void NoFont(ILogger logger, string why);

    [LoggerMessage(Level = LogLevel.Error, Message = "The monthly report could not be written")]
    private static partial void ReportFailed(ILogger logger, Exception exception);
}

/// <summary>Reports:Path (default: reports/ beside the database) and Reports:Monthly (false turns the worker off).</summary>
internal sealed record MonthlyReportOptions(string Folder);
