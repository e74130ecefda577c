using DocumentFormat.OpenXml.Wordprocessing;

namespace Analytics.Api.Reports;

/// <summary>
/// The page and the named styles of the Word report, so that a reader who restyles it in Word changes every heading at once.
/// </summary>
internal static class DocxStyles
{
    public const string Normal = "Normal";
    public const string Title = "Title";
    public const string Subtitle = "Subtitle";
    public const string Heading1 = "Heading1";
    public const string Caption = "Caption";
    public const string Note = "Note";
    public const string TableText = "TableText";

    public const uint PageWidthTwips = 11906;
    public const uint PageHeightTwips = 16838;
    public const int MarginTopBottomTwips = 1418; // 2.5 cm
    public const uint MarginLeftRightTwips = 1247; // 2.2 cm
    public const int TextWidthTwips = (int)(PageWidthTwips - 2 * MarginLeftRightTwips);

    private const string Latin = "Times New Roman";
    private const string Song = "宋体";
    private const string Hei = "黑体";
    private const string Kai = "楷体";

    public static Styles Create() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                Fonts(Song),
                new FontSize { Val = "24" },
                new FontSizeComplexScript { Val = "24" },
                new Languages { Val = "en-US", EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault()),
        Paragraph(Normal, "Normal", basedOn: null, isDefault: true,
            new StyleParagraphProperties(
                new SpacingBetweenLines { Before = "0", After = "0", Line = "360", LineRule = LineSpacingRuleValues.Auto },
                // Two characters of indent is how Chinese prose marks a new paragraph; there is no blank line between them.
                new Indentation { FirstLine = "480", FirstLineChars = 200 },
                new Justification { Val = JustificationValues.Both }),
            new StyleRunProperties(Fonts(Song), Size(24))),
        Paragraph(Title, "Title", Normal, isDefault: false,
            new StyleParagraphProperties(
                new KeepNext(),
                new SpacingBetweenLines { Before = "240", After = "120", Line = "240", LineRule = LineSpacingRuleValues.Auto },
                NoIndent(),
                new Justification { Val = JustificationValues.Center }),
            new StyleRunProperties(Fonts(Hei), new Bold(), new BoldComplexScript(), Size(44))),
        Paragraph(Subtitle, "Subtitle", Normal, isDefault: false,
            new StyleParagraphProperties(
                new KeepNext(),
                new SpacingBetweenLines { Before = "0", After = "360", Line = "240", LineRule = LineSpacingRuleValues.Auto },
                NoIndent(),
                new Justification { Val = JustificationValues.Center }),
            new StyleRunProperties(Fonts(Kai), Size(24))),
        Paragraph(Heading1, "heading 1", Normal, isDefault: false,
            new StyleParagraphProperties(
                new KeepNext(),
                new KeepLines(),
                new SpacingBetweenLines { Before = "240", After = "120", Line = "360", LineRule = LineSpacingRuleValues.Auto },
                NoIndent(),
                new Justification { Val = JustificationValues.Left },
                new OutlineLevel { Val = 0 }),
            new StyleRunProperties(Fonts(Hei), Size(28))),
        // Single spacing: with proportional spacing Word would add half a picture's height above a chart.
        Paragraph(Caption, "caption", Normal, isDefault: false,
            new StyleParagraphProperties(
                new SpacingBetweenLines { Before = "60", After = "120", Line = "240", LineRule = LineSpacingRuleValues.Auto },
                NoIndent(),
                new Justification { Val = JustificationValues.Center }),
            new StyleRunProperties(Fonts(Hei), Size(21))),
        Paragraph(Note, "Note", Normal, isDefault: false,
            new StyleParagraphProperties(
                new SpacingBetweenLines { Before = "0", After = "0", Line = "300", LineRule = LineSpacingRuleValues.Auto },
                NoIndent()),
            new StyleRunProperties(Fonts(Song), Size(18))),
        Paragraph(TableText, "Table Text", Normal, isDefault: false,
            new StyleParagraphProperties(
                new SpacingBetweenLines { Before = "20", After = "20", Line = "240", LineRule = LineSpacingRuleValues.Auto },
                NoIndent()),
            new StyleRunProperties(Fonts(Song), Size(21))));

    private static Style Paragraph(
        string id, string name, string? basedOn, bool isDefault, StyleParagraphProperties paragraph, StyleRunProperties run)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
            style.Default = true;
        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
            style.Append(new BasedOn { Val = basedOn });
        style.Append(new NextParagraphStyle { Val = Normal });
        style.Append(new PrimaryStyle());
        style.Append(paragraph);
        style.Append(run);
        return style;
    }

    private static RunFonts Fonts(string eastAsia) =>
        new() { Ascii = Latin, HighAnsi = Latin, EastAsia = eastAsia, ComplexScript = Latin };

    private static Indentation NoIndent() => new() { FirstLine = "0", FirstLineChars = 0 };

    // Sizes are in half-points: 24 is 小四 (12 pt), 21 is 五号 (10.5 pt).
    private static FontSize Size(int halfPoints) =>
        new() { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
