using Analytics.Api.Hosting;

namespace Analytics.Api.Logs;

/// <summary>
/// What the service logs and where: warnings and its own events by default (ASP.NET Core's per-request lines only
/// from Warning up; Logging:Requests adds one line per request), to the console (the journal under systemd) and to
/// the daily files in Logs:Folder.
/// </summary>
internal static class LoggingHosting
{
    /// <summary>The defaults, below appsettings.json, the environment and the command line, which may set any level.</summary>
    public static readonly IReadOnlyDictionary<string, string?> DefaultLevels = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft"] = "Warning",
        ["Logging:LogLevel:System"] = "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        // "Now listening on: http://0.0.0.0:5000" and the stop: the host's own start and stop are the service's events.
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
    };

    public static WebApplicationBuilder AddServiceLogging(this WebApplicationBuilder builder, ServiceSettings settings)
    {
        // Log lines carry the real time, also under the demo's pinned date.
        builder.Services.AddSingleton<ILoggerProvider>(_ => new LogFileProvider(
            new LogFile(settings.LogsFolder, settings.LogMaxFileMB * 1024L * 1024L, settings.LogKeepDays, TimeProvider.System), TimeProvider.System));
        return builder;
    }
}
