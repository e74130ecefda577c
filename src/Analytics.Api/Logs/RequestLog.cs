using System.Diagnostics;
using System.Net;

namespace Analytics.Api.Logs;

/// <summary>
/// Logging:Requests: one line per HTTP request — method, path, status, time taken, client — instead of ASP.NET Core's
/// ten. The query string is left out: it may carry a key one day, and logs are read by more people than keys are.
/// </summary>
internal static partial class RequestLog
{
    public static WebApplication UseRequestLog(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Analytics.Api.Requests");
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Served(logger, context.Request.Method, context.Request.Path, context.Response.StatusCode, milliseconds, context.Connection.RemoteIpAddress);
            }
        });
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} {Status} {Milliseconds:0.0} ms {Client}")]
    private static partial void Served(ILogger logger, string method, PathString path, int status, double milliseconds, IPAddress? client);
}
