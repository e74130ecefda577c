using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Store;
using Analytics.Tests.Api;
using Analytics.Tests.Support;

namespace Analytics.Tests.Accounts;

/// <summary>The operators' way in: a preview that says what would land and changes nothing, then confirm or discard.</summary>
public sealed class UploadPreviewTests
{
    private const string Shop = "禾丰富硒小米旗舰店";
    private const string File1 = "1678243395_orders.csv";

    private static MultipartFormDataContent Form(string shop, params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent { { new StringContent(shop), "shop" } };
        foreach (var (name, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "file", name);
        }
        return form;
    }

    [Test]
    public async Task APreviewSaysWhatWouldLandAndChangesNothingUntilConfirmed()
    {
        using var app = new AnalyticsApp();
        using var operatorClient = app.CreateClientAs(Roles.Operator, Shop);
        using var bureau = app.CreateClient();

        using var previewResponse = await operatorClient.PostAsync(new Uri("/api/imports/preview", UriKind.Relative), Form(Shop, (File1, SampleFiles.Bytes(Shop, File1))));
        var previews = await previewResponse.Content.ReadFromJsonAsync<JsonElement>();
        var health = await bureau.GetFromJsonAsync<JsonElement>(new Uri("/health", UriKind.Relative));
        var preview = previews[0].GetProperty("preview");

        Assert.That(previewResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK), previews.ToString());
        Assert.That(preview.GetProperty("status").GetString(), Is.EqualTo("landed"), "what would happen");
        Assert.That(preview.GetProperty("importId").GetInt64(), Is.Zero);
        Assert.That(preview.GetProperty("platform").GetString(), Is.EqualTo("douyin"));
        Assert.That(preview.GetProperty("linesNew").GetInt32(), Is.GreaterThan(0));
        Assert.That(preview.GetProperty("earliestPaidAt").GetString(), Does.StartWith("2023-03"));
        Assert.That((health.GetProperty("orders").GetInt64(), health.GetProperty("imports").GetInt64()), Is.EqualTo((0L, 0L)), "a preview keeps nothing");

        using var confirmed = await operatorClient.PostAsync(new Uri($"/api/imports/staged/{previews[0].GetProperty("id").GetString()}", UriKind.Relative), null);
        var receipt = await confirmed.Content.ReadFromJsonAsync<JsonElement>();
        using var again = await operatorClient.PostAsync(new Uri($"/api/imports/staged/{previews[0].GetProperty("id").GetString()}", UriKind.Relative), null);

        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(receipt.GetProperty("linesNew").GetInt32(), Is.EqualTo(preview.GetProperty("linesNew").GetInt32()), "the preview said what landed");
        Assert.That(receipt.GetProperty("importedBy").GetString(), Does.StartWith("密钥 #"));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a staged file lands once");
    }

    [Test]
    public async Task AnotherAccountCannotConfirmSomeoneElsesStagedFile()
    {
        using var app = new AnalyticsApp();
        using var first = app.CreateClientAs(Roles.Operator, Shop);
        using var second = app.CreateClientAs(Roles.Operator, Shop);
        using var previewResponse = await first.PostAsync(new Uri("/api/imports/preview", UriKind.Relative), Form(Shop, (File1, SampleFiles.Bytes(Shop, File1))));
        var id = (await previewResponse.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("id").GetString();

        using var stolen = await second.PostAsync(new Uri($"/api/imports/staged/{id}", UriKind.Relative), null);
        using var discarded = await first.DeleteAsync(new Uri($"/api/imports/staged/{id}", UriKind.Relative));

        Assert.That(stolen.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(discarded.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task AZipOfExportsIsPreviewedFileByFile()
    {
        using var app = new AnalyticsApp();
        using var client = app.CreateClientAs(Roles.Operator, Shop);
        using var zipBytes = new MemoryStream();
        using (var zip = new ZipArchive(zipBytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { File1, "1678848782_orders.csv" })
            {
                using var entry = zip.CreateEntry($"导出/{name}").Open();
                entry.Write(SampleFiles.Bytes(Shop, name));
            }
            zip.CreateEntry("说明.docx");
        }

        using var response = await client.PostAsync(new Uri("/api/imports/preview", UriKind.Relative), Form(Shop, ("三月订单.zip", zipBytes.ToArray())));
        var previews = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), previews.ToString());
        Assert.That(previews.EnumerateArray().Select(p => p.GetProperty("fileName").GetString()), Is.EqualTo(new[] { File1, "1678848782_orders.csv" }));
        Assert.That(previews.EnumerateArray().Select(p => p.GetProperty("preview").GetProperty("status").GetString()), Is.All.EqualTo("landed"));
    }

    [Test]
    public async Task AnEmptyFileIsNamedAsStillDownloading()
    {
        using var app = new AnalyticsApp();
        using var client = app.CreateClientAs(Roles.Operator, Shop);

        using var response = await client.PostAsync(new Uri("/api/imports/preview", UriKind.Relative), Form(Shop, ("1678243395_orders.csv", [])));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("是空的（0 字节）").And.Contain("还在导出或下载中"));
    }

    [Test]
    public async Task AnUploadOverTheSizeLimitIsRefusedWithoutLanding()
    {
        using var app = new AnalyticsApp();
        app.Settings["Uploads:MaxMegabytes"] = "1";
        using var client = app.CreateClientAs(Roles.Operator, Shop);
        var big = new byte[2 * 1024 * 1024];

        using var preview = await client.PostAsync(new Uri("/api/imports/preview", UriKind.Relative), Form(Shop, ("big.csv", big)));
        using var direct = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), Form(Shop, ("big.csv", big)));
        var imports = await app.CreateClient().GetFromJsonAsync<JsonElement>(new Uri("/api/imports", UriKind.Relative));

        Assert.That(preview.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(direct.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(imports.GetArrayLength(), Is.Zero);
    }
}
