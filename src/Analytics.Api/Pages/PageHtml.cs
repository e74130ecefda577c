using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Analytics.Api.Accounts;
using Analytics.Store;
using Microsoft.Extensions.FileProviders;

namespace Analytics.Api.Pages;

/// <summary>
/// The people's pages (login, upload, the bureau's page): server-rendered HTML in Chinese, one style sheet and plain
/// scripts from <c>/pages/</c>, nothing inline and nothing from a CDN, so they work on an old county PC behind a
/// strict content security policy. Every text that came from a file or a person is HTML-encoded here.
/// </summary>
internal static class PageHtml
{
    /// <summary>The pages' files as the build copies them beside the application.</summary>
    public static string FilesDirectory => Path.Combine(AppContext.BaseDirectory, "pages");

    /// <summary>Markup characters escaped; Chinese stays readable in the page source (the default encoder would write every character as an entity).</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string? text) => Encoder.Encode(text ?? "");

    public static WebApplication MapPageFiles(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Directory.CreateDirectory(FilesDirectory).FullName),
            RequestPath = "/pages",
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
        });
        return app;
    }

    /// <summary>A whole page: head, a bar with the account and the pages it may open, and the body given (already encoded).</summary>
    public static string Document(string title, string body, ClaimsPrincipal? user = null, string? antiforgeryToken = null, IReadOnlyList<string>? scripts = null)
    {
        var bar = user?.Identity?.IsAuthenticated == true
            ? $"""
              <nav class="bar">
                <span class="brand">县域电商销售数据</span>
                {Links(user)}
                <span class="who">{Encode(user.Identity.Name)}（{Encode(Roles.ChineseName(user.Role()))}）</span>
                <form method="post" action="/logout" class="inline"><input type="hidden" name="__RequestVerificationToken" value="{Encode(antiforgeryToken)}"><button type="submit" class="link">退出</button></form>
              </nav>
              """
            : """<nav class="bar"><span class="brand">县域电商销售数据</span></nav>""";
        return $"""
            <!doctype html>
            <html lang="zh-CN">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <meta name="csrf-token" content="{Encode(antiforgeryToken)}">
              <title>{Encode(title)}</title>
              <link rel="icon" href="data:,">
              <link rel="stylesheet" href="/pages/site.css">
            </head>
            <body>
            {bar}
            <main>
            <h1>{Encode(title)}</h1>
            {body}
            </main>
            {string.Join("\n", (scripts ?? []).Select(script => $"""<script src="/pages/{script}"></script>"""))}
            </body>
            </html>
            """;
    }

    /// <summary>A page that only says something: a bad kiosk key, a missing permission.</summary>
    public static string Message(string title, string text) => Document(title, $"<p class=\"message\">{Encode(text)}</p>");

    private static string Links(ClaimsPrincipal user)
    {
        var links = new List<string> { """<a href="/">数据大屏</a>""" };
        if (Access.RolesOf[Access.Imports].Contains(user.Role()))
            links.Add("""<a href="/upload">上传订单</a>""");
        if (Access.RolesOf[Access.Bureau].Contains(user.Role()))
            links.Add("""<a href="/admin">管理</a>""");
        return string.Join(" ", links);
    }
}
