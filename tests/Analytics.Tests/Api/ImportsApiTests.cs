using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Analytics.Ingestion.Formats;
using Analytics.Tests.Support;

namespace Analytics.Tests.Api;

/// <summary>Uploads over HTTP land through the same importer as the CLI and the inbox, and answer with the receipt.</summary>
public sealed class ImportsApiTests
{
    private static byte[] TwoDouyinLines() => new ExportBytes(DouyinExport.Current74, "-")
        .Row(("主订单编号", "\t6937841205567283410"), ("子订单编号", "\t6937841205567283411"), ("商品数量", "1"),
            ("订单应付金额", "20.00"), ("支付完成时间", "2025-03-02 20:15:40"), ("订单状态", "已发货"), ("省", "山西省"))
        .Row(("主订单编号", "\t6937841205567283410"), ("子订单编号", "\t6937841205567283412"), ("商品数量", "2"),
            ("订单应付金额", "30.00"), ("支付完成时间", "2025-03-02 20:15:40"), ("订单状态", "已发货"), ("省", "山西省"))
        .Utf8WithBom();

    private static byte[] NotAnExport() => Encoding.UTF8.GetBytes("动账时间,动账金额\n2025-03-02,10.00\n");

    private static MultipartFormDataContent Form(string? fileName, byte[]? bytes, string shop = "店")
    {
        var form = new MultipartFormDataContent();
        if (fileName is not null && bytes is not null)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", fileName);
        }
        form.Add(new StringContent(shop), "shop");
        return form;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body, string? ContentType)> Post(HttpClient client, MultipartFormDataContent form)
    {
        using var response = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), form);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, body, response.Content.Headers.ContentType?.MediaType);
    }

    [Test]
    public async Task HealthSaysOkForAFreshDatabase()
    {
        using var app = new AnalyticsApp();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(health.GetProperty("status").GetString(), Is.EqualTo("ok"));
        Assert.That((health.GetProperty("orders").GetInt64(), health.GetProperty("imports").GetInt64()), Is.EqualTo((0L, 0L)));
        Assert.That(health.TryGetProperty("database", out _), Is.False, "the server's folders are not for the public");
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain(Path.GetDirectoryName(app.DatabasePath)!));
    }

    [Test]
    public async Task AnUploadedExportLandsAndAnswersCreatedWithItsReceipt()
    {
        using var app = new AnalyticsApp();
        using var client = app.CreateClient();
        using var form = Form("1740931200_orders.csv", TwoDouyinLines());

        using var response = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(receipt.GetProperty("landed").GetBoolean(), Is.True, receipt.ToString());
        Assert.That(receipt.GetProperty("platform").GetString(), Is.EqualTo("douyin"));
        Assert.That((receipt.GetProperty("linesNew").GetInt32(), receipt.GetProperty("ordersTouched").GetInt32()), Is.EqualTo((2, 1)));
        Assert.That((receipt.GetProperty("shop").GetString(), receipt.GetProperty("source").GetString()), Is.EqualTo(("店", "upload")));
        Assert.That(receipt.GetProperty("fileName").GetString(), Is.EqualTo("1740931200_orders.csv"), "the upload's own name, not the temporary file's");
        Assert.That(receipt.GetProperty("exportedAt").GetString(), Is.EqualTo("2025-03-03 00:00:00"));
        var importId = receipt.GetProperty("importId").GetInt64();
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo($"/api/imports/{importId}"));
    }

    [Test]
    public async Task AnUploadThatIsNotAnExportAnswersUnprocessableWithTheReason()
    {
        using var app = new AnalyticsApp();
        using var client = app.CreateClient();
        using var form = Form("settlement.csv", NotAnExport());

        var (status, receipt, _) = await Post(client, form);

        Assert.That(status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(receipt.GetProperty("landed").GetBoolean(), Is.False);
        Assert.That(receipt.GetProperty("reason").GetString(), Does.Contain("没有找到可识别的订单导出表头"));
        Assert.That(receipt.GetProperty("reasonEn").GetString(), Does.Contain("No known order-export header"));
        Assert.That(receipt.GetProperty("fileName").GetString(), Is.EqualTo("settlement.csv"));
    }

    [Test]
    public async Task AnUploadWithoutAShopAsksTheWebUserToChooseOneAndNeverForACommandLineOption()
    {
        using var app = new AnalyticsApp();
        using var client = app.CreateClient();
        using var form = Form("1740931200_orders.csv", TwoDouyinLines(), shop: "");

        var (status, receipt, _) = await Post(client, form);

        Assert.That(status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(receipt.GetProperty("reason").GetString(), Does.Contain("请选择店铺").And.Not.Contain("--shop"));
        Assert.That(receipt.GetProperty("reasonEn").GetString(), Does.Not.Contain("--shop"));
    }

    [Test]
    public async Task APostWithoutAFileIsAProblemNamingTheFileField()
    {
        using var app = new AnalyticsApp();
        using var client = app.CreateClient();
        using var form = Form(fileName: null, bytes: null);

        var (status, problem, contentType) = await Post(client, form);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(contentType, Is.EqualTo("application/problem+json"));
        var errors = problem.GetProperty("errors").GetProperty("file");
        Assert.That(errors[0].GetString(), Does.Contain("名为 file 的字段"), "Chinese first, for the operator");
        Assert.That(errors[1].GetString(), Does.Contain("'file'"));
    }

    [Test]
    public async Task AnEmptyFileIsAProblemNamingTheFileField()
    {
        using var app = new AnalyticsApp();
        using var client = app.CreateClient();
        using var form = Form("orders.csv", []);

        var (status, problem, contentType) = await Post(client, form);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(contentType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.GetProperty("errors").TryGetProperty("file", out _), Is.True, problem.ToString());
    }

    [Test]
    public async Task TheImportListShowsLandedAndRejectedUploadsNewestFirst()
    {
        using var app = new AnalyticsApp();
        using var client = app.CreateClient();
        using (var good = Form("1740931200_orders.csv", TwoDouyinLines()))
            Assert.That((await Post(client, good)).Status, Is.EqualTo(HttpStatusCode.Created));
        using (var bad = Form("settlement.csv", NotAnExport()))
            Assert.That((await Post(client, bad)).Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));

        using var response = await client.GetAsync(new Uri("/api/imports", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var list = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(list.EnumerateArray().Select(r => (r.GetProperty("fileName").GetString(), r.GetProperty("landed").GetBoolean())),
            Is.EqualTo(new[] { ("settlement.csv", false), ("1740931200_orders.csv", true) }));
        Assert.That(list[1].GetProperty("linesNew").GetInt32(), Is.EqualTo(2));
        Assert.That(list[0].GetProperty("reason").GetString(), Does.Contain("没有找到可识别的订单导出表头"));
        Assert.That(list[0].GetProperty("reasonEn").GetString(), Does.Contain("No known order-export header"));
    }

    [Test]
    public async Task ARejectedRowIsListedInItsImportsReceipt()
    {
        using var app = new AnalyticsApp();
        using var client = app.CreateClient();
        var bytes = new ExportBytes(DouyinExport.Current74, "-")
            .Row(("主订单编号", "\t6937841205567283410"), ("子订单编号", "\t6937841205567283410"), ("商品数量", "1"),
                ("订单应付金额", "二十元"), ("支付完成时间", "2025-03-02 20:15:40"), ("订单状态", "已发货"))
            .Utf8WithBom();
        using var form = Form("orders.csv", bytes);
        var (_, created, _) = await Post(client, form);

        using var response = await client.GetAsync(new Uri($"/api/imports/{created.GetProperty("importId").GetInt64()}", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        var problem = receipt.GetProperty("problems")[0];
        Assert.That((problem.GetProperty("line").GetInt32(), problem.GetProperty("column").GetString()), Is.EqualTo((2, "I (订单应付金额)")));
        Assert.That(problem.GetProperty("reason").GetString(), Is.EqualTo("“二十元”不是以元为单位的金额"));
        Assert.That(problem.GetProperty("reasonEn").GetString(), Is.EqualTo("'二十元' is not an amount in yuan"));
    }

    [Test]
    public async Task AnUnknownImportIsNotFound()
    {
        using var app = new AnalyticsApp();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/imports/999", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task TheAboutPageSaysWhereTheScreenTheDataAndTheApiAre()
    {
        using var app = new AnalyticsApp();
        using var client = app.CreateClient();

        var page = await client.GetStringAsync(new Uri("/about", UriKind.Relative));

        Assert.That(page, Does.Contain("/api/imports").And.Contain("?period=").And.Contain("/health").And.Contain("inbox/"));
    }
}
