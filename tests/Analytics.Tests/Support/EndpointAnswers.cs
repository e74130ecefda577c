using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Analytics.Tests.Api;

namespace Analytics.Tests.Support;

/// <summary>
/// Every metrics endpoint's answer for one database, computed afresh: summaries (the whole range, each month, each
/// platform, shop and province), trends by day, week and month, every ranking by every measure, each product's
/// regions, and freshness. Two databases that must hold the same figures are compared with these, never with one number.
/// </summary>
internal static class EndpointAnswers
{
    /// <param name="raw">Answer from the orders and lines themselves (source=raw) instead of the rollups.</param>
    public static async Task<SortedDictionary<string, string>> OfAsync(string databasePath, DateOnly from, DateOnly to, bool raw = false)
    {
        using var app = new AnalyticsApp(databasePath);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.CacheControl = new CacheControlHeaderValue { NoCache = true };
        var answers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var range = $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";

        async Task<JsonNode> Get(string url)
        {
            var response = await client.GetAsync(new Uri(raw && url.Contains('?', StringComparison.Ordinal) ? url + "&source=raw" : url, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            Assert.That(response.IsSuccessStatusCode, Is.True, $"{url}: {(int)response.StatusCode} {body}");
            var node = JsonNode.Parse(body)!;
            answers[url] = node.ToJsonString();
            return node;
        }

        await Get($"/api/summary?{range}");
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
            await Get($"/api/summary?from={month:yyyy-MM-dd}&to={month.AddMonths(1).AddDays(-1):yyyy-MM-dd}");
        foreach (var interval in new[] { "day", "week", "month" })
            await Get($"/api/trend?{range}&interval={interval}");
        foreach (var dimension in new[] { "platforms", "enterprises", "shops", "provinces", "products" })
        {
            foreach (var by in new[] { "gmv", "orders", "netSales" })
            {
                var ranking = await Get($"/api/rankings/{dimension}?{range}&by={by}&limit=100");
                if (by != "gmv")
                    continue;
                foreach (var item in ranking["items"]!.AsArray())
                {
                    var key = Uri.EscapeDataString(item!["key"]!.GetValue<string>());
                    switch (dimension)
                    {
                        case "platforms": await Get($"/api/summary?{range}&platform={key}"); break;
                        case "shops": await Get($"/api/summary?{range}&shop={key}"); break;
                        case "enterprises": await Get($"/api/summary?{range}&enterprise={key}"); break;
                        case "provinces": await Get($"/api/summary?{range}&province={key}"); break;
                    }
                }
            }
        }
        var products = JsonNode.Parse(answers[$"/api/rankings/products?{range}&by=gmv&limit=100"])!["items"]!.AsArray();
        foreach (var product in products)
        {
            var platform = product!["platform"]!.GetValue<string>();
            var id = product["key"]!.GetValue<string>();
            await Get($"/api/products/{Uri.EscapeDataString(platform)}/{Uri.EscapeDataString(id)}/regions?{range}");
        }
        var freshness = await Get("/api/freshness");
        foreach (var shop in freshness.AsArray())
            shop!.AsObject().Remove("lastImportAt"); // when a file was imported, not what it holds
        answers["/api/freshness"] = freshness.ToJsonString();
        return answers;
    }

    /// <summary>The URLs whose answers differ, with both answers, for a failure message a person can read.</summary>
    public static string Differences(SortedDictionary<string, string> expected, SortedDictionary<string, string> actual) =>
        string.Join("\n", expected.Keys.Union(actual.Keys).Where(url => expected.GetValueOrDefault(url) != actual.GetValueOrDefault(url))
            .Select(url => $"{url}\n  expected {expected.GetValueOrDefault(url) ?? "(no such call)"}\n  actual   {actual.GetValueOrDefault(url) ?? "(no such call)"}"));
}
