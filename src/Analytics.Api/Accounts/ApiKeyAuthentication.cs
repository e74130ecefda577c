using System.Text.Encodings.Web;
using Analytics.Store;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Accounts;

/// <summary><c>Authorization: Bearer &lt;key&gt;</c>: scripts and the bureau's tools; a revoked key stops at its next request.</summary>
internal sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AnalyticsStore store) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.NoResult());
        var key = store.Accounts.KeyByHash(ApiKeys.Hash(header["Bearer ".Length..]));
        if (key is null || key.RevokedAt is not null)
            return Task.FromResult(AuthenticateResult.Fail(key is null ? "Unknown API key." : "The API key was revoked."));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(AccountClaims.ForKey(SchemeName, key), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Response.WriteAsJsonAsync(new
        {
            title = "需要登录或有效的 API 密钥 / Sign in or send a valid API key",
            status = 401,
        }, options: null, contentType: "application/problem+json");
    }
}

/// <summary>On a LAN where the bureau allows it (Access:AnonymousDisplay), anyone is the wall display; nothing more.</summary>
internal sealed class AnonymousDisplayAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AnonymousDisplay";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(
            AccountClaims.Principal(SchemeName, "anonymous", "匿名大屏", Roles.Display, []), SchemeName)));
}
