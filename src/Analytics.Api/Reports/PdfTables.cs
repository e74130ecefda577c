using PdfSharp.Drawing;

namespace Analytics.Api.Reports;

/// <summary>
/// A report table in the PDF: full text width, thin black rules, a grey header row, cells wrapped by the Chinese line
/// breaker, figures right-aligned; a row never splits, and a table going on to the next page repeats its header there.
/// </summary>
internal static class PdfTables
{
    private const double Size = 9.5;
    private const double Padding = 3;
    private static readonly XColor HeaderFill = XColor.FromArgb(0xD9, 0xD9, 0xD9);
    private static readonly XPen Rule = new(XColors.Black, 0.5);

    public static void Draw(PdfFlow pages, ReportTable table)
    {
        var columns = Math.Max(table.Columns.Count, table.Rows.Count == 0 ? 0 : table.Rows.Max(r => r.Count));
        if (columns == 0)
            return;
        var widths = ColumnWidths(table, columns);
        var header = Enumerable.Range(0, columns).Select(i => new ReportCell(i < table.Columns.Count ? table.Columns[i] : "")).ToList();
        var headerRow = Layout(pages, header, widths, bold: true);
        var rows = table.Rows.Select(row => Layout(pages, [.. Enumerable.Range(0, columns).Select(i => i < row.Count ? row[i] : new ReportCell(""))], widths, bold: false)).ToList();

        // The header never stands alone at a page's foot: it goes with the first row.
        pages.Ensure(headerRow.Height + (rows.Count > 0 ? rows[0].Height : 0));
        DrawRow(pages, headerRow, widths, header: true);
        foreach (var row in rows)
        {
            if (pages.Ensure(row.Height))
                DrawRow(pages, headerRow, widths, header: true);
            DrawRow(pages, row, widths, header: false);
        }
        pages.Y += 6;
    }

    private sealed record LaidRow(IReadOnlyList<(IReadOnlyList<string> Lines, bool Right)> Cells, bool Bold, double Height);

    private static LaidRow Layout(PdfFlow pages, IReadOnlyList<ReportCell> cells, double[] widths, bool bold)
    {
        var font = pages.Font(Size, bold);
        var graphics = pages.Graphics;
        var laid = cells.Select((cell, i) => (
            Lines: ChineseLineBreaker.Lines(cell.Text, widths[i] - 2 * Padding, s => graphics.MeasureString(s, font).Width),
            Right: cell.Format != CellFormat.Text)).ToList();
        var height = laid.Max(c => c.Lines.Count) * LineHeight + 2 * Padding;
        return new LaidRow(laid, bold, height);
    }

    private static double LineHeight => Size * 1.45;

    private static void DrawRow(PdfFlow pages, LaidRow row, double[] widths, bool header)
    {
        var graphics = pages.Graphics;
        var font = pages.Font(Size, row.Bold);
        var x = PdfFlow.Left;
        var y = pages.Y;
        for (var i = 0; i < widths.Length; i++)
        {
            var rect = new XRect(x, y, widths[i], row.Height);
            if (header)
                graphics.DrawRectangle(new XSolidBrush(HeaderFill), rect);
            graphics.DrawRectangle(Rule, rect);
            var (lines, right) = row.Cells[i];
            // Lines sit in the middle of a taller cell, as Word centres them vertically.
            var top = y + (row.Height - lines.Count * LineHeight) / 2;
            for (var l = 0; l < lines.Count; l++)
            {
                var width = graphics.MeasureString(lines[l], font).Width;
                var left = header ? x + (widths[i] - width) / 2 : right ? x + widths[i] - Padding - width : x + Padding;
                graphics.DrawString(lines[l], font, XBrushes.Black, left, top + l * LineHeight + Size * 1.1, XStringFormats.BaseLineLeft);
            }
            x += widths[i];
        }
        pages.Y += row.Height;
    }

    private static double[] ColumnWidths(ReportTable table, int columns) => [.. table.ColumnShares(columns).Select(share => PdfFlow.TextWidth * share)];
}
