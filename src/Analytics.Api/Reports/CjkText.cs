using ScottPlot;
using ScottPlot.AxisPanels;

namespace Analytics.Api.Reports;

/// <summary>
/// Works around ScottPlot issue #5213: ScottPlot sets a label's baseline above its box's foot by the face's lowest glyph
/// extent (its bounding box, <c>Bottom</c>) rather than by the face's descent. CJK faces such as Noto Sans CJK and
/// Microsoft YaHei reach far lower than their descent, so their labels sit that difference too high: tick labels crowd
/// the axis, the legend's text leaves its box and the y-axis title is cut at the picture's edge. The difference is
/// taken from the face's own metrics (WenQuanYi Micro Hei has almost none), and the labels are moved or given room by it.
/// </summary>
internal static class CjkText
{
    /// <summary>How far ScottPlot draws this face's text too high at this size, in canvas units; never negative.</summary>
    public static float Shift(string family, float size)
    {
        var metrics = ReportCharts.Metrics(family, size);
        return Math.Max(0, metrics.Bottom - metrics.Descent);
    }

    /// <summary>Axis titles moved back by the shift; tick labels kept clear of the axis by it.</summary>
    public static void Axes(Plot plot, string family, float size)
    {
        var shift = Shift(family, size);
        if (plot.Axes.Bottom is AxisBase bottom)
        {
            bottom.LabelOffsetY = shift;
            bottom.PaddingOutsideAxisLabels = new PixelPadding(0, 0, shift + 4, 0);
            // Tick labels start below the tick mark: an invisible mark as long as the shift moves them down by it.
            bottom.MajorTickStyle.Color = Colors.Transparent;
            bottom.MajorTickStyle.Length = 4 + shift;
        }
        if (plot.Axes.Left is AxisBase left)
        {
            // The title is turned a quarter left, so "too high" points out of the picture: move it back in.
            left.LabelOffsetX = shift;
            left.PaddingOutsideAxisLabels = new PixelPadding(shift + 4, 0, 0, 0);
        }
    }

    /// <summary>The legend's labels brought down level with their symbols (<see cref="ShiftedLegendLayout"/>).</summary>
    public static void Legend(Legend legend, string family, float size)
    {
        legend.FontName = family;
        legend.FontSize = size;
        legend.Layout = new ShiftedLegendLayout(legend.Layout, Shift(family, size));
    }
}
