using System.Net;
using System.Text.RegularExpressions;
using Analytics.Api.Pages;
using Analytics.Store;
using Analytics.Tests.Api;

namespace Analytics.Tests.Accounts;

/// <summary>People as the service sees them: users made in the test database, and browser-like sessions signed in on /login.</summary>
internal static partial class AccountSessions
{
    public static void AddUser(AnalyticsApp app, string name, string password, string role, params string[] shops) =>
        AddUser(app.DatabasePath, name, password, role, shops);

    public static void AddUser(string databasePath, string name, string password, string role, params string[] shops)
    {
        using var store = new AnalyticsStore(new StoreOptions { DatabasePath = databasePath }, TimeProvider.System);
        store.Accounts.AddUser(name, role, LoginPage.HashPassword(password), shops, "test", "2023-07-01 09:00:00");
    }

    /// <summary>Posts the login form as a browser would (with the form's antiforgery token); returns the answer.</summary>
    public static async Task<HttpResponseMessage> LogInAsync(HttpClient browser, string name, string password)
    {
        var form = await browser.GetStringAsync(new Uri("/login", UriKind.Relative));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(form),
            ["name"] = name,
            ["password"] = password,
        });
        return await browser.PostAsync(new Uri("/login", UriKind.Relative), content);
    }

    /// <summary>The antiforgery token a page carries (its login form field or its csrf-token meta tag).</summary>
    public static string Token(string html) =>
        WebUtility.HtmlDecode((TokenField().Match(html) is { Success: true } field ? field : TokenMeta().Match(html)).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex TokenMeta();
}
