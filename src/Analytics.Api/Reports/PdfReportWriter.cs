using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Analytics.Api.Reports;

/// <summary>
/// Lays a <see cref="ReportDocument"/> out as a PDF on A4, written directly with PDFsharp in the same order and register
/// as the Word report: centred title, numbered headings kept with what follows, indented paragraphs, charts at 16 cm
/// with their captions, tables, small print, and page numbers. Needs the report's TrueType face.
/// </summary>
internal static class PdfReportWriter
{
    private const double BodySize = 12;
    private const double BodyLeading = BodySize * 1.7;
    private const double NoteSize = 9;
    private static readonly XBrush Grey = new XSolidBrush(XColor.FromArgb(0x40, 0x40, 0x40));

    public static void Write(ReportDocument report, ReportFont font, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(font);
        PdfFontResolver.Register(font);

        using var document = new PdfDocument();
        document.Info.Title = report.Title;
        document.Language = "zh-CN";
        document.Options.CompressContentStreams = true;
        using (var pages = new PdfFlow(document, font.Family))
        {
            Centred(pages, report.Title, 18, bold: true, leading: 30, Black);
            if (report.Subtitle.Length > 0)
                Centred(pages, report.Subtitle, 10, bold: false, leading: 16, Grey);
            pages.Y += 10;
            foreach (var section in report.Sections)
            {
                Heading(pages, section.Heading, FirstBlockHeight(section));
                foreach (var paragraph in section.Paragraphs)
                    Paragraph(pages, paragraph, BodySize, BodyLeading, indent: true, Black);
                // Chart before table, as in Word and HTML.
                if (section.Chart is { } chart)
                    Chart(pages, chart);
                if (section.Table is { } table)
                    PdfTables.Draw(pages, table);
                foreach (var note in section.Notes)
                    Paragraph(pages, note, NoteSize, NoteSize * 1.6, indent: false, Grey);
            }
            pages.NumberPages();
        }
        document.Save(output, closeStream: false);
    }

    private static XBrush Black => XBrushes.Black;

    private static void Centred(PdfFlow pages, string text, double size, bool bold, double leading, XBrush brush)
    {
        var font = pages.Font(size, bold);
        var graphics = pages.Graphics;
        foreach (var line in ChineseLineBreaker.Lines(text, PdfFlow.TextWidth, s => graphics.MeasureString(s, font).Width))
        {
            pages.Ensure(leading);
            var width = pages.Graphics.MeasureString(line, font).Width;
            pages.Graphics.DrawString(line, font, brush, PdfFlow.Left + (PdfFlow.TextWidth - width) / 2, pages.Y + leading * 0.75, XStringFormats.BaseLineLeft);
            pages.Y += leading;
        }
    }

    /// <summary>
    /// How much of what follows a heading must share its page: three lines of text, or the whole chart with its caption,
    /// or a table's header and first rows. A heading alone at a page's foot reads as a fault.
    /// </summary>
    private static double FirstBlockHeight(ReportSection section) =>
        section.Paragraphs.Count > 0 ? 3 * BodyLeading
        : section.Chart is { Png: not null } chart ? ChartHeight(chart) + CaptionHeight + 8
        : section.Table is not null ? 60
        : BodyLeading;

    private const double CaptionHeight = 20;

    private static double ChartWidth => ChartFrame.WidthEmu / 12_700.0; // EMU per point

    private static double ChartHeight(ReportChart chart) => ChartWidth * chart.HeightPixels / Math.Max(1, chart.WidthPixels);

    private static void Heading(PdfFlow pages, string text, double keepWith)
    {
        const double size = 14;
        const double leading = 24;
        pages.Ensure(8 + leading + 2 + keepWith);
        pages.Y += 8;
        Paragraph(pages, text, size, leading, indent: false, Black, bold: true);
        pages.Y += 2;
    }

    private static void Paragraph(PdfFlow pages, string text, double size, double leading, bool indent, XBrush brush, bool bold = false)
    {
        var font = pages.Font(size, bold);
        var graphics = pages.Graphics;
        // The first line is indented by two characters, as a Chinese paragraph is.
        var indentWidth = indent ? 2 * size : 0;
        var lines = ChineseLineBreaker.Lines(text, PdfFlow.TextWidth, s => graphics.MeasureString(s, font).Width, indentWidth);
        for (var i = 0; i < lines.Count; i++)
        {
            pages.Ensure(leading);
            var x = PdfFlow.Left + (i == 0 ? indentWidth : 0);
            pages.Graphics.DrawString(lines[i], font, brush, x, pages.Y + leading * 0.72, XStringFormats.BaseLineLeft);
            pages.Y += leading;
        }
        pages.Y += size * 0.3;
    }

    private static void Chart(PdfFlow pages, ReportChart chart)
    {
        if (chart.Png is not { } png)
        {
            Paragraph(pages, chart.Caption, 10.5, 18, indent: false, Black);
            Paragraph(pages, chart.Missing ?? "图表未能生成。", NoteSize, NoteSize * 1.6, indent: false, Grey);
            return;
        }
        using var stream = new MemoryStream(png, writable: false);
        using var image = XImage.FromStream(stream);
        var width = ChartWidth;
        var height = ChartHeight(chart);
        // The picture and its caption stay on one page.
        pages.Ensure(height + CaptionHeight + 8);
        pages.Y += 4;
        pages.Graphics.DrawImage(image, PdfFlow.Left + (PdfFlow.TextWidth - width) / 2, pages.Y, width, height);
        pages.Y += height + 2;
        Centred(pages, chart.Caption, 10.5, bold: false, leading: CaptionHeight, Black);
        pages.Y += 4;
    }
}
