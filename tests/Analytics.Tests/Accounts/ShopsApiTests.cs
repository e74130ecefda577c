using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Store;
using Analytics.Tests.Api;

namespace Analytics.Tests.Accounts;

/// <summary>The shop registry over HTTP: the bureau reads it, admins change it, and an operator's rights follow a renamed shop.</summary>
public sealed class ShopsApiTests
{
    [Test]
    public async Task AnAdminRegistersAndRenamesAShopAndItsOperatorFollowsIt()
    {
        using var app = new AnalyticsApp();
        using var admin = app.CreateClientAs(Roles.Admin);
        using var bureau = app.CreateClient();

        using var added = await admin.PostAsJsonAsync(new Uri("/api/shops", UriKind.Relative), new { name = "槐花饼快手小店", platform = "快手", enterprise = "禾丰槐花食品有限公司" });
        using var byBureau = await bureau.PostAsJsonAsync(new Uri("/api/shops", UriKind.Relative), new { name = "别的店", platform = "jd" });
        using var unknownPlatform = await admin.PostAsJsonAsync(new Uri("/api/shops", UriKind.Relative), new { name = "某店", platform = "某平台" });
        var operatorKey = app.CreateKey(Roles.Operator, "槐花饼快手小店");
        using var renamed = await admin.PostAsJsonAsync(new Uri($"/api/shops/{Uri.EscapeDataString("槐花饼快手小店")}/rename", UriKind.Relative), new { to = "禾丰槐花饼快手店" });
        using var renamedOntoATakenName = await admin.PostAsJsonAsync(new Uri($"/api/shops/{Uri.EscapeDataString("禾丰槐花饼快手店")}/rename", UriKind.Relative), new { to = "禾丰富硒小米旗舰店" });
        var shops = await bureau.GetFromJsonAsync<JsonElement>(new Uri("/api/shops", UriKind.Relative));
        var keys = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/accounts/keys", UriKind.Relative));

        Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Created), await added.Content.ReadAsStringAsync());
        Assert.That(byBureau.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "the bureau reads the registry; admins change it");
        Assert.That(unknownPlatform.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await unknownPlatform.Content.ReadAsStringAsync(), Does.Contain("不认识的平台“某平台”"));
        Assert.That(renamed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(renamedOntoATakenName.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(shops.EnumerateArray().Select(s => s.GetProperty("shop").GetString()), Does.Contain("禾丰槐花饼快手店").And.Not.Contain("槐花饼快手小店"));
        var operatorShops = keys.EnumerateArray().Single(k => k.GetProperty("role").GetString() == Roles.Operator).GetProperty("shops");
        Assert.That(operatorShops.EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[] { "禾丰槐花饼快手店" }), $"key {operatorKey[..8]}… follows the rename");
    }
}
