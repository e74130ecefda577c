using Analytics.Ingestion.Inbox;
using Analytics.Ingestion.Store;

namespace Analytics.Api.Hosting;

/// <summary>Configuration keys: Database:Path, Database:BuyerKeyFile, Archive:Path, Inbox:Path, Inbox:Enabled, Clock:Date.</summary>
internal static class StoreHosting
{
    public const string DefaultDatabasePath = "data/analytics.db";

    public static WebApplicationBuilder AddAnalyticsStore(this WebApplicationBuilder builder)
    {
        var options = new StoreOptions
        {
            DatabasePath = builder.Configuration["Database:Path"] ?? DefaultDatabasePath,
            BuyerKeyFile = builder.Configuration["Database:BuyerKeyFile"],
            ArchivePath = builder.Configuration["Archive:Path"],
        };
        var pinnedDate = builder.Configuration["Clock:Date"];
        builder.Services.AddSingleton(pinnedDate is null
            ? TimeProvider.System
            : new PinnedDateClock(DateOnly.ParseExact(pinnedDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), TimeProvider.System));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(services =>
        {
            var store = new AnalyticsStore(options, services.GetRequiredService<TimeProvider>());
            store.Open().Dispose(); // create or migrate the schema before the first request
            return store;
        });
        return builder;
    }

    public static WebApplicationBuilder AddInboxWorker(this WebApplicationBuilder builder)
    {
        if (!builder.Configuration.GetValue("Inbox:Enabled", true))
            return builder;
        var databasePath = builder.Configuration["Database:Path"] ?? DefaultDatabasePath;
        var inbox = builder.Configuration["Inbox:Path"] ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, "inbox");
        builder.Services.AddSingleton(new InboxOptions { InboxPath = inbox });
        builder.Services.AddSingleton<InboxWorker>();
        builder.Services.AddHostedService(services => services.GetRequiredService<InboxWorker>());
        return builder;
    }
}
