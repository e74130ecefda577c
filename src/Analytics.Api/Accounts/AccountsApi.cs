using System.Security.Claims;
using Analytics.Api.Pages;
using Analytics.Ingestion.Normalising;
using Analytics.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Accounts;

/// <summary>/api/accounts: the admin's users, API keys and audit log. A new key is shown once, in the answer that made it.</summary>
internal static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsAdmin(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/accounts").WithTags("Accounts")
            .RequireAuthorization(Access.Admin)
            .AddEndpointFilter<SessionAntiforgery>();

        group.MapGet("/users", (AnalyticsStore store) => TypedResults.Ok(store.Accounts.Users()))
            .WithSummary("Every user with role and shops (never a password)");

        group.MapPost("/users", Results<Created<UserAccount>, ValidationProblem> (NewUser user, AnalyticsStore store, ClaimsPrincipal admin, TimeProvider time) =>
        {
            if (string.IsNullOrWhiteSpace(user.Name) || (user.Password ?? "").Length < 8)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["user"] = ["用户名不能为空，密码至少 8 个字符。"] });
            try
            {
                store.Accounts.AddUser(user.Name.Trim(), user.Role ?? "", LoginPage.HashPassword(user.Password!), user.Shops ?? [], admin.Actor(), time.BeijingNowText());
            }
            catch (AccountException refused)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["user"] = [refused.Message] });
            }
            return TypedResults.Created($"/api/accounts/users/{Uri.EscapeDataString(user.Name.Trim())}", store.Accounts.User(user.Name.Trim())!);
        }).WithSummary("Add a user: name, password (8 characters or more), role, and an operator's shops");

        group.MapDelete("/users/{name}", Results<NoContent, NotFound<string>> (string name, AnalyticsStore store, ClaimsPrincipal admin, TimeProvider time) =>
        {
            try
            {
                store.Accounts.DisableUser(name, admin.Actor(), time.BeijingNowText());
                return TypedResults.NoContent();
            }
            catch (AccountException refused)
            {
                return TypedResults.NotFound(refused.Message);
            }
        }).WithSummary("Disable a user: their sessions end at once; their history stays");

        group.MapGet("/keys", (AnalyticsStore store) => TypedResults.Ok(store.Accounts.Keys()))
            .WithSummary("Every API key (its first characters, never the key)");

        group.MapPost("/keys", Results<Created<NewKeyAnswer>, ValidationProblem> (NewKey key, AnalyticsStore store, ClaimsPrincipal admin, TimeProvider time) =>
        {
            if (string.IsNullOrWhiteSpace(key.Name))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["请给密钥起一个名字（例如“一楼大屏”）。"] });
            var secret = ApiKeys.New();
            try
            {
                var id = store.Accounts.AddKey(key.Name.Trim(), key.Role ?? "", ApiKeys.Hash(secret), ApiKeys.Start(secret), key.Shops ?? [], admin.Actor(), time.BeijingNowText());
                return TypedResults.Created($"/api/accounts/keys/{id}", new NewKeyAnswer(store.Accounts.Key(id)!, secret));
            }
            catch (AccountException refused)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["key"] = [refused.Message] });
            }
        }).WithSummary("Make an API key; the answer holds the key itself, shown this once");

        group.MapDelete("/keys/{id:long}", Results<NoContent, NotFound> (long id, AnalyticsStore store, ClaimsPrincipal admin, TimeProvider time) =>
            store.Accounts.RevokeKey(id.ToString(System.Globalization.CultureInfo.InvariantCulture), admin.Actor(), time.BeijingNowText()) > 0
                ? TypedResults.NoContent()
                : TypedResults.NotFound())
            .WithSummary("Revoke a key: it stops at its next request, a display signed in with it too");

        group.MapGet("/audit", (AnalyticsStore store, int? limit) => TypedResults.Ok(store.Accounts.AuditLog(Math.Clamp(limit ?? 200, 1, 5000))))
            .WithSummary("Logins, failed logins, uploads, withdrawals, account and key changes, newest first");

        return group;
    }
}

internal sealed record NewUser(string? Name, string? Password, string? Role, IReadOnlyList<string>? Shops);

internal sealed record NewKey(string? Name, string? Role, IReadOnlyList<string>? Shops);

/// <param name="Key">The key itself: shown this once, stored only as its hash.</param>
internal sealed record NewKeyAnswer(ApiKeyAccount Account, string Key);
