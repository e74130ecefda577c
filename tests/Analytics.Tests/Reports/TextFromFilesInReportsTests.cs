using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Analytics.Api.Reports;
using Analytics.Tests.Api;
using Analytics.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using static Analytics.Tests.Support.TitlesThatLookLikeCode;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Analytics.Tests.Reports;

/// <summary>
/// Titles and shop names from export files that look like HTML or a spreadsheet formula are text in every report: escaped
/// in HTML, string cells (never formulas) in Excel, plain runs in Word; and the API's JSON gives them back as typed.
/// </summary>
[NonParallelizable]
public sealed class TextFromFilesInReportsTests
{
    private AnalyticsApp _app = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task ImportTheExportWithCodeInItsTitles()
    {
        // No browser: the charts are left out with a note, which is all these tests need.
        _app = new AnalyticsApp { Settings = { ["Reports:FontPath"] = "/nonexistent/font.ttf" } };
        _client = _app.CreateClient();
        await UploadAsync(_client);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client.Dispose();
        _app.Dispose();
    }

    [Test]
    public async Task TheHtmlReportEscapesThemAndComesWithItsOwnPolicy()
    {
        using var response = await _client.GetAsync(new Uri("/api/reports/monthly/2025-03.html", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var policy = string.Join("", response.Headers.GetValues("Content-Security-Policy"));
        var style = html[(html.IndexOf("<style>", StringComparison.Ordinal) + "<style>".Length)..html.IndexOf("</style>", StringComparison.Ordinal)];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
            Assert.That(html, Does.Contain("<td>&lt;img src=x onerror=alert(1)&gt;</td>"));
            Assert.That(html, Does.Contain("<td>=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</td>"));
            Assert.That(html, Does.Contain("<td>&lt;b onmouseover=alert(2)&gt;乡味优选&lt;/b&gt;</td>"));
            Assert.That(html, Does.Not.Contain("<img src=x").And.Not.Contain("<b ").And.Not.Contain("<script"));
            Assert.That(policy, Is.EqualTo(HtmlReportWriter.Policy));
            Assert.That(policy, Does.StartWith("default-src 'none'; ").And.Not.Contain("script-src").And.Not.Contain("unsafe"));
            Assert.That(policy, Does.Contain($"style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)))}'"),
                "the policy allows exactly the page's own style block");
            Assert.That(html, Does.Contain($"<meta http-equiv=\"Content-Security-Policy\" content=\"{policy.Replace("; frame-ancestors 'none'", "", StringComparison.Ordinal)}\">"),
                "the page carries the policy itself, for a copy opened from disk");
            Assert.That(Header(response, "X-Content-Type-Options"), Is.EqualTo("nosniff"));
        }
    }

    [Test]
    public async Task TheExcelReportHoldsThemAsStringCellsNeverFormulas()
    {
        using var response = await _client.GetAsync(new Uri("/api/reports/monthly/2025-03.xlsx", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        using var book = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var cells = book.WorkbookPart!.WorksheetParts.SelectMany(sheet => sheet.Worksheet.Descendants<S.Cell>()).ToList();
        var formats = book.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<S.CellFormat>().ToList();
        S.Cell Holding(string text) => cells.Single(c => c.InnerText == text);
        bool TypedText(S.Cell cell) => formats[(int)cell.StyleIndex!.Value].QuotePrefix?.Value == true;

        var formula = Holding(FormulaTitle);
        var markup = Holding(MarkupTitle);
        var shop = cells.First(c => c.InnerText == MarkupShop);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cells.Where(c => c.CellFormula is not null).Select(c => c.CellReference?.Value), Is.Empty, "formula cells in the workbook");
            foreach (var cell in new[] { formula, markup, shop })
            {
                Assert.That(cell.DataType?.Value, Is.EqualTo(S.CellValues.InlineString), cell.InnerText);
                Assert.That(cell.InlineString?.Text?.Text, Is.EqualTo(cell.InnerText), "the text as typed");
            }
            Assert.That(TypedText(formula), Is.True, "a title that begins with = stays text even when the cell is edited");
            Assert.That(TypedText(markup), Is.False, "other text is not marked");
        }
    }

    [Test]
    public async Task TheWordReportHoldsThemAsPlainTextRuns()
    {
        using var response = await _client.GetAsync(new Uri("/api/reports/monthly/2025-03.docx", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        using var word = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var document = word.MainDocumentPart!.Document;
        var texts = document.Descendants<W.Text>().ToList();

        using (Assert.EnterMultipleScope())
        {
            foreach (var name in new[] { FormulaTitle, MarkupTitle, MarkupShop })
            {
                var text = texts.FirstOrDefault(t => t.Text == name);
                Assert.That(text, Is.Not.Null, $"{name} as one text element");
                Assert.That(text?.Parent, Is.InstanceOf<W.Run>(), name);
            }
            Assert.That(document.Descendants<W.FieldCode>(), Is.Empty, "field codes");
            Assert.That(document.Descendants<W.SimpleField>(), Is.Empty, "fields");
            Assert.That(document.Descendants<W.FieldChar>(), Is.Empty, "field characters");
            Assert.That(document.Descendants<W.Hyperlink>(), Is.Empty, "hyperlinks");
        }
    }

    [Test]
    public async Task TheApiGivesThemBackAsTypedInJson()
    {
        using var response = await _client.GetAsync(new Uri("/api/rankings/products?from=2025-03-01&to=2025-03-31", UriKind.Relative));
        using var ranking = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(Header(response, "X-Content-Type-Options"), Is.EqualTo("nosniff"), "no browser takes the JSON for a page");
            Assert.That(ranking.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()),
                Is.EqualTo(new[] { MarkupTitle, FormulaTitle }));
        }
    }

    [TestCase("=1+1")]
    [TestCase("+86 138")]
    [TestCase("-5%")]
    [TestCase("@SUM(A1:A9)")]
    [TestCase("\t=1+1")]
    [TestCase("\r=1+1")]
    public void AnExcelCellThatBeginsLikeAFormulaIsTypedText(string text)
    {
        var report = new ReportDocument
        {
            Title = "报告",
            Subtitle = text,
            FileStem = "2025-03",
            Sections = [new ReportSection { Heading = "商品", Table = new ReportTable("商品", ["商品"], [[text], ["富硒小米"]]) }],
        };
        using var stream = new MemoryStream();
        XlsxReportWriter.Write(report, stream);
        stream.Position = 0;
        using var book = SpreadsheetDocument.Open(stream, false);
        var formats = book.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<S.CellFormat>().ToList();
        var cells = book.WorkbookPart.WorksheetParts.SelectMany(sheet => sheet.Worksheet.Descendants<S.Cell>()).ToList();
        var marked = cells.Where(c => formats[(int)c.StyleIndex!.Value].QuotePrefix?.Value == true).ToList();
        var asRead = text.Replace('\r', '\n'); // XML reads a written carriage return back as a line feed

        using (Assert.EnterMultipleScope())
        {
            Assert.That(marked.Select(c => c.InnerText), Is.EqualTo(new[] { asRead, asRead }), "the subtitle and the table cell, and nothing else");
            Assert.That(marked.Select(c => c.DataType?.Value), Has.All.EqualTo(S.CellValues.InlineString));
            Assert.That(cells.Where(c => c.CellFormula is not null), Is.Empty);
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}
