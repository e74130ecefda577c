using ScottPlot;

namespace Analytics.Api.Reports;

/// <summary>
/// ScottPlot's legend layout with each label's box reaching lower, so that the text, whose baseline ScottPlot sets
/// <paramref name="shift"/> too high for a CJK face (see <see cref="CjkText"/>), lands level with its symbol and is no
/// longer cut by the top of its box.
/// </summary>
internal sealed class ShiftedLegendLayout(ILegendLayout inner, float shift) : ILegendLayout
{
    public LegendLayout GetLayout(Legend legend, LegendItem[] items, PixelSize maxSize, Paint paint)
    {
        var layout = inner.GetLayout(legend, items, maxSize, paint);
        // Labels are centred in their boxes: a box twice the shift deeper centres the text the shift lower.
        return new LegendLayout
        {
            LegendItems = layout.LegendItems,
            LegendRect = layout.LegendRect,
            LabelRects = [.. layout.LabelRects.Select(r => new PixelRect(r.Left, r.Right, r.Bottom + 2 * shift, r.Top))],
            SymbolRects = layout.SymbolRects,
        };
    }
}
