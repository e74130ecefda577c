using System.Text;
using Analytics.Ingestion.Normalising;
using Analytics.Store;

namespace Analytics.Api.Reports;

/// <summary>
/// Makes a report in one of its four formats: reads the facts, draws the charts (ScottPlot), composes the document and
/// writes it (PDFsharp for the PDF). The CLI, the HTTP API and the monthly worker all come through here.
/// </summary>
internal sealed class ReportRenderer(AnalyticsStore store, TimeProvider time, ReportOptions options)
{
    /// <summary>One format; a PDF without a Chinese TrueType font is a <see cref="ReportFontMissingException"/>.</summary>
    public async Task<byte[]> RenderAsync(ReportPeriod period, ReportFormat format, CancellationToken cancellationToken = default)
    {
        var rendered = await RenderAsync(period, [format], cancellationToken);
        return rendered.Files.TryGetValue(format, out var bytes) ? bytes : throw new ReportFontMissingException(rendered.FontMissing!);
    }

    /// <summary>
    /// Several formats from one reading of the data. Without a Chinese font the PDF is left out
    /// (<see cref="RenderedReport.FontMissing"/> says why) and the others carry that message where the charts go.
    /// </summary>
    public Task<RenderedReport> RenderAsync(ReportPeriod period, IReadOnlyList<ReportFormat> formats, CancellationToken cancellationToken = default)
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

        // Drawing and writing are CPU work of a fraction of a second: off the request's thread, and cancellable until then.
        return Task.Run(() => Render(facts, formats), cancellationToken);
    }

    private RenderedReport Render(ReportFacts facts, IReadOnlyList<ReportFormat> formats)
    {
        var period = facts.Period;
        var trendCaption = ReportChartData.TrendCaption(period);
        var provincesCaption = ReportChartData.ProvincesCaption(period);
        var font = ReportFont.Find(options.FontPath, out var fontMissing);
        RenderedCharts charts;
        // A font the operator named but that cannot be used is said where the charts go, not hidden behind Noto CJK.
        if ((font is not null || options.FontPath is null ? ChartFont.Family(font) : null) is not { } family)
            charts = RenderedCharts.Missing(trendCaption, provincesCaption, fontMissing!);
        else
        {
            try
            {
                charts = ReportCharts.Draw(ReportChartData.Of(facts), trendCaption, provincesCaption, family);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                // The statement and tables do not depend on the charts; the report says what went wrong where they go.
                charts = RenderedCharts.Missing(trendCaption, provincesCaption, $"图表未能生成（the charts could not be drawn: {e.Message.Split('\n')[0]}）");
            }
        }
        var report = ReportComposer.Compose(facts, charts, options.County, time.GetUtcNow());
        var files = new Dictionary<ReportFormat, byte[]>();
        foreach (var format in formats)
        {
            if (format == ReportFormat.Pdf && font is null)
                continue;
            files[format] = Write(report, format, font);
        }
        return new RenderedReport(files, font is null ? fontMissing : null);
    }

    /// <summary>report-2023Q1.docx: the name the CLI and the worker save under and the HTTP answer suggests.</summary>
    public static string FileName(ReportPeriod period, ReportFormat format) => $"report-{period.Stem}.{format.Extension}";

    private static byte[] Write(ReportDocument report, ReportFormat format, ReportFont? font)
    {
        if (format == ReportFormat.Html)
            return Encoding.UTF8.GetBytes(HtmlReportWriter.Write(report));
        using var output = new MemoryStream();
        if (format == ReportFormat.Docx)
            DocxReportWriter.Write(report, output);
        else if (format == ReportFormat.Pdf)
            PdfReportWriter.Write(report, font!, output);
        else
            XlsxReportWriter.Write(report, output);
        return output.ToArray();
    }
}
