using Microsoft.AspNetCore.Antiforgery;

namespace Analytics.Api.Accounts;

/// <summary>
/// A change asked for by a browser session must carry the page's antiforgery token (form field or X-CSRF-TOKEN header):
/// another site could otherwise make a signed-in operator's browser upload or withdraw. A script sending an API key
/// has no ambient credentials and needs none.
/// </summary>
internal sealed class SessionAntiforgery(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var changes = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method));
        if (changes && http.User.Identity?.AuthenticationType == AccountsHosting.Session && !await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem(title: "页面已过期，请刷新后重试 / The page has expired: reload it and try again",
                detail: "请求缺少有效的防伪令牌。", statusCode: StatusCodes.Status400BadRequest);
        }
        return await next(context);
    }
}
