using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Api.Metrics;
using Analytics.Store;

namespace Analytics.Tests.Metrics;

/// <summary>
/// Product categories and 其中农产品: the title rules of seeds/product-categories.csv, the bureau's fix of one product, and
/// /api/categories adding up to the county's 网络零售额 (see <see cref="MetricsFixture"/> for the figures).
/// </summary>
[NonParallelizable]
public sealed class ProductCategoryTests
{
    private const string March = "from=2024-03-01&to=2024-03-31";
    private MetricsFixture _fixture = null!;

    [OneTimeSetUp]
    public async Task ImportTheFixture() => _fixture = await MetricsFixture.CreateAsync();

    [OneTimeTearDown]
    public void Dispose() => _fixture.Dispose();

    private static IReadOnlyList<CategoryRule> ShippedRules() =>
        ProductCategoryBook.ReadRules(Path.Combine(AppContext.BaseDirectory, "seeds", ProductCategoryBook.RulesFile));

    [TestCase("禾丰富硒小米 新米 山西特产", "粮油米面", true)]
    [TestCase("石磨杂粮面礼盒 荞麦燕麦高粱", "粮油米面", true)]
    [TestCase("醋糕+五年陈酿老陈醋 年货礼盒", "休闲食品", false)]
    [TestCase("五年陈酿老陈醋", "调味品", false)]
    [TestCase("骏枣 特级 红枣礼盒", "生鲜果蔬", true)]
    [TestCase("土蜂蜜 槐花蜜 礼盒", "其他", true)]
    [TestCase("清香型白酒 42度", "酒类", false)]
    [TestCase("蓝牙耳机", "其他", false)]
    public void TheShippedRulesPutATitleInTheFirstCategoryWhoseKeywordItHolds(string title, string category, bool farm)
    {
        var found = new ProductCategories(ShippedRules(), []).Of("douyin", "店", "1", title);

        Assert.That((found.Category, found.Farm), Is.EqualTo((category, farm)));
        Assert.That(found.Source, Is.EqualTo(found.Keyword is null ? "none" : "rule"));
    }

    [Test]
    public void TheBureausFixWinsOverTheRules()
    {
        var fix = new ProductCategoryFix { Platform = "douyin", Shop = "店", ProductId = "1", Category = "调味品", Farm = false, FixedBy = "局", FixedAt = "2024-01-01 00:00:00" };
        var categories = new ProductCategories(ShippedRules(), [fix]);

        Assert.That(categories.Of("douyin", "店", "1", "禾丰富硒小米"), Is.EqualTo(new ProductCategory("调味品", false, "fixed", null)));
        Assert.That(categories.Of("douyin", "店", "2", "禾丰富硒小米").Category, Is.EqualTo("粮油米面"), "only that product");
        Assert.That(categories.Names, Is.EqualTo(new[] { "休闲食品", "调味品", "酒类", "粮油米面", "生鲜果蔬", "其他" }));
    }

