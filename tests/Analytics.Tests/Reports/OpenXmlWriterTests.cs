using Analytics.Api.Reports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Analytics.Tests.Reports;

public sealed class OpenXmlWriterTests
{
    // A 4×2 RGB PNG with correct CRCs, small enough to compare byte for byte.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAIAAADwyuo0AAAAHUlEQVR42mM4IScnt8BGI+DEhxMiDEAMZAH5QFEAhK4KFeLReksAAAAASUVORK5CYII=");

    private const string Statement = "2022年，全县实现网络零售额3091万元，同比增长39.1%。";
    private const string Missing = "图表未能生成：绘图浏览器不可用。";

    private static readonly ReportDocument Report = new()
    {
        Title = "禾丰县网络零售运行情况（2022年）",
        Subtitle = "统计期：2022年1—12月；2023年1月10日据平台导出数据生成",
        FileStem = "2022",
        Sections =
        [
            new ReportSection
            {
                Heading = "一、总体情况",
                Paragraphs = [Statement, "其中，农产品网络零售额1206万元，同比增长25.3%。"],
                Notes = ["注：网络零售额不含退款。"],
            },
            new ReportSection
            {
                Heading = "二、分平台情况",
                Paragraphs = ["抖音平台零售额居首。"],
                Table = new ReportTable("分平台/渠道", ["平台", "订单数（单）", "零售额（万元）", "占比"],
                [
                    ["抖音", new ReportCell("12,345", 12345, CellFormat.Integer), new ReportCell("1,543.21", 1543.21, CellFormat.Decimal), new ReportCell("49.93%", 0.4993, CellFormat.Percent)],
                    ["京东", new ReportCell("6,789", 6789, CellFormat.Integer), new ReportCell("1,547.79", 1547.79, CellFormat.Decimal), new ReportCell("50.07%", 0.5007, CellFormat.Percent)],
                ]),
                Chart = new ReportChart("图1 分平台网络零售额", Png, 4, 2, null),
            },
            new ReportSection { Heading = "三、月度走势", Chart = new ReportChart("图2 月度网络零售额", null, 800, 400, Missing) },
        ],
    };

