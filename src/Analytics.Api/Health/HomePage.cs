namespace Analytics.Api.Health;

/// <summary>/about: for whoever sets the service up, where the big screen, the data and the API are.</summary>
internal static class HomePage
{
    private const string Html = """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>县域电商销售数据分析服务</title><link rel="stylesheet" href="/about.css"></head>
        <body>
        <h1>县域电商销售数据分析服务</h1>
        <p>The service is running. Its screen, data and API:</p>
        <ul>
          <li><a href="/">/</a> — the big screen (数据大屏); <code>?period=today|month|quarter|year|ytd</code>, <code>&amp;refresh=60</code>, <code>&amp;pages=overview,regions,rankings&amp;rotate=30</code></li>
          <li><code>/api/reports/monthly/2023-03.docx</code> — the bureau's report (网络零售运行情况) for a month, <code>quarterly/2023Q1</code> or <code>annual/2022</code>, as <code>.docx</code>, <code>.xlsx</code>, <code>.pdf</code> or <code>.html</code>; last month's is also written to <code>reports/</code> beside the database on the 1st</li>
          <li><a href="/health">/health</a> — whether the database can be read, and how much it holds</li>
          <li><a href="/api/imports">/api/imports</a> — every imported export and its receipt</li>
          <li><a href="/openapi/v1.json">/openapi/v1.json</a> — the OpenAPI document</li>
        </ul>
        <p>To import exports, copy them to <code>inbox/&lt;店铺名称&gt;/</code> beside the database, or POST them to <code>/api/imports</code>.</p>
        </body></html>
        """;

    // In a file of its own: the pages' Content-Security-Policy allows no inline style (Hosting/ResponseHeaders.cs).
    private const string Css = "body { font-family: sans-serif; max-width: 48rem; margin: 3rem auto; line-height: 1.6; }\n";

    public static IEndpointRouteBuilder MapHomePage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/about", () => TypedResults.Content(Html, "text/html; charset=utf-8")).ExcludeFromDescription();
        routes.MapGet("/about.css", () => TypedResults.Content(Css, "text/css; charset=utf-8")).ExcludeFromDescription();
        return routes;
    }
}
