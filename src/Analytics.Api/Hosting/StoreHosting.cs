using Analytics.Api.Inbox;
using Analytics.Store;

namespace Analytics.Api.Hosting;

/// <summary>The store, the clock and the drop-folder worker, from the <see cref="ServiceSettings"/> read once at start.</summary>
internal static class StoreHosting
{
    public static WebApplicationBuilder AddAnalyticsStore(this WebApplicationBuilder builder, ServiceSettings settings)
    {
        var options = new StoreOptions
        {
            DatabasePath = settings.DatabasePath,
            BuyerKeyFile = settings.BuyerKeyFile,
            ArchivePath = settings.ArchivePath,
            FormatsDirectory = settings.FormatsPath,
        };
        builder.Services.AddSingleton(settings.PinnedDate is { } pinnedDate
            ? new PinnedDateClock(pinnedDate, TimeProvider.System)
            : TimeProvider.System);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(services =>
        {
            var store = new AnalyticsStore(options, services.GetRequiredService<TimeProvider>());
            store.Read().Dispose(); // create or migrate the schema before the first request
            return store;
        });
        return builder;
    }

    public static WebApplicationBuilder AddInboxWorker(this WebApplicationBuilder builder, ServiceSettings settings)
    {
        if (!settings.InboxEnabled)
            return builder;
        builder.Services.AddSingleton(new InboxOptions { InboxPath = settings.InboxPath });
        builder.Services.AddSingleton<InboxWorker>();
        builder.Services.AddHostedService(services => services.GetRequiredService<InboxWorker>());
        return builder;
    }
}
