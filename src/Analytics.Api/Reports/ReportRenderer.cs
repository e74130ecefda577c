using System.Text;
using Analytics.Ingestion.Normalising;
using Analytics.Store;
using Microsoft.Playwright;

namespace Analytics.Api.Reports;

/// <summary>
/// Makes a report in one of its four formats: reads the facts, has Chromium draw the charts (when it is installed),
/// composes the document and writes it. The CLI, the HTTP API and the monthly worker all come through here.
/// </summary>
internal sealed class ReportRenderer(AnalyticsStore store, TimeProvider time, ReportOptions options)
{
    // Chromium is a few hundred MB per instance; the office PC draws one report at a time.
    private static readonly SemaphoreSlim OneBrowserAtATime = new(1, 1);

    /// <summary>One format; a PDF without Chromium is a <see cref="ChromiumUnavailableException"/>.</summary>
    public async Task<byte[]> RenderAsync(ReportPeriod period, ReportFormat format, CancellationToken cancellationToken = default)
    {
        var rendered = await RenderAsync(period, [format], cancellationToken);
        return rendered.Files.TryGetValue(format, out var bytes) ? bytes : throw new ChromiumUnavailableException(rendered.BrowserMissing!);
    }

    /// <summary>
    /// Several formats from one reading of the data and one browser session. Without Chromium the PDF is left out
    /// (<see cref="RenderedReport.BrowserMissing"/> says why) and the others carry that message where the charts go.
    /// </summary>
    public async Task<RenderedReport> RenderAsync(ReportPeriod period, IReadOnlyList<ReportFormat> formats, CancellationToken cancellationToken = default)
    {
        var today = time.BeijingToday();
        if (period.To >= today)
        {
            // A bureau reports "1—N月" before a quarter or year is over: point to the year so far through the last ended month.
            var soFar = ReportPeriod.YearSoFarBefore(today);
            var soFarUrl = $"/api/reports/ytd/{soFar.To:yyyy-MM}.docx";
            // A period that has not begun has no figures so far to point to.
            var toToday = period.From <= today
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"; the figures to today: /api/summary?from={period.From:yyyy-MM-dd}&to={today:yyyy-MM-dd}")
                : "";
            throw new NothingToReportException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{period.Name}尚未结束（今天是{today:yyyy-MM-dd}），{period.To.AddDays(1):yyyy-MM-dd}起可出报告；已结束月份的累计报告（{soFar.Name}）：{soFarUrl}。" +
                $"\n{period.Stem} has not ended yet (today is {today:yyyy-MM-dd}); its report can be made from {period.To.AddDays(1):yyyy-MM-dd}. " +
                $"The year so far through the last ended month ({soFar.Name}): {soFarUrl} (CLI: report --ytd {soFar.To:yyyy-MM}){toToday}."), notEnded: true);
        }
        ReportFacts facts;
        using (var data = store.Read())
            facts = ReportFacts.Read(data, period);
        if (facts.Current.Orders == 0)
            throw new NothingToReportException($"No order was paid in {period.Stem} ({period.Name}), so there is nothing to report. Import that period's exports first.");

        var trendCaption = ReportChartData.TrendCaption(period);
        var provincesCaption = ReportChartData.ProvincesCaption(period);
        var browserPath = ReportBrowser.Find(options.ChromiumPath);
        if (browserPath is null)
            return WithoutBrowser(facts, formats, ReportBrowser.MissingMessage(options.ChromiumPath));

        await OneBrowserAtATime.WaitAsync(cancellationToken);
        try
        {
            ReportBrowser browser;
            try
            {
                browser = await ReportBrowser.LaunchAsync(browserPath);
            }
            catch (PlaywrightException e)
            {
                // Installed but unable to start (a missing library, a broken profile): as good as missing, and said so.
                return WithoutBrowser(facts, formats, $"Chromium at {browserPath} did not start: {e.Message.Split('\n')[0]}");
            }
            await using (browser)
            {
                RenderedCharts charts;
                try
                {
                    charts = await browser.ChartsAsync(ReportChartData.Of(facts), trendCaption, provincesCaption, cancellationToken);
                }
                catch (Exception e) when (e is PlaywrightException or TimeoutException or InvalidOperationException)
                {
                    // The statement and tables do not depend on the charts; the report says what went wrong where they go.
                    charts = RenderedCharts.Missing(trendCaption, provincesCaption, $"图表未能生成（the charts could not be drawn: {e.Message.Split('\n')[0]}）");
                }
                var report = ReportComposer.Compose(facts, charts, options.County, time.GetUtcNow());
                var files = new Dictionary<ReportFormat, byte[]>();
                foreach (var format in formats)
                    files[format] = format == ReportFormat.Pdf ? await PrintAsync(browser, report, cancellationToken) : Write(report, format);
                return new RenderedReport(files, null);
            }
        }
        finally
        {
            OneBrowserAtATime.Release();
        }
    }

    private static async Task<byte[]> PrintAsync(ReportBrowser browser, ReportDocument report, CancellationToken cancellationToken)
    {
        try
        {
            return await browser.PdfAsync(HtmlReportWriter.Write(report), cancellationToken);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            throw new ChromiumUnavailableException($"Chromium could not print the PDF: {e.Message.Split('\n')[0]}");
        }
    }

    private RenderedReport WithoutBrowser(ReportFacts facts, IReadOnlyList<ReportFormat> formats, string why)
    {
        var period = facts.Period;
        var charts = RenderedCharts.Missing(ReportChartData.TrendCaption(period), ReportChartData.ProvincesCaption(period), why);
        var report = ReportComposer.Compose(facts, charts, options.County, time.GetUtcNow());
        return new RenderedReport(formats.Where(f => !f.NeedsBrowser).ToDictionary(f => f, f => Write(report, f)), why);
    }

    /// <summary>report-2023Q1.docx: the name the CLI and the worker save under and the HTTP answer suggests.</summary>
    public static string FileName(ReportPeriod period, ReportFormat format) => $"report-{period.Stem}.{format.Extension}";

    private static byte[] Write(ReportDocument report, ReportFormat format)
    {
        if (format == ReportFormat.Html)
            return Encoding.UTF8.GetBytes(HtmlReportWriter.Write(report));
        using var output = new MemoryStream();
        if (format == ReportFormat.Docx)
            DocxReportWriter.Write(report, output);
        else
            XlsxReportWriter.Write(report, output);
        return output.ToArray();
    }
}
