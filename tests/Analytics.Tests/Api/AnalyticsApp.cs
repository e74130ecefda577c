using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Analytics.Tests.Api;

/// <summary>The real application over a fresh SQLite file in its own temporary folder, deleted on dispose; no inbox worker.</summary>
internal sealed class AnalyticsApp : WebApplicationFactory<Program>
{
    public AnalyticsApp()
    {
        Folder = Path.Combine(Path.GetTempPath(), "analytics-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }
    public string DatabasePath => Path.Combine(Folder, "analytics.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Path", DatabasePath);
        builder.UseSetting("Database:BuyerKeyFile", Path.Combine(Folder, "buyer.key"));
        builder.UseSetting("Inbox:Enabled", "false");
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
