namespace Analytics.Api.Reports;

/// <summary>How large a chart picture is placed in Word and Excel, so both show it at the same size.</summary>
internal static class ChartFrame
{
    /// <summary>16 cm: a little inside the Word text width (16.6 cm), so Word never rescales the picture.</summary>
    public const long WidthEmu = 5_760_000;

    /// <summary>The picture's size in EMU at <see cref="WidthEmu"/> wide, keeping the chart's own proportions.</summary>
    public static (long Cx, long Cy) Size(int widthPixels, int heightPixels)
    {
        // A chart without usable dimensions still gets a landscape frame rather than a zero-height picture.
        var ratio = widthPixels > 0 && heightPixels > 0 ? (double)heightPixels / widthPixels : 0.5;
        return (WidthEmu, (long)Math.Round(WidthEmu * ratio));
    }
}
