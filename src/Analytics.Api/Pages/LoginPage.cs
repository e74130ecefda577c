using System.Security.Claims;
using Analytics.Api.Accounts;
using Analytics.Ingestion.Normalising;
using Analytics.Store;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Api.Pages;

/// <summary>/login and /logout: a person signs in with name and password; repeated wrong passwords lock the name for a while.</summary>
internal static class LoginPage
{
    private static readonly PasswordHasher<string> Hasher = new();

    public static string HashPassword(string password) => Hasher.HashPassword("", password);

    public static WebApplication MapLogin(this WebApplication app)
    {
        app.MapGet("/login", (HttpContext context, IAntiforgery antiforgery, string? returnUrl, int? denied) =>
        {
            var notice = denied == 1 && context.User.Identity?.IsAuthenticated == true
                ? $"当前账号（{context.User.Identity.Name}，{Roles.ChineseName(context.User.Role())}）没有权限打开该页面。可换一个账号登录。"
                : null;
            return Form(context, antiforgery, returnUrl, notice, name: null);
        }).ExcludeFromDescription().AllowAnonymous();

        app.MapPost("/login", async ([FromForm] LoginForm form, HttpContext context, IAntiforgery antiforgery, AnalyticsStore store,
            LoginThrottle throttle, TimeProvider time) =>
        {
            var name = (form.Name ?? "").Trim();
            var remote = context.Connection.RemoteIpAddress?.ToString();
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Form(context, antiforgery, form.ReturnUrl, "页面已过期，请重新输入用户名和密码。", name, StatusCodes.Status400BadRequest);
            }
            if (throttle.LockedUntil(name) is { } until)
            {
                var local = until.ToOffset(BeijingTime.Offset);
                return Form(context, antiforgery, form.ReturnUrl, $"登录失败次数过多，账号“{name}”已锁定，请于 {local:HH:mm} 后再试。", name);
            }
            var user = name.Length == 0 ? null : store.Accounts.User(name);
            var valid = user is { DisabledAt: null }
                && Hasher.VerifyHashedPassword(name, user.PasswordHash, form.Password ?? "") != PasswordVerificationResult.Failed;
            if (!valid)
            {
                var locked = throttle.Failed(name);
                store.Accounts.Audit(new AuditEntry(time.BeijingNowText(), name.Length == 0 ? "（空用户名）" : name, "login-failed", locked ? "连续失败，已锁定" : "密码或用户名错误", remote));
                return Form(context, antiforgery, form.ReturnUrl,
                    locked ? $"登录失败次数过多，账号“{name}”已锁定 {LoginThrottle.LockTime.TotalMinutes:0} 分钟。" : "用户名或密码不正确。", name);
            }
            throttle.Succeeded(name);
            await AccountsHosting.SignInUserAsync(context, user!);
            store.Accounts.Audit(new AuditEntry(time.BeijingNowText(), $"用户 {name}", "login", Roles.ChineseName(user!.Role), remote));
            return Results.LocalRedirect(IsLocal(form.ReturnUrl) ? form.ReturnUrl! : Landing(user.Role));
        }).ExcludeFromDescription().AllowAnonymous().DisableAntiforgery(); // checked above, to answer with the form rather than an error

        app.MapPost("/logout", async (HttpContext context) =>
        {
            await AccountsHosting.SignOutAsync(context);
            return Results.LocalRedirect("/login");
        })
        // Open to anyone (signing out no one is harmless), but a session's sign-out carries its page's token, so another
        // site cannot sign a bureau's wall or clerk out.
        .ExcludeFromDescription().AllowAnonymous().AddEndpointFilter<SessionAntiforgery>();

        return app;
    }

    /// <summary>Where a person lands after signing in: operators upload, the bureau manages, a display shows the screen.</summary>
    public static string Landing(string role) => role switch
    {
        Roles.Operator => "/upload",
        Roles.Bureau or Roles.Admin => "/admin",
        _ => "/",
    };

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    private static IResult Form(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? notice, string? name,
        int status = StatusCodes.Status200OK)
    {
        var token = antiforgery.GetAndStoreTokens(context).RequestToken;
        var body = $"""
            {(notice is null ? "" : $"<p class=\"notice\">{PageHtml.Encode(notice)}</p>")}
            <form method="post" action="/login" class="login">
              <input type="hidden" name="__RequestVerificationToken" value="{PageHtml.Encode(token)}">
              <input type="hidden" name="returnUrl" value="{PageHtml.Encode(returnUrl)}">
              <label>用户名 <input name="name" autocomplete="username" required value="{PageHtml.Encode(name)}" autofocus></label>
              <label>密码 <input name="password" type="password" autocomplete="current-password" required></label>
              <button type="submit">登录</button>
            </form>
            <p class="hint">没有账号？请联系商务局管理员。大屏请使用商务局提供的大屏地址。</p>
            """;
        return Results.Content(PageHtml.Document("登录", body), "text/html; charset=utf-8", statusCode: status);
    }
}

internal sealed class LoginForm
{
    public string? Name { get; set; }
    public string? Password { get; set; }
    public string? ReturnUrl { get; set; }
}
