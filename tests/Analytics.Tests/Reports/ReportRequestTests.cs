using System.Net;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Tests.Api;
using Analytics.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Mvc;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Analytics.Tests.Reports;

/// <summary>Report requests that cannot be answered as asked: a clear problem, and without a Chinese font everything but the PDF.</summary>
[Category("Demo")]
[NonParallelizable]
public sealed class ReportRequestTests
{
    private AnalyticsApp _app = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartTheServiceWithoutAFont()
    {
        _app = new AnalyticsApp(await DemoData.PathAsync()) { Settings = { ["Reports:FontPath"] = "/nonexistent/font.ttf" } };
        _client = _app.CreateClient();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client.Dispose();
        _app.Dispose();
    }

    [Test]
    public async Task APdfWithoutAFontAnswers503NamingThePackageToInstall()
    {
        using var response = await _client.GetAsync("/api/reports/monthly/2023-03.pdf");
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(problem!.Detail, Does.StartWith("PDF需要一个中文TrueType字体").And.Contain("apt-get install fonts-wqy-microhei").And.Contain("/nonexistent/font.ttf").And.Contain("The PDF needs a Chinese TrueType font"));
    }

    [Test]
    public async Task WordWithoutAFontStillHasTheStatementAndSaysWhyTheChartsAreMissing()
    {
        using var response = await _client.GetAsync("/api/reports/monthly/2023-03.docx");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName,
            Is.EqualTo("report-2023-03.docx"));
        using var word = WordprocessingDocument.Open(await response.Content.ReadAsStreamAsync(), false);
        var text = word.MainDocumentPart!.Document.Body!.InnerText;

