using System.Security.Claims;
using Analytics.Api.Accounts;
using Analytics.Api.Pages;
using Microsoft.AspNetCore.Antiforgery;

namespace Analytics.Api.Health;

/// <summary>/about: for whoever sets the service up, where the big screen, the pages, the reports and the API are.</summary>
internal static class HomePage
{
    private const string Body = """
        <p>服务正在运行。可以打开：</p>
        <ul>
          <li><a href="/">/</a> — 数据大屏；参数 <code>?period=today|month|quarter|year|ytd</code>、<code>&amp;refresh=60</code>、<code>&amp;pages=overview,regions,rankings&amp;rotate=30</code>。电视盒子用商务局提供的大屏地址（<code>/?key=…</code>）打开一次即可。</li>
          <li><a href="/upload">/upload</a> — 店铺操作员上传订单导出：先预览，确认后入库，可撤回。</li>
          <li><a href="/admin">/admin</a> — 商务局：全部导入、店铺；管理员还可管理用户、API 密钥和审计日志。</li>
          <li><code>/api/reports/monthly/2023-03.docx</code> — 网络零售运行情况报告（月报；也有 <code>quarterly/2023Q1</code>、<code>annual/2022</code>，格式 <code>.docx</code>、<code>.xlsx</code>、<code>.pdf</code>、<code>.html</code>）；每月 1 日上月月报也写入数据库旁的 <code>reports/</code>。</li>
          <li><a href="/health">/health</a> — 数据库能否读取。</li>
          <li><a href="/openapi/v1.json">/openapi/v1.json</a> — HTTP API 的 OpenAPI 文档；脚本用 <code>Authorization: Bearer &lt;密钥&gt;</code> 调用，例如上传：<code>POST /api/imports</code>（表单字段 <code>file</code>、<code>shop</code>），导入记录：<code>GET /api/imports</code>。</li>
        </ul>
        <p>也可以把导出文件复制到数据库旁的 <code>inbox/&lt;店铺名称&gt;/</code> 文件夹，服务会自动导入。</p>
        """;

    public static IEndpointRouteBuilder MapHomePage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/about", (HttpContext context, IAntiforgery antiforgery, ClaimsPrincipal user) =>
                TypedResults.Content(PageHtml.Document("县域电商销售数据分析服务", Body, user, antiforgery.GetAndStoreTokens(context).RequestToken),
                    "text/html; charset=utf-8"))
            .ExcludeFromDescription()
            .RequireAuthorization(Access.Figures);
        return routes;
    }
}
