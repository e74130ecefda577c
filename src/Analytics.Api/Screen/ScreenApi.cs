using Analytics.Api.Accounts;
using Analytics.Api.Hosting;
using Analytics.Ingestion.Normalising;
using Analytics.Store;
using Microsoft.Extensions.FileProviders;

namespace Analytics.Api.Screen;

/// <summary>
/// The big screen (数据大屏): its page at / and /screen, its scripts and ECharts under /screen/, and the server's clock,
/// which the page shows and rolls its periods by (a TV box's own clock is often wrong).
/// </summary>
internal static class ScreenApi
{

    /// <summary>The page's files as the build copies them beside the application (ECharts and the map from npm included).</summary>
    public static string FilesDirectory => Path.Combine(AppContext.BaseDirectory, "screen");

    /// <summary>The page's scripts, styles and ECharts: no data in them, so served before sign-in.</summary>
    public static WebApplication MapScreenFiles(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Directory.CreateDirectory(FilesDirectory).FullName),
            RequestPath = "/screen",
            // A wall screen reloads once a day; it should pick up a new build then, not keep a cached script for weeks.
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
        });
        return app;
    }

    public static WebApplication MapScreen(this WebApplication app)
    {
        app.MapGet("/", ServePage).ExcludeFromDescription().RequireAuthorization(Access.Figures);
        app.MapGet("/screen", ServePage).ExcludeFromDescription().RequireAuthorization(Access.Figures);

        app.MapGet("/api/clock", (TimeProvider time, ServiceSettings settings, AnalyticsStore store) =>
        {
            var now = time.BeijingNow();
            using var data = store.Read();
            return TypedResults.Ok(new ServerClock(
                now.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture),
                DateOnly.FromDateTime(now.DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                settings.ScreenTitle, data.DaysWithSales().Last?[..10]));
        }).WithTags("Screen")
            .WithSummary("The server's time in Beijing, the screen's title and the last day with a paid order (null before the first import)")
            .RequireAuthorization(Access.Figures);

        return app;
    }

    private static IResult ServePage()
    {
        var page = Path.Combine(FilesDirectory, "index.html");
        return File.Exists(page) && File.Exists(Path.Combine(FilesDirectory, "vendor", "echarts.min.js"))
            ? TypedResults.PhysicalFile(page, "text/html; charset=utf-8")
            : TypedResults.Problem($"The big screen's page is missing ({page}); build the project with npm installed.", statusCode: 500);
    }
}

/// <param name="DataThrough">the last day with a paid order: a screen whose period has no data yet opens on the period of this day.</param>
internal sealed record ServerClock(string Now, string Today, string Title, string? DataThrough);
