using Microsoft.Extensions.Primitives;

namespace Analytics.Api.Hosting;

/// <summary>
/// Headers on every response. Product titles, shop and enterprise names come from export files anyone can edit, and
/// the pages show them; should one ever reach a page as markup, the browser still runs no script and loads nothing
/// that is not the service's own.
/// </summary>
internal static class ResponseHeaders
{
    /// <summary>
    /// The service's pages (the big screen, /about): scripts and styles only from its own files, never inline; the
    /// screen's <c>data:</c> favicon; calls only to this service; never inside another site's frame. ECharts and the
    /// screen's layout set styles through the CSSOM, which this allows.
    /// </summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /// <summary>
    /// A response that sets its own Content-Security-Policy (the HTML report) keeps it; every other gets
    /// <see cref="PagePolicy"/>. No CORS: the screen and the pages call their own origin, and no other site's
    /// script may read the figures.
    /// </summary>
    public static IApplicationBuilder UseResponseHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Set as the headers leave, so that the exception handler, which clears a failed response, cannot drop them.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                if (StringValues.IsNullOrEmpty(headers.ContentSecurityPolicy))
                    headers.ContentSecurityPolicy = PagePolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XFrameOptions = "DENY";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
