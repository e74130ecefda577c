using System.Net;
using System.Text.Json;
using Analytics.Tests.Api;
using Analytics.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Analytics.Tests.Reports;

/// <summary>
/// The reports of the demo county over HTTP, as the bureau downloads them: the published figures (3091万元 +39.1% for
/// 2022, 764万元 +24.18% and 21 provinces for 2023 Q1) come out of the imported exports, in Word, Excel, PDF and HTML.
/// </summary>
[Category("Demo")]
[NonParallelizable]
public sealed class DemoReportTests
{
    private AnalyticsApp _app = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartTheServiceOnTheDemoDatabase()
    {
        _app = new AnalyticsApp(await DemoData.PathAsync()) { Settings = { ["Reports:County"] = "禾丰县" } };
        _client = _app.CreateClient();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client.Dispose();
        _app.Dispose();
    }

    private async Task<byte[]> GetAsync(string path, string contentType)
    {
        using var response = await _client.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(contentType));
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Test]
    public async Task TheAnnualWordReportFor2022StatesTheCountysNetSalesAndGrowth()
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(await GetAsync("/api/reports/annual/2022.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document")), false);
        var body = word.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Elements<W.Paragraph>().Select(p => p.InnerText).ToList();

        Assert.That(paragraphs, Does.Contain("禾丰县网络零售运行情况（2022年）"));
        Assert.That(paragraphs.Any(p => p.StartsWith("2022年，全县实现网络零售额3091万元，同比增长39.1%；", StringComparison.Ordinal)), Is.True,
            string.Join("\n", paragraphs.Take(8)));
        Assert.That(word.MainDocumentPart.ImageParts.Count(), Is.EqualTo(2), "the trend and the ranked provinces");
    }

    [Test]
    public async Task TheQuarterlyWordReportHasTheStatementAndEveryTable()
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(await GetAsync("/api/reports/quarterly/2023Q1.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document")), false);
        var body = word.MainDocumentPart!.Document.Body!;
        var statement = body.Elements<W.Paragraph>().Select(p => p.InnerText).First(p => p.StartsWith("2023年一季度，", StringComparison.Ordinal));
        var tables = body.Elements<W.Table>().Select(t => t.Elements<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToList()).ToList()).ToList();

        Assert.That(statement, Does.Contain("全县实现网络零售额764万元，同比增长24.18%").And.Contain("商品覆盖全国21个省市"));
        Assert.That(tables.Select(t => t[0][0]), Is.EqualTo(new[] { "指标", "平台", "位次", "位次", "品类", "位次", "平台" }),
            "key figures, platforms, enterprises, products, categories, provinces, data sources");
        Assert.That(tables[0][1].Take(2), Is.EqualTo(new[] { "网络零售额（万元）※", "764.00" }));
        Assert.That(tables[3].Count, Is.EqualTo(11), "header and the top ten products");
        Assert.That(tables[5].Count(r => r[0] != "" && r[0] != "位次"), Is.EqualTo(21), "one row per province reached");
        Assert.That(tables[1][0].Last(), Is.EqualTo("同比"));
    }

    [Test]
    public async Task TheExcelReportCarriesTheTablesAsNumbersThatAgreeWithTheRankingsApi()
    {
        using var excel = SpreadsheetDocument.Open(new MemoryStream(await GetAsync("/api/reports/quarterly/2023Q1.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")), false);
        var sheets = excel.WorkbookPart!.Workbook.Sheets!.Elements<S.Sheet>().ToDictionary(s => s.Name!.Value!, s => (WorksheetPart)excel.WorkbookPart.GetPartById(s.Id!));
        Assert.That(sheets.Keys, Is.SupersetOf(new[] { "报告", "主要指标", "分平台", "企业前十", "商品前十", "分省份", "数据来源", "图表" }));
        Assert.That(Texts(sheets["报告"]).Any(t => t.Contains("全县实现网络零售额764万元，同比增长24.18%", StringComparison.Ordinal)), Is.True);

        var ranking = JsonDocument.Parse(await _client.GetStringAsync("/api/rankings/platforms?from=2023-01-01&to=2023-03-31&by=netSales")).RootElement;
        var rows = sheets["分平台"].Worksheet.Descendants<S.Row>().Where(r => r.RowIndex! >= 4).ToList();
        Assert.That(rows, Has.Count.EqualTo(ranking.GetProperty("items").GetArrayLength()));
        foreach (var item in ranking.GetProperty("items").EnumerateArray())
        {
            var row = rows.Single(r => CellText(sheets["分平台"], r.Elements<S.Cell>().First()) == item.GetProperty("name").GetString());
            var netSales = row.Elements<S.Cell>().ElementAt(2);
            Assert.That(netSales.DataType?.Value ?? S.CellValues.Number, Is.EqualTo(S.CellValues.Number));
            Assert.That(double.Parse(netSales.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture),
                Is.EqualTo((double)Math.Round(item.GetProperty("netSales").GetDecimal() / 10_000m, 2)), item.GetProperty("name").GetString());
        }
    }

    [Test]
    public async Task TheHtmlReportIsOnePrintablePageWithItsChartsInside()
    {
        var html = System.Text.Encoding.UTF8.GetString(await GetAsync("/api/reports/annual/2022.html", "text/html"));

        Assert.That(html, Does.Contain("2022年，全县实现网络零售额3091万元，同比增长39.1%"));
        Assert.That(html, Does.Contain("@page { size: A4;"));
        Assert.That(System.Text.RegularExpressions.Regex.Count(html, "<img [^>]*src=\"data:image/png;base64,"), Is.EqualTo(2));
        Assert.That(html, Does.Not.Contain("src=\"http").And.Not.Contain("src=\"/"), "nothing to fetch: it opens from a USB stick");
    }

    [Test]
    public async Task ThePdfPrintsOnA4PagesWithBothChartsDrawn()
    {
        var pdf = await GetAsync("/api/reports/quarterly/2023Q1.pdf", "application/pdf");

        var pages = PdfPages.Render(pdf, dpi: 100);
        // The page tree's /Count is what a printer sees; pdftoppm must have drawn every one of those pages.
        var declared = System.Text.RegularExpressions.Regex.Match(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Pages\b[^>]*?/Count (\d+)");
        Assert.That(declared.Success, Is.True, "a page tree");
        Assert.That(pages, Has.Count.EqualTo(int.Parse(declared.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(pages, Has.Count.InRange(4, 8), "statement and key figures, charts, five tables, the coverage note");
        Assert.That(pages.Select(p => (double)p.Height / p.Width), Has.All.EqualTo(297.0 / 210).Within(0.01), "A4 portrait");
        // This year's line and the province bars are the charts' dark blue; last year's line is grey.
        var blue = pages.Sum(p => PdfPages.Count(p, (31, 78, 121), 30));
        TestContext.Out.WriteLine($"{pages.Count} pages; blue pixels {blue}");
        Assert.That(blue, Is.GreaterThan(3_000), "trend line and province bars");
        var text = PdfText.Of(pdf);
        Assert.That(text, Does.Contain("图1　2023年与2022年各月网络零售额（万元）").Or.Contain("图1 2023年与2022年各月网络零售额（万元）"));
        Assert.That(PdfText.Images(pdf), Has.Count.EqualTo(2), "both charts");
        // The statement as the README quotes it, character for character (line breaks only add white space).
        const string statement = "2023年一季度，全县实现网络零售额764万元，同比增长24.18%；订单量5.2万单，同比增长23.49%；支付买家3.29万人，" +
            "同比增长22.19%；客单价162.78元，同比增长0.81%；复购率3.63%，较上年同期提高0.06个百分点（支付买家数、客单价和复购率含估算，见“数据说明”）。商品覆盖全国21个省市。";
        Assert.That(string.Concat(text.Where(c => !char.IsWhiteSpace(c))), Does.Contain(statement));
    }

    private static IEnumerable<string> Texts(WorksheetPart sheet) => sheet.Worksheet.Descendants<S.Cell>().Select(c => CellText(sheet, c));

    private static string CellText(WorksheetPart sheet, S.Cell cell) => cell.DataType?.Value switch
    {
        _ when cell.DataType?.Value == S.CellValues.InlineString => cell.InlineString?.InnerText ?? "",
        _ when cell.DataType?.Value == S.CellValues.SharedString => ((SpreadsheetDocument)sheet.OpenXmlPackage).WorkbookPart!.SharedStringTablePart!
            .SharedStringTable.Elements<S.SharedStringItem>().ElementAt(int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)).InnerText,
        _ => cell.CellValue?.Text ?? "",
    };
}
