using System.Collections.Concurrent;
using SkiaSharp;

namespace Analytics.Api.Reports;

/// <summary>
/// The typeface the charts are drawn with, handed to ScottPlot by name. ScottPlot's default font draws Chinese as
/// boxes and its font detection finds nothing with SkiaSharp's packaged native library, so the face is loaded from its
/// file: the PDF's TrueType face when there is one, else the SC face (index 2) of Debian's Noto Sans CJK collection,
/// whose first face is Japanese.
/// </summary>
internal sealed class ChartFont : ScottPlot.IFontResolver
{
    public const string NotoCjkFile = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    private const int NotoSimplifiedChinese = 2;

    private static readonly ConcurrentDictionary<string, SKTypeface> Typefaces = new(StringComparer.Ordinal);

    static ChartFont() => ScottPlot.Fonts.FontResolvers.Insert(0, new ChartFont());

    private ChartFont()
    {
    }

    /// <summary>The family name to give ScottPlot, or null when no Chinese face is to be had.</summary>
    public static string? Family(ReportFont? font)
    {
        if (font is not null)
            return Register(font.Family, () => SKTypeface.FromData(SKData.CreateCopy(font.Face)));
        return File.Exists(NotoCjkFile) ? Register("ReportChart-NotoSansCJK-SC", () => SKTypeface.FromFile(NotoCjkFile, NotoSimplifiedChinese)) : null;
    }

    /// <summary>The typeface registered under a family name (for the font's own metrics).</summary>
    public static SKTypeface Typeface(string family) => Typefaces[family];

    private static string? Register(string family, Func<SKTypeface?> load)
    {
        if (Typefaces.ContainsKey(family))
            return family;
        var typeface = load();
        if (typeface is null)
            return null;
        // Two reports starting at once may both load it; either copy serves.
        Typefaces.TryAdd(family, typeface);
        return family;
    }

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => Typefaces.GetValueOrDefault(fontName);

    public SKTypeface? CreateTypeface(string fontName, ScottPlot.FontWeight weight, ScottPlot.FontSlant slant, ScottPlot.FontSpacing spacing) =>
        Typefaces.GetValueOrDefault(fontName);
}