        Assert.That(text, Does.Contain("2023年3月，全县实现网络零售额"));
        Assert.That(text, Does.Contain("1—3月，全县累计实现网络零售额764万元，同比增长24.18%"));
        Assert.That(text, Does.Contain("sudo apt-get install fonts-wqy-microhei"));
        Assert.That(word.MainDocumentPart.ImageParts, Is.Empty);
    }

    [Test]
    public async Task TheYearSoFarStatesTheFiguresOfTheSummaryForThoseMonths()
    {
        using var response = await _client.GetAsync("/api/reports/ytd/2023-05.docx");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName,
            Is.EqualTo("report-2023-ytd-05.docx"));
        using var word = WordprocessingDocument.Open(await response.Content.ReadAsStreamAsync(), false);
        var body = word.MainDocumentPart!.Document.Body!;
        var statement = body.Elements<W.Paragraph>().Select(p => p.InnerText).First(p => p.Contains("全县实现网络零售额", StringComparison.Ordinal));
        var keyFigures = body.Elements<W.Table>().First().Elements<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToList()).ToList();
        var summary = await _client.GetFromJsonAsync<JsonElement>("/api/summary?from=2023-01-01&to=2023-05-31");

        Assert.That(statement, Does.StartWith("2023年1—5月，全县实现网络零售额"));
        Assert.That(body.InnerText, Does.Not.Contain("累计实现"), "the year so far is itself the 累计: no second sentence repeats it");
        var netSalesWan = summary.GetProperty("netSales").GetDecimal() / 10_000m;
        var change = summary.GetProperty("yearAgo").GetProperty("change").GetProperty("netSales").GetDouble();
        Assert.That(keyFigures[1].Take(4), Is.EqualTo(new[]
        {
            "网络零售额（万元）※", netSalesWan.ToString("N2", CultureInfo.InvariantCulture),
            (summary.GetProperty("yearAgo").GetProperty("netSales").GetDecimal() / 10_000m).ToString("N2", CultureInfo.InvariantCulture),
            (change * 100).ToString("+0.00;-0.00", CultureInfo.InvariantCulture) + "%",
        }));
        Assert.That(summary.GetProperty("yearAgo").GetProperty("from").GetString(), Is.EqualTo("2022-01-01"));
    }

    [Test]
    public async Task TheReportFilesFarmProductsAndCategoriesAsTheCategoriesApiStatesThem()
    {
        using var response = await _client.GetAsync("/api/reports/quarterly/2023Q1.docx");
        using var word = WordprocessingDocument.Open(await response.Content.ReadAsStreamAsync(), false);
        var body = word.MainDocumentPart!.Document.Body!;
        var byCategory = body.Elements<W.Table>().Select(t => t.Elements<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToList()).ToList())
            .Single(t => t[0][0] == "品类");
        var categories = await _client.GetFromJsonAsync<JsonElement>("/api/categories?from=2023-01-01&to=2023-03-31");
        var farm = categories.GetProperty("farmProducts");
        string Wan(JsonElement figure, string name) => (figure.GetProperty(name).GetDecimal() / 10_000m).ToString("N2", CultureInfo.InvariantCulture);

        Assert.That(body.InnerText, Does.Contain("其中，农产品网络零售额").And.Contain("分品类看，"));
        Assert.That(byCategory.Skip(1).Select(r => r[0]).TakeWhile(n => n != "其中：农产品"),
            Is.EqualTo(categories.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("name").GetString())));
        Assert.That(byCategory[^1].Take(3), Is.EqualTo(new[] { "其中：农产品", farm.GetProperty("products").GetInt32().ToString(CultureInfo.InvariantCulture), Wan(farm, "netSales") }));
        Assert.That(farm.GetProperty("netSales").GetDecimal(), Is.GreaterThan(0m), "the demo county sells 小米, 面粉 and 红枣");
    }

    [Test]
    public async Task FarmProductsFollowThePeriodsSentenceNotTheYearToDate()
    {
        using var response = await _client.GetAsync("/api/reports/monthly/2023-03.docx");
        using var word = WordprocessingDocument.Open(await response.Content.ReadAsStreamAsync(), false);
        var paragraphs = word.MainDocumentPart!.Document.Body!.Elements<W.Paragraph>().Select(p => p.InnerText).ToList();
        var period = paragraphs.FindIndex(p => p.StartsWith("2023年3月，全县实现网络零售额", StringComparison.Ordinal));

        Assert.That(paragraphs[period + 1], Does.StartWith("其中，农产品网络零售额"), "其中 speaks of March, so it stands right after March's sentence");
        Assert.That(paragraphs[period + 2], Does.StartWith("1—3月，全县累计实现网络零售额"));
    }

    [Test]
    public async Task APeriodNotYetOverPointsToTheYearSoFar()
    {
        using var app = new AnalyticsApp(await DemoData.PathAsync()) { Settings = { ["Clock:Date"] = "2023-06-20" } };
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/reports/quarterly/2023Q2.docx");
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(problem!.Detail, Does.Contain("2023年二季度尚未结束").And.Contain("/api/reports/ytd/2023-05.docx").And.Contain("2023年1—5月"));
        using var pointed = await client.GetAsync("/api/reports/ytd/2023-05.docx");
        Assert.That(pointed.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the address in the answer gives a report");
    }

    [TestCase("/api/reports/weekly/2023-03.docx", "kind")]
    [TestCase("/api/reports/monthly/2023-13.docx", "file")]
    [TestCase("/api/reports/monthly/2023Q1.docx", "file")]
    [TestCase("/api/reports/quarterly/2023Q5.pdf", "file")]
    [TestCase("/api/reports/annual/2022.txt", "file")]
    [TestCase("/api/reports/annual/2022", "file")]
    [TestCase("/api/reports/ytd/2023Q2.docx", "file")]
    public async Task AMalformedRequestNamesThePartThatIsWrong(string path, string parameter)
    {
        using var response = await _client.GetAsync(path);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem!.Errors.Keys, Is.EqualTo(new[] { parameter }));
    }

    [Test]
    public async Task APeriodWithoutOrdersIsNotFoundRatherThanAReportOfZeros()
    {
        using var response = await _client.GetAsync("/api/reports/annual/2019.html");
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(problem!.Detail, Does.Contain("2019").And.Contain("Import that period's exports"));
    }
}
