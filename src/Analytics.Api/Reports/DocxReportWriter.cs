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
            if (section.Table is { } table && DocxTables.TableOf(table) is { } built)
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
    internal static Text Words(string text) => new(text) { Space = SpaceProcessingModeValues.Preserve };

    internal static string Twips(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
