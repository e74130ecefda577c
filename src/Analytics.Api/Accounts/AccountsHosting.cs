using Analytics.Api.Hosting;
using Analytics.Store;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Analytics.Api.Accounts;

/// <summary>
/// Sign-in for people (a cookie session after the login page), for scripts (an API key as a bearer token) and for the
/// wall (a display key on the kiosk URL, turned into a long-lived cookie). Every request's account is checked
/// against the store, so a disabled user or a revoked key stops at once.
/// </summary>
internal static class AccountsHosting
{
    public const string Session = "Session";
    private const string Smart = "Smart";

    /// <summary>How long a wall display stays signed in from one kiosk URL; a TV box cannot type a password.</summary>
    private static readonly TimeSpan DisplaySession = TimeSpan.FromDays(400);

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder, ServiceSettings settings)
    {
        builder.Services.AddSingleton<LoginThrottle>();
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = ".analytics.antiforgery";
            options.HeaderName = "X-CSRF-TOKEN";
        });
        builder.Services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, "API key, session or anonymous display", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? ApiKeyAuthentication.SchemeName
                : settings.AnonymousDisplay && !context.Request.Cookies.ContainsKey(".analytics.session") ? AnonymousDisplayAuthentication.SchemeName
                : Session)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, AnonymousDisplayAuthentication>(AnonymousDisplayAuthentication.SchemeName, null)
            .AddCookie(Session, options =>
            {
                options.Cookie.Name = ".analytics.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.LoginPath = "/login";
                options.AccessDeniedPath = "/login";
                options.Events = new CookieAuthenticationEvents
                {
                    // Pages send a person to the login page; the API answers 401 or 403 for scripts and the screen.
                    OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden),
                    OnValidatePrincipal = ValidateAccount,
                };
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Access.Figures, policy => policy.RequireRole(Access.RolesOf[Access.Figures]))
            .AddPolicy(Access.Imports, policy => policy.RequireRole(Access.RolesOf[Access.Imports]))
            .AddPolicy(Access.Bureau, policy => policy.RequireRole(Access.RolesOf[Access.Bureau]))
            .AddPolicy(Access.Alerts, policy => policy.RequireRole(Access.RolesOf[Access.Alerts]))
            .AddPolicy(Access.Admin, policy => policy.RequireRole(Access.RolesOf[Access.Admin]));
        return builder;
    }

    public static WebApplication UseAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseMiddleware<KioskKeySignIn>();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>Signs a wall display in for <see cref="DisplaySession"/>.</summary>
    public static Task SignInDisplayAsync(HttpContext context, ApiKeyAccount key) =>
        context.SignInAsync(Session, AccountClaims.ForKey(Session, key),
            new AuthenticationProperties { IsPersistent = true, ExpiresUtc = DateTimeOffset.UtcNow + DisplaySession, AllowRefresh = false });

    public static Task SignInUserAsync(HttpContext context, UserAccount user) =>
        context.SignInAsync(Session, AccountClaims.ForUser(Session, user), new AuthenticationProperties { IsPersistent = false });

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(Session);

    private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsPage(context.Request))
        {
            var target = status == StatusCodes.Status401Unauthorized
                ? context.RedirectUri
                : "/login?denied=1&returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString);
            context.Response.Redirect(target);
            return Task.CompletedTask;
        }
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new
        {
            title = status == StatusCodes.Status401Unauthorized
                ? "需要登录或有效的 API 密钥 / Sign in or send a valid API key"
                : "没有权限 / This account may not do that",
            status,
        }, options: null, contentType: "application/problem+json");
    }

    /// <summary>A person's browser asking for a page, rather than a script or the screen asking the API.</summary>
    private static bool IsPage(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/openapi") && HttpMethods.IsGet(request.Method);

    private static async Task ValidateAccount(CookieValidatePrincipalContext context)
    {
        var store = context.HttpContext.RequestServices.GetRequiredService<AnalyticsStore>();
        var account = context.Principal?.FindFirst(AccountClaims.Account)?.Value ?? "";
        var role = context.Principal?.Role();
        var valid = account.StartsWith("user:", StringComparison.Ordinal)
            ? store.Accounts.User(account[5..]) is { DisabledAt: null } user && user.Role == role
            : account.StartsWith("key:", StringComparison.Ordinal) && long.TryParse(account[4..], System.Globalization.CultureInfo.InvariantCulture, out var id)
              && store.Accounts.Key(id) is { RevokedAt: null } key && key.Role == role;
        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Session);
        }
    }
}
