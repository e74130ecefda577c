using Analytics.Api.Pages;
using Analytics.Ingestion.Normalising;
using Analytics.Store;

namespace Analytics.Api.Accounts;

/// <summary>
/// The kiosk URL <c>/?key=…</c>: a TV box cannot type a password, so a display key in the address signs the wall in
/// with a long-lived cookie, and the browser is sent on to the same page without the key, which then stays out of
/// its history. Only display keys are taken this way: a key in an address is a key on a screen.
/// </summary>
internal sealed class KioskKeySignIn(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, AnalyticsStore store, TimeProvider time)
    {
        // Only the screen's own addresses take a key: an API call or another page never signs anyone in.
        var screen = context.Request.Path == "/" || context.Request.Path.Equals("/screen", StringComparison.OrdinalIgnoreCase);
        if (!screen || !HttpMethods.IsGet(context.Request.Method) || context.Request.Query["key"].ToString() is not { Length: > 0 } keyText)
        {
            await next(context);
            return;
        }
        var key = store.Accounts.KeyByHash(ApiKeys.Hash(keyText));
        if (key is not { RevokedAt: null, Role: Roles.Display })
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(PageHtml.Message("大屏密钥无效",
                key is null ? "这个地址中的密钥不存在。请向商务局索取新的大屏地址。"
                : key.RevokedAt is not null ? "这个大屏密钥已被撤销。请向商务局索取新的大屏地址。"
                : "只有大屏（display）密钥可以写在地址中；其他密钥请放在 Authorization 请求头中。"));
            return;
        }
        await AccountsHosting.SignInDisplayAsync(context, key);
        store.Accounts.Audit(new AuditEntry(time.BeijingNowText(), $"密钥 #{key.Id} {key.Name}", "kiosk-login", "大屏地址登录",
            context.Connection.RemoteIpAddress?.ToString()));
        var query = context.Request.Query.Where(q => q.Key != "key").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}");
        var rest = string.Join("&", query);
        context.Response.Redirect(context.Request.PathBase + context.Request.Path + (rest.Length > 0 ? "?" + rest : ""));
    }
}
