using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Ingestion.Formats;
using Analytics.Tests.Support;
using static Analytics.Tests.Support.TaobaoFiles;

namespace Analytics.Tests.Api;

/// <summary>
/// Over HTTP a 淘宝/天猫 pair is uploaded as two files in one request (or in one zip), previewed and confirmed as one import;
/// its refunds are exact, and the platform is 淘宝/天猫 on the screen's rankings and in the report.
/// </summary>
public sealed class TaobaoUploadTests
{
    private const string Shop = "岷县特产天猫店";

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

    private static byte[] OneDouyinOrder(string orderId) => new ExportBytes(DouyinExport.Current74, "-")
        .Row(("主订单编号", "\t" + orderId), ("子订单编号", "\t" + orderId), ("商品数量", "1"),
            ("订单应付金额", "20.00"), ("支付完成时间", "2025-03-02 20:15:40"), ("订单状态", "已发货"))
        .Utf8WithBom();

    [Test]
    public async Task TwoFilesOfAPairInOneUploadLandAsOneImportWithExactRefunds()
    {
        using var app = new AnalyticsApp();
        using var client = app.CreateClient();

        using var response = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), Form(Shop, (OrdersName, ThreeOrders()), (ItemsName, ItemsOfThreeOrders())));
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        var summary = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/summary?from=2025-03-01&to=2025-03-31", UriKind.Relative));
        var platforms = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/rankings/platforms?from=2025-03-01&to=2025-03-31", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), receipt.ToString());
        Assert.That((receipt.GetProperty("fileName").GetString(), receipt.GetProperty("companionFileName").GetString()), Is.EqualTo((OrdersName, ItemsName)));
        Assert.That((summary.GetProperty("orders").GetInt32(), summary.GetProperty("gmv").GetDecimal(), summary.GetProperty("refunds").GetDecimal(),
            summary.GetProperty("netSales").GetDecimal(), summary.GetProperty("units").GetInt32(), summary.GetProperty("buyers").GetInt32()),
            Is.EqualTo((2, 136.00m, 20.00m, 116.00m, 5, 2)));
        Assert.That(summary.GetProperty("estimates").GetProperty("refunds").EnumerateArray().Select(p => p.GetString()), Does.Not.Contain("taobao"),
            "淘宝/天猫 states its refunds");
        var platform = platforms.GetProperty("items")[0];
        Assert.That((platform.GetProperty("key").GetString(), platform.GetProperty("name").GetString()), Is.EqualTo(("taobao", "淘宝/天猫")));
    }

    [Test]
    public async Task AZipOfSeveralExportsAnswersWithEveryReceipt()
    {
        using var app = new AnalyticsApp();
        using var client = app.CreateClient();
        var zip = ZipBytes.Of(("1740931200_orders.csv", OneDouyinOrder("6937841205567283410")), ("1740931800_orders.csv", OneDouyinOrder("6937841205567283999")),
            ("里层.zip", ZipBytes.Of(("x.csv", OneDouyinOrder("6937841205567283888")))));

        using var response = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), Form("抖音店", ("抖店导出.zip", zip)));
        var receipts = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), receipts.ToString());
        Assert.That(receipts.EnumerateArray().Select(r => (r.GetProperty("fileName").GetString(), r.GetProperty("status").GetString())), Is.EqualTo(new[]
        {
            ("1740931200_orders.csv", "landed"), ("1740931800_orders.csv", "landed"), ("里层.zip", "rejected"),
        }));
    }

    [Test]
    public async Task APairStagedTogetherIsPreviewedAndConfirmedAsOneImport()
    {
        using var app = new AnalyticsApp();
        using var operatorClient = app.CreateClient();

        using var previewResponse = await operatorClient.PostAsync(new Uri("/api/imports/preview", UriKind.Relative),
            Form(Shop, (ItemsName, ItemsOfThreeOrders()), (OrdersName, ThreeOrders())));
        var previews = await previewResponse.Content.ReadFromJsonAsync<JsonElement>();
        var preview = previews[0].GetProperty("preview");

        Assert.That(previewResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK), previews.ToString());
        Assert.That(previews.GetArrayLength(), Is.EqualTo(1));
        Assert.That((previews[0].GetProperty("fileName").GetString(), preview.GetProperty("companionFileName").GetString()), Is.EqualTo((OrdersName, ItemsName)));
        Assert.That((preview.GetProperty("status").GetString(), preview.GetProperty("linesNew").GetInt32(), preview.GetProperty("ordersWithoutItems").GetInt32()),
            Is.EqualTo(("landed", 4, 0)));

        using var confirmed = await operatorClient.PostAsync(new Uri($"/api/imports/staged/{previews[0].GetProperty("id").GetString()}", UriKind.Relative), null);
        var receipt = await confirmed.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.Created), receipt.ToString());
        Assert.That((receipt.GetProperty("linesNew").GetInt32(), receipt.GetProperty("companionFileName").GetString()), Is.EqualTo((4, ItemsName)));
        Assert.That(receipt.GetProperty("companionArchivedAs").GetString(), Does.EndWith(".csv"), "both files are kept");
    }

    [Test]
    public async Task APairInAZipIsStagedAsOneImportBesideTheZipsOtherExports()
    {
        using var app = new AnalyticsApp();
        using var client = app.CreateClient();
        var zip = ZipBytes.Of((OrdersName, ThreeOrders()), (ItemsName, ItemsOfThreeOrders()), ("说明.docx", [1, 2, 3]));

        using var response = await client.PostAsync(new Uri("/api/imports/preview", UriKind.Relative), Form(Shop, ("千牛导出.zip", zip)));
        var previews = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), previews.ToString());
        Assert.That(previews.EnumerateArray().Select(p => (p.GetProperty("fileName").GetString(), p.GetProperty("preview").GetProperty("companionFileName").GetString())),
            Is.EqualTo(new[] { (OrdersName, ItemsName) }));
    }

    [Test]
    public async Task AnItemsFileStagedAloneShowsWhyItCannotLand()
    {
        using var app = new AnalyticsApp();
        using var client = app.CreateClient();

        using var response = await client.PostAsync(new Uri("/api/imports/preview", UriKind.Relative), Form(Shop, (ItemsName, ItemsOfThreeOrders())));
        var preview = (await response.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("preview");

        Assert.That(preview.GetProperty("status").GetString(), Is.EqualTo("rejected"));
        Assert.That(preview.GetProperty("reason").GetString(), Does.Contain(OrdersName));
    }

    [Test]
    public async Task TheMonthlyReportNamesThePlatform淘宝天猫()
    {
        using var app = new AnalyticsApp();
        using var client = app.CreateClient();
        using (var upload = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), Form(Shop, (OrdersName, ThreeOrders()), (ItemsName, ItemsOfThreeOrders()))))
            Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        using var response = await client.GetAsync(new Uri("/api/reports/monthly/2025-03.html", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        Assert.That(html, Does.Contain("淘宝/天猫"));
    }
}
