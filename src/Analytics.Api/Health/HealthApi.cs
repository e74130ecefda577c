using Analytics.Ingestion.Store;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Health;

internal static class HealthApi
{
    public static RouteGroupBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/health").WithTags("Health");

        group.MapGet("/", Results<Ok<HealthReport>, ProblemHttpResult> (AnalyticsStore store) =>
        {
            try
            {
                using var connection = store.Open();
                var (orders, imports) = connection.QuerySingle<(long, long)>("SELECT (SELECT count(*) FROM orders), (SELECT count(*) FROM imports)");
                return TypedResults.Ok(new HealthReport("ok", Path.GetFullPath(store.Options.DatabasePath), orders, imports));
            }
            catch (Microsoft.Data.Sqlite.SqliteException e)
            {
                return TypedResults.Problem($"The database {store.Options.DatabasePath} cannot be read: {e.Message}", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).WithSummary("Whether the service can read its database, and how much it holds");

        return group;
    }
}

internal sealed record HealthReport(string Status, string Database, long Orders, long Imports);