    [TestCase("category,farm,keywords\n粮油米面,是,小米\n调味品,也许,醋\n", "第3行", "farm")]
    [TestCase("category,farm,keywords\n,是,小米\n", "第2行", "category")]
    [TestCase("category,farm,keywords\n粮油米面,是,\n", "第2行", "keywords")]
    [TestCase("category,keywords\n粮油米面,小米\n", "第1行", "farm")]
    public void ABadRulesFileIsRefusedWithItsLineAndColumn(string text, string line, string column)
    {
        var path = Path.Combine(Path.GetTempPath(), $"categories-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        try
        {
            var refused = Assert.Throws<InvalidDataException>(() => ProductCategoryBook.ReadRules(path));
            Assert.That(refused!.Message, Does.Contain(path).And.Contain(line).And.Contain(column));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task CategoriesAndWhatNoProductCarriesAddUpToTheCountysNetSales()
    {
        var answer = await _fixture.Get($"/api/categories?{March}");
        var summary = await _fixture.Get($"/api/summary?{March}");

        var categories = answer.GetProperty("categories").EnumerateArray().ToList();
        Assert.That(answer.GetProperty("netSales").GetDecimal(), Is.EqualTo(summary.GetProperty("netSales").GetDecimal()));
        Assert.That(categories.Sum(c => c.GetProperty("netSales").GetDecimal()) + answer.GetProperty("withoutProductDetail").GetDecimal(),
            Is.EqualTo(319.60m));
        Assert.That(categories.Select(c => c.GetProperty("name").GetString()), Is.EqualTo(new[] { "其他" }), "the fixture's titles match no rule");
        Assert.That(answer.GetProperty("farmProducts").GetProperty("netSales").GetDecimal(), Is.EqualTo(0m));
        Assert.That(answer.GetProperty("yearAgo").GetProperty("from").GetString(), Is.EqualTo("2023-03-01"));
    }

    [Test]
    public async Task TheBureauPutsAProductInACategoryAndTakesItBack()
    {
        var products = (await _fixture.Client.GetFromJsonAsync<JsonElement>($"/api/categories/products?{March}")).EnumerateArray().ToList();
        var p1 = products.Single(p => p.GetProperty("productId").GetString() == "P1");
        Assert.That(p1.GetProperty("source").GetString(), Is.EqualTo("none"));
        var path = $"/api/categories/products/douyin/{Uri.EscapeDataString(MetricsFixture.DouyinShop)}/P1";

        using (var fixedNow = await _fixture.Client.PutAsJsonAsync(path, new { category = "粮油米面" }))
            Assert.That(fixedNow.StatusCode, Is.EqualTo(HttpStatusCode.OK), await fixedNow.Content.ReadAsStringAsync());
        var answer = await _fixture.Get($"/api/categories?{March}");
        var grain = answer.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "粮油米面");
        // P1 in March: D1's 2 × 40.00 line (80.00, not refunded) and D2 (20.00).
        Assert.That(grain.GetProperty("netSales").GetDecimal(), Is.EqualTo(p1.GetProperty("netSales").GetDecimal()));
        Assert.That(answer.GetProperty("farmProducts").GetProperty("netSales").GetDecimal(), Is.EqualTo(p1.GetProperty("netSales").GetDecimal()),
            "粮油米面 is a farm category in the rules, so the fix without a farm flag takes it");
        Assert.That(grain.GetProperty("share").GetDouble(), Is.EqualTo(Math.Round((double)(p1.GetProperty("netSales").GetDecimal() / 319.60m), 4)));

        using (var cleared = await _fixture.Client.DeleteAsync(path))
            Assert.That(cleared.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var after = await _fixture.Get($"/api/categories?{March}");
        Assert.That(after.GetProperty("farmProducts").GetProperty("netSales").GetDecimal(), Is.EqualTo(0m), "back to the rules");
    }

    [TestCase("operator")]
    [TestCase("display")]
    public async Task OnlyTheBureauFixesACategory(string role)
    {
        using var client = role == "operator" ? _fixture.App.CreateClientAs(role, MetricsFixture.DouyinShop) : _fixture.App.CreateClientAs(role);
        using var response = await client.PutAsJsonAsync($"/api/categories/products/douyin/{Uri.EscapeDataString(MetricsFixture.DouyinShop)}/P1", new { category = "粮油米面" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task AnUnknownCategoryOrProductIsRefusedAndNamed()
    {
        var shop = Uri.EscapeDataString(MetricsFixture.DouyinShop);
        using var badCategory = await _fixture.Client.PutAsJsonAsync($"/api/categories/products/douyin/{shop}/P1", new { category = "电子产品" });
        using var noProduct = await _fixture.Client.PutAsJsonAsync($"/api/categories/products/douyin/{shop}/NOPE", new { category = "调味品" });

        Assert.That(badCategory.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await badCategory.Content.ReadAsStringAsync(), Does.Contain("粮油米面"));
        Assert.That(noProduct.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
