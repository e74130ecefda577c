using System.Net;
using System.Net.Http.Json;
using Analytics.Tests.Api;
using Analytics.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Tests.Reports;

/// <summary>Report requests that cannot be answered as asked: a clear problem, and without Chromium everything but the PDF.</summary>
[Category("Demo")]
[NonParallelizable]
public sealed class ReportRequestTests
{
    private AnalyticsApp _app = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartTheServiceWithoutABrowser()
    {
        _app = new AnalyticsApp(await DemoData.PathAsync()) { Settings = { ["Reports:ChromiumPath"] = "/nonexistent/chromium" } };
        _client = _app.CreateClient();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client.Dispose();
        _app.Dispose();
    }

    [Test]
    public async Task APdfWithoutChromiumNamesThePackageToInstall()
    {
        using var response = await _client.GetAsync("/api/reports/monthly/2023-03.pdf");
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(problem!.Detail, Does.Contain("apt-get install chromium").And.Contain("/nonexistent/chromium"));
    }

    [Test]
    public async Task WordWithoutChromiumStillHasTheStatementAndSaysWhyTheChartsAreMissing()
    {
        using var response = await _client.GetAsync("/api/reports/monthly/2023-03.docx");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName,
            Is.EqualTo("report-2023-03.docx"));
        using var word = WordprocessingDocument.Open(await response.Content.ReadAsStreamAsync(), false);
        var text = word.MainDocumentPart!.Document.Body!.InnerText;

        Assert.That(text, Does.Contain("2023年3月，全县实现网络零售额"));
        Assert.That(text, Does.Contain("1—3月，全县累计实现网络零售额764万元，同比增长24.18%"));
        Assert.That(text, Does.Contain("sudo apt-get install chromium"));
        Assert.That(word.MainDocumentPart.ImageParts, Is.Empty);
    }

    [TestCase("/api/reports/weekly/2023-03.docx", "kind")]
    [TestCase("/api/reports/monthly/2023-13.docx", "file")]
    [TestCase("/api/reports/monthly/2023Q1.docx", "file")]
    [TestCase("/api/reports/quarterly/2023Q5.pdf", "file")]
    [TestCase("/api/reports/annual/2022.txt", "file")]
    [TestCase("/api/reports/annual/2022", "file")]
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
