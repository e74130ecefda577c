using DocumentFormat.OpenXml.Wordprocessing;

namespace Analytics.Api.Reports;

/// <summary>A report table in Word: full text width, thin borders, a grey header row repeated on every page.</summary>
internal static class DocxTables
{
    public static Table? TableOf(ReportTable table)
    {
        var columns = Math.Max(table.Columns.Count, table.Rows.Count == 0 ? 0 : table.Rows.Max(r => r.Count));
        if (columns == 0)
            return null;

        var widths = ColumnWidths(table, columns);
        var grid = new TableGrid();
        for (var i = 0; i < columns; i++)
            grid.Append(new GridColumn { Width = DocxReportWriter.Twips(widths[i]) });

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

    private static int[] ColumnWidths(ReportTable table, int columns) =>
        [.. table.ColumnShares(columns).Select(share => (int)(DocxStyles.TextWidthTwips * share))];

    private static TableCell Cell(string text, int width, JustificationValues alignment, bool header)
    {
        var properties = new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = DocxReportWriter.Twips(width) });
        if (header)
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "D9D9D9" });
        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });

        var run = header ? new Run(new RunProperties(new Bold()), DocxReportWriter.Words(text)) : new Run(DocxReportWriter.Words(text));
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
}
