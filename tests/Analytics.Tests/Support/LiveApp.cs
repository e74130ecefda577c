using System.Net;
using Analytics.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Analytics.Tests.Support;

/// <summary>
/// The real application on Kestrel at a free loopback port, so a browser can open it; serves an existing database
/// with the given clock as the server's TimeProvider, and no inbox worker.
/// </summary>
internal sealed class LiveApp : WebApplicationFactory<Program>
{
    private readonly string _databasePath;
    private readonly TimeProvider _clock;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "analytics-tests", Guid.NewGuid().ToString("N"));

    private LiveApp(string databasePath, TimeProvider clock, IReadOnlyDictionary<string, string>? settings)
    {
        (_databasePath, _clock, _settings) = (databasePath, clock, settings ?? new Dictionary<string, string>());
        Directory.CreateDirectory(_folder);
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Where the server listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address { get; private set; } = null!;

    /// <param name="settings">service settings beyond the test defaults, e.g. Alerts:Enabled=false.</param>
    public static LiveApp Start(string databasePath, TimeProvider clock, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = new LiveApp(databasePath, clock, settings);
        app.StartServer();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        app.Address = new Uri(addresses.Single().TrimEnd('/') + "/");
        return app;
    }

    /// <summary>A client with a bureau key, for the figures a test compares the screen with.</summary>
    public HttpClient CreateApiClient()
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", CreateKey(Roles.Bureau));
        return client;
    }

    /// <summary>A key of this role made in the served database, as `tokens create` makes one.</summary>
    public string CreateKey(string role, params string[] shops) => TestKeys.Create(_databasePath, role, shops);

    /// <summary>The header a browser sends to be the wall display (what the kiosk URL's cookie stands for).</summary>
    public Dictionary<string, string> DisplayHeaders() => HeadersFor(Roles.Display);

    /// <summary>The header a browser sends to act with a new key of this role.</summary>
    public Dictionary<string, string> HeadersFor(string role) => new() { ["Authorization"] = "Bearer " + CreateKey(role) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Path", _databasePath);
        builder.UseSetting("Database:BuyerKeyFile", Path.Combine(_folder, "buyer.key"));
        builder.UseSetting("Inbox:Enabled", "false");
        builder.UseSetting("Reports:Monthly", "false");
        builder.UseSetting("Backup:DailyAt", "");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(_clock);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}
