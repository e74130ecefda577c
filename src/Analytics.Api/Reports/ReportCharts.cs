using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace Analytics.Api.Reports;

/// <summary>
/// The report's two figures, drawn by ScottPlot in the report's chart style: the months of the year against last year
/// as lines, the leading provinces as ranked bars with their values. One style for every format: black text in the
/// report's Chinese face, a dark blue for this year, grey for last year, light grid lines.
/// </summary>
internal static class ReportCharts
{
    /// <summary>16 cm (the Word and PDF picture width) at 300 dpi.</summary>
    public const int WidthPixels = 1890;

    /// <summary>The charts are laid out on a 640-unit-wide canvas (one unit ≈ 0.25 mm) and drawn at 300 dpi.</summary>
    private const float Units = 640;

    private const float Scale = WidthPixels / Units;
    private const int TrendHeightUnits = 300;
    private const int BarHeightUnits = 26;
    /// <summary>The provinces drawn: the caption says 前十位.</summary>
    public const int TopProvinces = 10;

    // 10.5 pt (五号) for labels on a 16 cm picture: 10.5 / 0.709 pt per unit.
    private const float TextSize = 14.8f;

    private static readonly Color Ink = Color.FromHex("#000000");
    private static readonly Color ThisYear = Color.FromHex("#1F4E79");
    private static readonly Color LastYear = Color.FromHex("#8C8C8C");
    private static readonly Color Grid = Color.FromHex("#D9D9D9");

    public static RenderedCharts Draw(ReportChartData data, string trendCaption, string provincesCaption, string family) =>
        new(Trend(data.Trend, trendCaption, family), Provinces(data.Provinces, provincesCaption, family));

    private static ReportChart Trend(ChartTrends trends, string caption, string family)
    {
        using var plot = Styled(family);
        Line(plot, trends.Current, ThisYear, LinePattern.Solid);
        if (trends.LastYear.Points.Count > 0)
            Line(plot, trends.LastYear, LastYear, LinePattern.Dashed);
        double[] months = [.. Enumerable.Range(1, 12).Select(m => (double)m)];
        plot.Axes.Bottom.SetTicks(months, [.. months.Select(m => $"{m}月")]);
        var top = trends.Current.Points.Concat(trends.LastYear.Points).Select(p => (double)p.NetSales / 10_000).DefaultIfEmpty(0).Max();
        // Headroom above the highest month for the legend, which sits inside the plot's top edge.
        plot.Axes.SetLimits(0.5, 12.5, 0, top <= 0 ? 1 : top * 1.25);
        plot.YLabel("万元");
        // Months are read against the horizontal rules; vertical ones would only cross the lines.
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        plot.ShowLegend(Alignment.UpperLeft, Orientation.Horizontal);
        CjkText.Legend(plot.Legend, family, TextSize);
        return Picture(plot, caption, TrendHeightUnits);
    }

    private static void Line(Plot plot, ChartTrend trend, Color color, LinePattern pattern)
    {
        double[] xs = [.. trend.Points.Select(p => (double)int.Parse(p.Start.AsSpan(5, 2), CultureInfo.InvariantCulture))];
        double[] ys = [.. trend.Points.Select(p => (double)p.NetSales / 10_000)];
        var line = plot.Add.Scatter(xs, ys, color);
        line.LineWidth = 2;
        line.LinePattern = pattern;
        line.MarkerSize = 5;
        line.LegendText = $"{trend.From[..4]}年";
    }

    private static ReportChart Provinces(ChartRanking ranking, string caption, string family)
    {
        var top = ranking.Items.Take(TopProvinces).ToList();
        var shift = CjkText.Shift(family, TextSize);
        // Below the bars: tick labels, then the axis title, each a line and a gap, the title moved down by the shift.
        var below = 58 + 2 * shift;
        var heightUnits = (int)Math.Ceiling(Math.Max(top.Count, 3) * BarHeightUnits + 8 + below);
        using var plot = Styled(family);
        // A fixed frame, so the data area's height is known before drawing and a label can be set a given number of
        // canvas units lower: ScottPlot draws a CJK face's text too high by the shift.
        var names = top.Select(item => item.Name).ToList();
        var frame = new PixelPadding(NamesWidth(names, family) + 14, 22, below, 8);
        plot.Layout.Fixed(frame);
        var bottom = 0.4;
        var range = top.Count + 0.2;
        var down = shift * range / (heightUnits - frame.Top - frame.Bottom);
        // The largest on top, as a ranking reads.
        var bars = top.Select((item, index) => new Bar
        {
            Position = top.Count - index,
            Value = (double)item.NetSales / 10_000,
            FillColor = ThisYear,
            LineWidth = 0,
            Size = 0.6,
        }).ToList();
        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        var largest = bars.Select(b => b.Value).DefaultIfEmpty(0).Max();
        var right = largest <= 0 ? 1 : largest * 1.2;
        foreach (var bar in bars)
        {
            var value = plot.Add.Text(bar.Value.ToString("#,##0.00", CultureInfo.InvariantCulture), bar.Value + right * 0.008, bar.Position - down);
            value.LabelFontName = family;
            value.LabelFontSize = TextSize;
            value.LabelFontColor = Ink;
            value.LabelAlignment = Alignment.MiddleLeft;
        }
        plot.Axes.Left.SetTicks([.. bars.Select(b => b.Position - down)], [.. names]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        // Room right of the longest bar for its value label.
        plot.Axes.SetLimits(0, right, bottom, bottom + range);
        plot.XLabel("网络零售额（万元）");
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        return Picture(plot, caption, heightUnits);
    }

    /// <summary>The widest province name in canvas units, so the frame leaves room for it on the left.</summary>
    private static float NamesWidth(IEnumerable<string> names, string family)
    {
        using var font = new SKFont(ChartFont.Typeface(family), TextSize);
        return names.Select(name => font.MeasureText(name)).DefaultIfEmpty(0).Max();
    }

    private static Plot Styled(string family)
    {
        var plot = new Plot { ScaleFactor = Scale };
        plot.Font.Set(family);
        plot.Axes.Color(Ink);
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.TickLabelStyle.FontSize = TextSize;
            axis.TickLabelStyle.ForeColor = Ink;
            axis.Label.FontSize = TextSize;
            axis.Label.Bold = false;
            axis.Label.ForeColor = Ink;
        }
        foreach (var axis in plot.Axes.GetAxes())
            axis.MinorTickStyle.Length = 0;
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Grid.MajorLineColor = Grid;
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.Legend.OutlineColor = Color.FromHex("#808080");
        CjkText.Axes(plot, family, TextSize);
        return plot;
    }

    private static ReportChart Picture(Plot plot, string caption, int heightUnits)
    {
        var height = (int)Math.Round(heightUnits * Scale);
        var png = plot.GetImageBytes(WidthPixels, height, ImageFormat.Png);
        return new ReportChart(caption, png, WidthPixels, height, null);
    }

    /// <summary>The font's own line metrics at a size, in canvas units (for <see cref="CjkText"/>).</summary>
    internal static SKFontMetrics Metrics(string family, float size)
    {
        using var font = new SKFont(ChartFont.Typeface(family), size);
        return font.Metrics;
    }
}
