using Analytics.Ingestion.Formats;

namespace Analytics.Tools.Demo;

/// <summary>The header layouts of JD's order export (docs/export-formats.md §3.2).</summary>
internal static class JdColumns
{
    /// <summary>The 2015–2018 layout, verbatim, including the long full-width-parenthesised 商家备注等级 header.</summary>
    public static readonly IReadOnlyList<string> Base30 = PlatformHeaders.JdClassic30;

    /// <summary>The 30 plus the ten columns appended later.</summary>
    public static readonly IReadOnlyList<string> Extended40 = PlatformHeaders.JdExtended40;

    public static IReadOnlyList<string> For(ExportLayout layout) => layout == ExportLayout.Jd30 ? Base30 : Extended40;
}
