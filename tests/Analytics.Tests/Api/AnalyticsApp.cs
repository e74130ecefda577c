using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Analytics.Tests.Api;

/// <summary>The real application over a fresh SQLite file in its own temporary folder, deleted on dispose; no inbox worker.</summary>
internal sealed class AnalyticsApp : WebApplicationFactory<Program>
{
    /// <param name="databasePath">An existing database to serve instead of a fresh one.</param>
    public AnalyticsApp(string? databasePath = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "analytics-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        DatabasePath = databasePath ?? Path.Combine(Folder, "analytics.db");
    }

    public string Folder { get; }

    /// <summary>Further configuration, e.g. Reports:ChromiumPath.</summary>
    public Dictionary<string, string> Settings { get; } = [];
    public string DatabasePath { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Path", DatabasePath);
        builder.UseSetting("Database:BuyerKeyFile", Path.Combine(Folder, "buyer.key"));
        builder.UseSetting("Inbox:Enabled", "false");
        builder.UseSetting("Reports:Monthly", "false");
        builder.UseSetting("Backup:DailyAt", "");
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