    [Test]
    public void WordReportHasTheStatementAndTheTableUnderTheirHeadings()
    {
        using var doc = WordprocessingDocument.Open(Write(DocxReportWriter.Write), false);
        var body = doc.MainDocumentPart!.Document.Body!;
        var texts = body.ChildElements.Select(e => e.InnerText).ToList();

        Assert.That(texts, Does.Contain("一、总体情况"));
        Assert.That(texts.IndexOf(Statement), Is.GreaterThan(texts.IndexOf("一、总体情况")));
        var table = body.Elements<W.Table>().Single();
        Assert.That(body.ChildElements.ToList().IndexOf(table), Is.GreaterThan(texts.IndexOf("二、分平台情况")));
        var rows = table.Elements<W.TableRow>().ToList();
        Assert.That(rows.Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText)), Is.EqualTo(new[]
        {
            new[] { "平台", "订单数（单）", "零售额（万元）", "占比" },
            new[] { "抖音", "12,345", "1,543.21", "49.93%" },
            new[] { "京东", "6,789", "1,547.79", "50.07%" },
        }));
        Assert.That(rows[0].TableRowProperties!.Elements<W.TableHeader>(), Is.Not.Empty, "header repeats on every page");
        Assert.That(Alignments(rows[1]), Is.EqualTo(new[] { "left", "right", "right", "right" }));
    }

    [Test]
    public void WordReportEmbedsTheChartPngAtTextWidthKeepingItsProportions()
    {
        using var doc = WordprocessingDocument.Open(Write(DocxReportWriter.Write), false);
        var image = doc.MainDocumentPart!.ImageParts.Single();
        using var stored = new MemoryStream();
        using (var data = image.GetStream())
            data.CopyTo(stored);

        Assert.That(stored.ToArray(), Is.EqualTo(Png));
        var extent = doc.MainDocumentPart.Document.Descendants<Wp.Extent>().Single();
        Assert.That((extent.Cx!.Value, extent.Cy!.Value), Is.EqualTo((5_760_000L, 2_880_000L)));
        Assert.That(doc.MainDocumentPart.Document.Body!.ChildElements.Select(e => e.InnerText), Does.Contain("图1 分平台网络零售额"));
    }

    [Test]
    public void WordReportSaysWhyAChartIsMissing()
    {
        using var doc = WordprocessingDocument.Open(Write(DocxReportWriter.Write), false);
        var paragraphs = doc.MainDocumentPart!.Document.Body!.Elements<W.Paragraph>().ToList();
        var caption = paragraphs.FindIndex(p => p.InnerText == "图2 月度网络零售额");

        Assert.That(paragraphs[caption + 1].InnerText, Is.EqualTo(Missing));
        Assert.That(paragraphs[caption + 1].Descendants<W.Italic>(), Is.Not.Empty);
    }

    [Test]
    public void WordReportIsValidOpenXmlTitledAfterTheReport()
    {
        using var doc = WordprocessingDocument.Open(Write(DocxReportWriter.Write), false);

        Assert.That(Errors(doc), Is.Empty);
        Assert.That(doc.PackageProperties.Title, Is.EqualTo(Report.Title));
    }

    [Test]
    public void WorkbookHasTheStatementSheetOneSheetPerTableAndTheChartSheet()
    {
        using var book = SpreadsheetDocument.Open(Write(XlsxReportWriter.Write), false);
        var names = book.WorkbookPart!.Workbook.Sheets!.Elements<S.Sheet>().Select(s => s.Name!.Value);

        Assert.That(names, Is.EqualTo(new[] { "报告", "分平台_渠道", "图表" }));
        Assert.That(CellTexts(book, "报告"), Does.Contain(Statement).And.Contains(Report.Title).And.Contains("注：网络零售额不含退款。"));
        Assert.That(CellTexts(book, "分平台_渠道").Take(5), Is.EqualTo(new[] { "二、分平台情况", "平台", "订单数（单）", "零售额（万元）", "占比" }));
    }

    [TestCase("B4", 12345d, 3u)]
    [TestCase("C4", 1543.21, 4u)]
    [TestCase("D5", 0.5007, 10u)]
    public void TableFiguresAreStoredAsNumbersWithTheirNumberFormat(string reference, double value, uint numberFormat)
    {
        using var book = SpreadsheetDocument.Open(Write(XlsxReportWriter.Write), false);
        var cell = Sheet(book, "分平台_渠道").Worksheet.Descendants<S.Cell>().Single(c => c.CellReference == reference);
        var style = book.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<S.CellFormat>()
            .ElementAt((int)cell.StyleIndex!.Value);

        Assert.That(cell.DataType?.Value ?? S.CellValues.Number, Is.EqualTo(S.CellValues.Number));
        Assert.That(cell.CellValue!.Text, Is.EqualTo(value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(style.NumberFormatId!.Value, Is.EqualTo(numberFormat));
    }

    [Test]
    public void TableSheetFreezesTheHeaderAndFiltersTheTable()
    {
        using var book = SpreadsheetDocument.Open(Write(XlsxReportWriter.Write), false);
        var sheet = Sheet(book, "分平台_渠道").Worksheet;

        Assert.That(sheet.Descendants<S.Pane>().Single().TopLeftCell!.Value, Is.EqualTo("A4"));
        Assert.That(sheet.Elements<S.AutoFilter>().Single().Reference!.Value, Is.EqualTo("A3:D5"));
    }

    [Test]
    public void ChartSheetHoldsThePngAndTheReasonForAMissingChart()
    {
        using var book = SpreadsheetDocument.Open(Write(XlsxReportWriter.Write), false);
        var charts = Sheet(book, "图表");
        using var stored = new MemoryStream();
        using (var data = charts.DrawingsPart!.ImageParts.Single().GetStream())
            data.CopyTo(stored);

        Assert.That(stored.ToArray(), Is.EqualTo(Png));
        Assert.That(CellTexts(book, "图表"), Is.EqualTo(new[] { "图1 分平台网络零售额", "图2 月度网络零售额", Missing }));
    }

    [Test]
    public void WorkbookIsValidOpenXml()
    {
        using var book = SpreadsheetDocument.Open(Write(XlsxReportWriter.Write), false);

        Assert.That(Errors(book), Is.Empty);
    }

    [Test]
    public void SheetNamesBecomeWhatExcelAcceptsAndStayUnique()
    {
        var names = new XlsxSheetNames("报告", "图表");

        Assert.That(names.Claim("分平台/渠道[2022]:明细?"), Is.EqualTo("分平台_渠道_2022__明细_"));
        Assert.That(names.Claim("报告"), Is.EqualTo("报告(2)"));
        Assert.That(names.Claim(new string('表', 40)), Is.EqualTo(new string('表', 31)));
        Assert.That(names.Claim(new string('表', 40)), Is.EqualTo(new string('表', 28) + "(2)"));
        Assert.That(names.Claim("'  '"), Is.EqualTo("表"));
    }

    private static MemoryStream Write(Action<ReportDocument, Stream> writer)
    {
        var stream = new MemoryStream();
        writer(Report, stream);
        stream.Position = 0;
        return stream;
    }

    // Against the first schema version, so the files open in every Office and LibreOffice that reads OOXML.
    private static string[] Errors(OpenXmlPackage package) =>
        new OpenXmlValidator(FileFormatVersions.Office2007).Validate(package)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToArray();

    private static IEnumerable<string?> Alignments(W.TableRow row) =>
        row.Descendants<W.Justification>().Select(j => j.Val?.InnerText);

    private static WorksheetPart Sheet(SpreadsheetDocument book, string name)
    {
        var sheet = book.WorkbookPart!.Workbook.Sheets!.Elements<S.Sheet>().Single(s => s.Name == name);
        return (WorksheetPart)book.WorkbookPart.GetPartById(sheet.Id!.Value!);
    }

    private static List<string> CellTexts(SpreadsheetDocument book, string sheet)
    {
        var shared = book.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<S.SharedStringItem>().ToList();
        return Sheet(book, sheet).Worksheet.Descendants<S.Cell>()
            .Select(c => c.DataType?.Value == S.CellValues.SharedString
                ? shared![int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)].InnerText
                : c.InlineString?.InnerText ?? c.CellValue?.Text ?? "")
            .ToList();
    }
}
