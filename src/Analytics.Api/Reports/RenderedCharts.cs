namespace Analytics.Api.Reports;

/// <summary>The two figures of the report.</summary>
internal sealed record RenderedCharts(ReportChart Trend, ReportChart Provinces)
{
    public static RenderedCharts Missing(string trendCaption, string provincesCaption, string why) =>
        new(new ReportChart(trendCaption, null, 0, 0, why), new ReportChart(provincesCaption, null, 0, 0, why));
}
