using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Store;
using Analytics.Tests.Api;
using Analytics.Tests.Support;

namespace Analytics.Tests.Accounts;

/// <summary>An operator uploads to, lists, withdraws and reads the figures of their own shops, and nothing else.</summary>
public sealed class OperatorTests
{
    private const string OwnShop = "禾丰富硒小米旗舰店";
    private const string OtherShop = "石磨坊面粉抖音小店";

    private static MultipartFormDataContent Upload(string sampleShop, string file, string shop)
    {
        var content = new ByteArrayContent(SampleFiles.Bytes(sampleShop, file));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { content, "file", file }, { new StringContent(shop), "shop" } };
    }

    [Test]
    public async Task AnOperatorCannotUploadToAnotherShopAndNothingLands()
    {
        using var app = new AnalyticsApp();
        using var operatorClient = app.CreateClientAs(Roles.Operator, OwnShop);

        using var response = await operatorClient.PostAsync(new Uri("/api/imports", UriKind.Relative), Upload(OtherShop, "1678245719_orders.csv", OtherShop));
        using var bureau = app.CreateClient();
        var imports = await bureau.GetFromJsonAsync<JsonElement>(new Uri("/api/imports", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("不能上传到店铺“石磨坊面粉抖音小店”"));
        Assert.That(imports.GetArrayLength(), Is.Zero, "a refused upload is not even logged as rejected");
    }

    [Test]
    public async Task AnOperatorSeesOnlyTheirShopsImportsAndFigures()
    {
        using var app = new AnalyticsApp();
        using var bureau = app.CreateClient();
        using (var own = await bureau.PostAsync(new Uri("/api/imports", UriKind.Relative), Upload(OwnShop, "1678243395_orders.csv", OwnShop)))
            Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.Created), await own.Content.ReadAsStringAsync());
        using (var other = await bureau.PostAsync(new Uri("/api/imports", UriKind.Relative), Upload(OtherShop, "1678245719_orders.csv", OtherShop)))
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Created), await other.Content.ReadAsStringAsync());
        using var operatorClient = app.CreateClientAs(Roles.Operator, OwnShop);
        const string march = "from=2023-03-01&to=2023-03-31";

        var listed = await operatorClient.GetFromJsonAsync<JsonElement>(new Uri("/api/imports", UriKind.Relative));
        using var otherImport = await operatorClient.GetAsync(new Uri("/api/imports/2", UriKind.Relative));
        var operatorSummary = await operatorClient.GetFromJsonAsync<JsonElement>(new Uri($"/api/summary?{march}", UriKind.Relative));
        var ownShopSummary = await bureau.GetFromJsonAsync<JsonElement>(new Uri($"/api/summary?{march}&shop={Uri.EscapeDataString(OwnShop)}", UriKind.Relative));
        var countySummary = await bureau.GetFromJsonAsync<JsonElement>(new Uri($"/api/summary?{march}", UriKind.Relative));
        using var askedForOther = await operatorClient.GetAsync(new Uri($"/api/summary?{march}&shop={Uri.EscapeDataString(OtherShop)}", UriKind.Relative));
        var freshness = await operatorClient.GetFromJsonAsync<JsonElement>(new Uri("/api/freshness", UriKind.Relative));
        var shops = await operatorClient.GetFromJsonAsync<JsonElement>(new Uri($"/api/rankings/shops?{march}", UriKind.Relative));

        Assert.That(listed.EnumerateArray().Select(r => r.GetProperty("shop").GetString()), Is.EqualTo(new[] { OwnShop }));
        Assert.That(otherImport.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(Figure(operatorSummary, "gmv"), Is.EqualTo(Figure(ownShopSummary, "gmv")).And.GreaterThan(0m));
        Assert.That(Figure(operatorSummary, "orders"), Is.EqualTo(Figure(ownShopSummary, "orders")));
        Assert.That(Figure(countySummary, "gmv"), Is.GreaterThan(Figure(operatorSummary, "gmv")), "the county holds the other shop too");
        Assert.That(askedForOther.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(freshness.EnumerateArray().Select(f => f.GetProperty("shop").GetString()), Is.EqualTo(new[] { OwnShop }));
        Assert.That(shops.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()), Is.EqualTo(new[] { OwnShop }));
    }

    [Test]
    public async Task AnOperatorWithdrawsTheirImportUntilItsMonthsReportIsFinal()
    {
        // The sample exports were paid in March 2023; March's report is final from 8 April.
        using var before = new AnalyticsApp();
        before.Settings["Clock:Date"] = "2023-04-07";
        using var operatorBefore = before.CreateClientAs(Roles.Operator, OwnShop);
        using (var landed = await operatorBefore.PostAsync(new Uri("/api/imports", UriKind.Relative), Upload(OwnShop, "1678243395_orders.csv", OwnShop)))
            Assert.That(landed.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        using var withdrawn = await operatorBefore.DeleteAsync(new Uri("/api/imports/1", UriKind.Relative));

        using var after = new AnalyticsApp();
        after.Settings["Clock:Date"] = "2023-04-08";
        using var operatorAfter = after.CreateClientAs(Roles.Operator, OwnShop);
        using (var landed = await operatorAfter.PostAsync(new Uri("/api/imports", UriKind.Relative), Upload(OwnShop, "1678243395_orders.csv", OwnShop)))
            Assert.That(landed.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        using var refused = await operatorAfter.DeleteAsync(new Uri("/api/imports/1", UriKind.Relative));
        using var bureau = after.CreateClient();
        using var bureauWithdraws = await bureau.DeleteAsync(new Uri("/api/imports/1", UriKind.Relative));

        Assert.That(withdrawn.StatusCode, Is.EqualTo(HttpStatusCode.OK), await withdrawn.Content.ReadAsStringAsync());
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("2023年3月").And.Contain("定稿"));
        Assert.That(bureauWithdraws.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the bureau may take any import back");
    }

    private static decimal Figure(JsonElement summary, string name) => summary.GetProperty(name).GetDecimal();
}
