using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using SheetCellFormat = DocumentFormat.OpenXml.Spreadsheet.CellFormat;

namespace Analytics.Api.Reports;

/// <summary>The workbook's cell formats; the constants are indices into the stylesheet's cellXfs, in the order built below.</summary>
internal static class XlsxStyles
{
    public const uint Default = 0;
    public const uint Title = 1;
    public const uint Heading = 2;
    public const uint Wrapped = 3;
    public const uint Note = 4;
    public const uint Missing = 5;
    public const uint Header = 6;
    public const uint TextCell = 7;
    public const uint GeneralNumber = 8;
    public const uint IntegerNumber = 9;
    public const uint DecimalNumber = 10;
    public const uint PercentNumber = 11;

    // Built-in number formats, which every Excel and LibreOffice knows without a numFmts entry.
    private const uint ThousandsInteger = 3; // #,##0
    private const uint ThousandsDecimal = 4; // #,##0.00
    private const uint PercentTwoDecimals = 10; // 0.00%

    private const uint RegularFont = 0, BoldFont = 1, TitleFont = 2, NoteFont = 3, ItalicFont = 4, HeadingFont = 5;
    private const uint GreyFill = 2;
    private const uint ThinBorder = 1;

    /// <summary>
    /// The same format marked as typed text (Excel's leading apostrophe): a cell that begins like a formula stays text
    /// even when a reader opens it to edit and presses Enter. The marked twins follow the formats above in the same order.
    /// </summary>
    public static uint AsTypedText(uint style) => style + FormatCount;

    private const uint FormatCount = PercentNumber + 1;

    public static uint ForNumber(CellFormat format) => format switch
    {
        CellFormat.Integer => IntegerNumber,
        CellFormat.Decimal => DecimalNumber,
        CellFormat.Percent => PercentNumber,
        _ => GeneralNumber,
    };

    public static Stylesheet Create()
    {
        var fonts = new Fonts(
            Font(11, bold: false, italic: false, color: null),
            Font(11, bold: true, italic: false, color: null),
            Font(16, bold: true, italic: false, color: null),
            Font(9, bold: false, italic: false, color: "FF595959"),
            Font(11, bold: false, italic: true, color: "FF595959"),
            Font(12, bold: true, italic: false, color: null));
        fonts.Count = (uint)fonts.ChildElements.Count;

        // The first two fills are reserved by Excel (none and gray125) whatever the workbook uses.
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(
                new ForegroundColor { Rgb = "FFD9D9D9" },
                new BackgroundColor { Indexed = 64 })
            { PatternType = PatternValues.Solid }));
        fills.Count = 3;

        var thin = new Border(
            Edge(new LeftBorder()), Edge(new RightBorder()), Edge(new TopBorder()), Edge(new BottomBorder()), new DiagonalBorder());
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            thin);
        borders.Count = 2;

        var formats = new CellFormats(
            Xf(0, RegularFont, 0, 0, null),
            Xf(0, TitleFont, 0, 0, null),
            Xf(0, HeadingFont, 0, 0, null),
            Xf(0, RegularFont, 0, 0, new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }),
            Xf(0, NoteFont, 0, 0, new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }),
            Xf(0, ItalicFont, 0, 0, null),
            Xf(0, BoldFont, GreyFill, ThinBorder, new Alignment
            {
                Horizontal = HorizontalAlignmentValues.Center,
                Vertical = VerticalAlignmentValues.Center,
                WrapText = true,
            }),
            Xf(0, RegularFont, 0, ThinBorder, null),
            Xf(0, RegularFont, 0, ThinBorder, null),
            Xf(ThousandsInteger, RegularFont, 0, ThinBorder, null),
            Xf(ThousandsDecimal, RegularFont, 0, ThinBorder, null),
            Xf(PercentTwoDecimals, RegularFont, 0, ThinBorder, null));
        foreach (var format in formats.Elements<SheetCellFormat>().ToList())
        {
            var typedText = (SheetCellFormat)format.CloneNode(true);
            typedText.QuotePrefix = true;
            formats.Append(typedText);
        }
        formats.Count = (uint)formats.ChildElements.Count;

        return new Stylesheet(
            fonts,
            fills,
            borders,
            new CellStyleFormats(new SheetCellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            formats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static Font Font(double points, bool bold, bool italic, string? color)
    {
        var font = new Font();
        if (bold)
            font.Append(new Bold());
        if (italic)
            font.Append(new Italic());
        font.Append(new FontSize { Val = points });
        if (color is not null)
            font.Append(new Color { Rgb = color });
        // 宋体 carries both the Chinese text and the digits, matching the Word report.
        font.Append(new FontName { Val = "宋体" });
        font.Append(new FontCharSet { Val = 134 });
        return font;
    }

    private static T Edge<T>(T edge) where T : BorderPropertiesType
    {
        edge.Style = BorderStyleValues.Thin;
        edge.Append(new Color { Indexed = 64 });
        return edge;
    }

    private static SheetCellFormat Xf(uint numberFormat, uint font, uint fill, uint border, Alignment? alignment)
    {
        var xf = new SheetCellFormat
        {
            NumberFormatId = numberFormat,
            FontId = font,
            FillId = fill,
            BorderId = border,
            FormatId = 0,
        };
        if (numberFormat != 0)
            xf.ApplyNumberFormat = true;
        if (font != 0)
            xf.ApplyFont = true;
        if (fill != 0)
            xf.ApplyFill = true;
        if (border != 0)
            xf.ApplyBorder = true;
        if (alignment is not null)
        {
            xf.ApplyAlignment = true;
            xf.Append(alignment);
        }
        return xf;
    }
}
