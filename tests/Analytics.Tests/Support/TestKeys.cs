using Analytics.Api.Cli;
using Analytics.Store;

namespace Analytics.Tests.Support;

/// <summary>API keys made straight in a test's database, as `tokens create` makes them.</summary>
internal static class TestKeys
{
    public static string Create(string databasePath, string role, params string[] shops)
    {
        using var store = new AnalyticsStore(new StoreOptions { DatabasePath = databasePath }, TimeProvider.System);
        return TokensCommand.Create(store, $"test {role}", role, shops, "test");
    }
}
