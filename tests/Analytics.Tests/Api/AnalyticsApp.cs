using System.Net.Http.Headers;
using Analytics.Tests.Support;
using Analytics.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Analytics.Tests.Api;

/// <summary>
/// The real application over a fresh SQLite file in its own temporary folder, deleted on dispose; no inbox worker.
/// Its clients carry a bureau API key (every endpoint but /health and /login needs one); <see cref="CreateClientAs"/>
/// gives a client of another role.
/// </summary>
internal sealed class AnalyticsApp : WebApplicationFactory<Program>
{
    private string? _bureauKey;

    /// <param name="databasePath">An existing database to serve instead of a fresh one.</param>
    public AnalyticsApp(string? databasePath = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "analytics-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        DatabasePath = databasePath ?? Path.Combine(Folder, "analytics.db");
    }

    public string Folder { get; }

    /// <summary>Further configuration, e.g. Reports:FontPath.</summary>
    public Dictionary<string, string> Settings { get; } = [];
    public string DatabasePath { get; }

    /// <summary>A key of this role (and, for an operator, these shops) made in the app's database, as `tokens create` makes one.</summary>
    public string CreateKey(string role, params string[] shops) => TestKeys.Create(DatabasePath, role, shops);

    /// <summary>A client that sends a new key of this role; no cookies are kept.</summary>
    public HttpClient CreateClientAs(string role, params string[] shops)
    {
        var client = CreateDefaultClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CreateKey(role, shops));
        return client;
    }

    /// <summary>
    /// A client that sends no key: what anyone on the network gets. With <paramref name="cookies"/> it keeps cookies as a
    /// browser does (to sign in on /login); redirects are never followed, so a test sees them.
    /// </summary>
    public HttpClient CreateAnonymousClient(bool cookies = false)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = cookies });
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _bureauKey ??= CreateKey(Roles.Bureau));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Path", DatabasePath);
        builder.UseSetting("Database:BuyerKeyFile", Path.Combine(Folder, "buyer.key"));
        builder.UseSetting("Inbox:Enabled", "false");
        builder.UseSetting("Reports:Monthly", "false");
        builder.UseSetting("Backup:DailyAt", "");
        // Tests that judge the warning rules call the worker themselves.
        builder.UseSetting("Alerts:Enabled", "false");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
            return;
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A test that failed may still hold a file open; the temp folder is harmless.
        }
    }
}
