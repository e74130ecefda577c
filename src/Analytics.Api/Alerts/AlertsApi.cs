using System.Security.Claims;
using Analytics.Api.Accounts;
using Analytics.Api.Hosting;
using Analytics.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Alerts;

internal static class AlertsApi
{
    /// <summary>The worker, the webhook sender and the settings they share; nothing runs when Alerts:Enabled is false.</summary>
    public static WebApplicationBuilder AddAlerts(this WebApplicationBuilder builder, ServiceSettings settings)
    {
        builder.Services.AddSingleton(settings.Alerts);
        builder.Services.AddSingleton(services => new AlertWebhookSender(services.GetRequiredService<AnalyticsStore>(), settings.Alerts,
            new HttpClient { Timeout = TimeSpan.FromSeconds(10) }, services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<AlertWebhookSender>>()));
        builder.Services.AddSingleton<AlertWorker>();
        if (settings.Alerts.Enabled)
            builder.Services.AddHostedService(services => services.GetRequiredService<AlertWorker>());
        return builder;
    }

    public static RouteGroupBuilder MapAlerts(this IEndpointRouteBuilder routes)
    {
        // The wall's display reads the open alerts for its ticker; only the bureau marks one as seen.
        var group = routes.MapGroup("/api/alerts").WithTags("Alerts").RequireAuthorization(Access.Alerts).AddEndpointFilter<SessionAntiforgery>();

        group.MapGet("", Results<Ok<AlertList>, ValidationProblem> (string? state, AnalyticsStore store) =>
        {
            var which = state?.Trim().ToLowerInvariant() ?? "open";
            if (which is not ("open" or "all"))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["state"] = [$"state must be open or all, not '{state}'."] });
            return TypedResults.Ok(new AlertList(which, [.. store.Alerts.List(all: which == "all").Select(AlertView.Of)]));
        }).WithSummary("预警: the open episodes (state=open, the default) or every episode with its history (state=all), newest first");

        group.MapPost("/{id:long}/acknowledge", async Task<Results<Ok<AlertView>, ProblemHttpResult>> (
            long id, AnalyticsStore store, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        {
            if (!await store.Alerts.AcknowledgeAsync(id, user.Identity?.Name ?? "?", store.Now(), cancellationToken))
                return TypedResults.Problem(title: "没有这条预警 / No such alert", detail: $"预警 #{id} 不存在。", statusCode: StatusCodes.Status404NotFound);
            return TypedResults.Ok(AlertView.Of(store.Alerts.Find(id)!));
        }).WithSummary("Marks an alert as seen (已知悉); it stays open until its condition clears, and is not pushed again")
            .RequireAuthorization(Access.Bureau);

        return group;
    }
}
