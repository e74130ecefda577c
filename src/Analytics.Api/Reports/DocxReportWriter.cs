using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Analytics.Api.Reports;

/// <summary>Lays a <see cref="ReportDocument"/> out as a Word document on A4 in the register of a bureau's written report.</summary>
internal static class DocxReportWriter
{
    public static void Write(ReportDocument report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        // The package seeks back into the zip as it writes: callers pass a MemoryStream or a file, never a response body.
        WritePackage(report, output);
    }

    private static void WritePackage(ReportDocument report, Stream target)
    {
        using var document = WordprocessingDocument.Create(target, WordprocessingDocumentType.Document);
        document.PackageProperties.Title = report.Title;

        var main = document.AddMainDocumentPart();
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = DocxStyles.Create();

        var body = new Body();
        body.Append(Styled(DocxStyles.Title, report.Title));
        if (report.Subtitle.Length > 0)
            body.Append(Styled(DocxStyles.Subtitle, report.Subtitle));

        var pictures = new DocxPictures(main);
        foreach (var section in report.Sections)
        {
            body.Append(Styled(DocxStyles.Heading1, section.Heading));
            foreach (var text in section.Paragraphs)
                body.Append(Styled(DocxStyles.Normal, text));
            // Chart before table, as in the HTML and PDF, so every format reads in the same order.
            if (section.Chart is { } chart)
                AppendChart(body, chart, pictures);
            if (section.Table is { } table && TableOf(table) is { } built)
                body.Append(built);
            foreach (var note in section.Notes)
                body.Append(Styled(DocxStyles.Note, note));
        }

        // Word insists on a paragraph between a table and the section properties, and repairs the file otherwise.
        if (body.LastChild is Table)
            body.Append(new Paragraph());
        body.Append(PageSetup());
        main.Document = new Document(body);
    }

    private static void AppendChart(Body body, ReportChart chart, DocxPictures pictures)
    {
        if (chart.Png is { } png)
        {
            body.Append(new Paragraph(
                new ParagraphProperties(
                    new ParagraphStyleId { Val = DocxStyles.Caption },
                    new KeepNext()),
                pictures.Inline(png, chart.WidthPixels, chart.HeightPixels, chart.Caption)));
            body.Append(Styled(DocxStyles.Caption, chart.Caption));
            return;
        }

        body.Append(Styled(DocxStyles.Caption, chart.Caption));
        // Without the reason a reader would take the missing figure for a printing fault.
        body.Append(new Paragraph(
            new ParagraphProperties(
                new ParagraphStyleId { Val = DocxStyles.Note },
                new Justification { Val = JustificationValues.Center }),
            new Run(new RunProperties(new Italic()), Words(chart.Missing ?? "图表未能生成。"))));
    }

    private static Table? TableOf(ReportTable table)
    {
        var columns = Math.Max(table.Columns.Count, table.Rows.Count == 0 ? 0 : table.Rows.Max(r => r.Count));
        if (columns == 0)
            return null;

        var widths = ColumnWidths(table, columns);
        var grid = new TableGrid();
        for (var i = 0; i < columns; i++)
            grid.Append(new GridColumn { Width = Twips(widths[i]) });

        var result = new Table(
            new TableProperties(
                new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
                new TableBorders(
                    Border(new TopBorder()), Border(new LeftBorder()), Border(new BottomBorder()),
                    Border(new RightBorder()), Border(new InsideHorizontalBorder()), Border(new InsideVerticalBorder())),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            grid);

        var header = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
        for (var i = 0; i < columns; i++)
        {
            var text = i < table.Columns.Count ? table.Columns[i] : "";
            header.Append(Cell(text, widths[i], JustificationValues.Center, header: true));
        }
        result.Append(header);

        foreach (var row in table.Rows)
        {
            var tableRow = new TableRow(new TableRowProperties(new CantSplit()));
            for (var i = 0; i < columns; i++)
            {
                var cell = i < row.Count ? row[i] : new ReportCell("");
                // Figures line up on their last digit so a column can be read down; words read from the left.
                var alignment = cell.Format == CellFormat.Text ? JustificationValues.Left : JustificationValues.Right;
                tableRow.Append(Cell(cell.Text, widths[i], alignment, header: false));
            }
            result.Append(tableRow);
        }
        return result;
    }

    /// <summary>
    /// The text width shared out by what the columns hold: a product title gets room, a rank does not. A header may
    /// wrap onto two lines, so it counts half.
    /// </summary>
    private static int[] ColumnWidths(ReportTable table, int columns)
    {
        var weights = new double[columns];
        for (var i = 0; i < columns; i++)
        {
            var header = i < table.Columns.Count ? XlsxCells.DisplayWidth(table.Columns[i]) / 2.0 : 0;
            var cells = table.Rows.Where(r => i < r.Count).Select(r => XlsxCells.DisplayWidth(r[i].Text)).DefaultIfEmpty(0).Max();
            // +3 for the cell's padding, so "+28.67%" stays on one line; bounds so no column vanishes or sprawls.
            weights[i] = Math.Clamp(Math.Max(header, cells) + 3, 6, 26);
        }
        return weights.Select(w => (int)(DocxStyles.TextWidthTwips * w / weights.Sum())).ToArray();
    }

    private static TableCell Cell(string text, int width, JustificationValues alignment, bool header)
    {
        var properties = new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = Twips(width) });
        if (header)
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "D9D9D9" });
        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });

        var run = header ? new Run(new RunProperties(new Bold()), Words(text)) : new Run(Words(text));
        return new TableCell(properties, new Paragraph(
            new ParagraphProperties(
                new ParagraphStyleId { Val = DocxStyles.TableText },
                new Justification { Val = alignment }),
            run));
    }

    private static T Border<T>(T border) where T : BorderType
    {
        border.Val = BorderValues.Single;
        border.Size = 4;
        border.Space = 0;
        border.Color = "000000";
        return border;
    }

    private static SectionProperties PageSetup() => new(
        new PageSize { Width = DocxStyles.PageWidthTwips, Height = DocxStyles.PageHeightTwips, Orient = PageOrientationValues.Portrait },
        new PageMargin
        {
            Top = DocxStyles.MarginTopBottomTwips,
            Bottom = DocxStyles.MarginTopBottomTwips,
            Left = DocxStyles.MarginLeftRightTwips,
            Right = DocxStyles.MarginLeftRightTwips,
            Header = 851,
            Footer = 992,
            Gutter = 0,
        });

    private static Paragraph Styled(string styleId, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = styleId }), new Run(Words(text)));

    // Leading or trailing spaces would be dropped by Word without the preserve flag.
    private static Text Words(string text) => new(text) { Space = SpaceProcessingModeValues.Preserve };

    private static string Twips(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
