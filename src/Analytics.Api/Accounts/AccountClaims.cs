using System.Security.Claims;
using Analytics.Store;

namespace Analytics.Api.Accounts;

/// <summary>Who is asking, as the service's claims say it: an account (user, key or anonymous display), a role, and an operator's shops.</summary>
internal static class AccountClaims
{
    /// <summary><c>user:&lt;name&gt;</c>, <c>key:&lt;id&gt;</c>, or <c>anonymous</c> on a LAN that allows it.</summary>
    public const string Account = "analytics:account";
    public const string Shop = "analytics:shop";

    public static ClaimsPrincipal Principal(string scheme, string account, string name, string role, IEnumerable<string> shops)
    {
        var claims = new List<Claim> { new(Account, account), new(ClaimTypes.Name, name), new(ClaimTypes.Role, role) };
        claims.AddRange(shops.Select(shop => new Claim(Shop, shop)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static ClaimsPrincipal ForUser(string scheme, UserAccount user) =>
        Principal(scheme, $"user:{user.Name}", user.Name, user.Role, user.Shops);

    public static ClaimsPrincipal ForKey(string scheme, ApiKeyAccount key) =>
        Principal(scheme, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"key:{key.Id}"), key.Name, key.Role, key.Shops);

    public static string Role(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role) ?? "";

    public static bool IsOperator(this ClaimsPrincipal user) => user.Role() == Roles.Operator;

    public static bool IsDisplay(this ClaimsPrincipal user) => user.Role() == Roles.Display;

    /// <summary>True for the bureau and its admins: every shop, every import, every report.</summary>
    public static bool SeesEverything(this ClaimsPrincipal user) => user.Role() is Roles.Bureau or Roles.Admin;

    /// <summary>The shops an operator may touch; empty for everyone else.</summary>
    public static IReadOnlyList<string> OwnShops(this ClaimsPrincipal user) => user.FindAll(Shop).Select(c => c.Value).ToList();

    /// <summary>How the audit log and the import log name the person or key acting, e.g. "用户 张三" or "密钥 #3 大屏".</summary>
    public static string Actor(this ClaimsPrincipal user)
    {
        var account = user.FindFirstValue(Account) ?? "anonymous";
        var name = user.Identity?.Name ?? "";
        return account.StartsWith("key:", StringComparison.Ordinal) ? $"密钥 #{account[4..]} {name}"
            : account.StartsWith("user:", StringComparison.Ordinal) ? $"用户 {name}"
            : "匿名大屏";
    }
}
