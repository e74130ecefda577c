using ScottPlot;
using ScottPlot.AxisPanels;

namespace Analytics.Api.Reports;

/// <summary>
/// Works around ScottPlot issue #5213: with a CJK font, text is placed as if its line were one em tall, but CJK faces
/// reach further above and below (WenQuanYi's line is about 1.2 em), so labels sit about half a character too high and
/// the legend's first entry and the y-axis title are clipped at the picture's edge. The room is taken from the face's
/// own metrics, so another font gets its own correction.
/// </summary>
internal static class CjkText
{
    /// <summary>How far the face's line (ascent + descent) exceeds the em at this size, in canvas units; never negative.</summary>
    public static float Overshoot(string family, float size)
    {
        var metrics = ReportCharts.Metrics(family, size);
        return Math.Max(0, -metrics.Ascent + metrics.Descent - size);
    }

    /// <summary>Room outside the axis titles and below the tick labels for the part of each glyph ScottPlot does not count.</summary>
    public static void Axes(Plot plot, string family, float size)
    {
        var extra = Overshoot(family, size);
        // The y-axis title is rotated: its overshoot points left, towards the picture's edge.
        if (plot.Axes.Left is AxisBase left)
            left.PaddingOutsideAxisLabels = new PixelPadding(extra + 4, 0, 0, 0);
        if (plot.Axes.Bottom is AxisBase bottom)
        {
            bottom.PaddingOutsideAxisLabels = new PixelPadding(0, 0, extra + 4, 0);
            bottom.PaddingBetweenTickAndAxisLabels = new PixelPadding(0, 0, extra, 0);
        }
        plot.Axes.Top.MinimumSize = 2 * extra + 6;
    }

    /// <summary>The legend's box grows by the overshoot above and below, so the text drawn high stays inside it.</summary>
    public static void Legend(Legend legend, string family, float size)
    {
        var extra = Overshoot(family, size);
        legend.FontName = family;
        legend.FontSize = size;
        legend.Padding = new PixelPadding(8, 8, 4, 4 + 2 * extra);
    }
}
