using Analytics.Store;
using Analytics.Tools.Bench;

namespace Analytics.Api.Reports;

/// <summary>The service's reports as `bench report` times them: the real renderer over an open store.</summary>
internal sealed class ReportLab(AnalyticsStore store, string county) : IReportLab
{
    private readonly ReportRenderer _renderer = new(store, TimeProvider.System, new ReportOptions(county, null));

    public byte[] Annual(int year, string format) =>
        _renderer.RenderAsync(ReportPeriod.Annual(year), ReportFormat.Parse(format)!).GetAwaiter().GetResult();
}
