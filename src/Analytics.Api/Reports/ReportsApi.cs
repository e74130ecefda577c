using Analytics.Api.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Reports;

internal static class ReportsApi
{
    public static RouteGroupBuilder MapReports(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(Access.Bureau);

        group.MapGet("/{kind}/{file}", async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> (
            string kind, string file, ReportRenderer renderer, HttpContext context, CancellationToken cancellationToken) =>
        {
            var errors = new Dictionary<string, string[]>();
            var reportKind = ReportPeriod.ParseKind(kind);
            if (reportKind is null)
                errors["kind"] = [$"Unknown report '{kind}'. Accepted: monthly, quarterly, annual, ytd."];
            var dot = file.LastIndexOf('.');
            var format = dot < 0 ? null : ReportFormat.Parse(file[(dot + 1)..]);
            if (format is null)
                errors["file"] = [$"'{file}' must end in .docx, .xlsx, .pdf or .html (e.g. 2023-03.docx)."];
            string? periodError = null;
            var period = reportKind is { } k && format is not null ? ReportPeriod.Parse(k, file[..dot], out periodError) : null;
            if (periodError is not null)
                errors["file"] = [periodError];
            if (period is null || format is null)
                return TypedResults.ValidationProblem(errors);

            try
            {
                var bytes = await renderer.RenderAsync(period, format, cancellationToken);
                // HTML opens in the browser tab, under its own policy (its inline style, no script); the others download
                // under a name that says which period they are.
                if (format != ReportFormat.Html)
                    return TypedResults.File(bytes, format.ContentType, ReportRenderer.FileName(period, format));
                context.Response.Headers.ContentSecurityPolicy = HtmlReportWriter.Policy;
                return TypedResults.File(bytes, format.ContentType);
            }
            catch (ReportFontMissingException e)
            {
                return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "PDF需要中文字体 / The PDF needs a Chinese font");
            }
            catch (NothingToReportException e)
            {
                return e.NotEnded
                    ? TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "The period has not ended")
                    : TypedResults.Problem(e.Message, statusCode: StatusCodes.Status404NotFound, title: "No data for this period");
            }
        }).WithSummary("The bureau's report for a month (monthly/2023-03), quarter (quarterly/2023Q1), year (annual/2022) or the year so far (ytd/2023-05: 1—5月) as .docx, .xlsx, .pdf or .html");

        return group;
    }

    /// <summary>The renderer for the API and the CLI, and the worker that writes last month's report on the 1st.</summary>
    public static WebApplicationBuilder AddReports(this WebApplicationBuilder builder, Hosting.ServiceSettings settings)
    {
        builder.Services.AddSingleton(new ReportOptions(settings.County, settings.FontPath));
        builder.Services.AddSingleton<ReportRenderer>();
        if (!settings.MonthlyReports)
            return builder;
        builder.Services.AddSingleton(new MonthlyReportOptions(settings.ReportsPath));
        builder.Services.AddHostedService<MonthlyReportWorker>();
        return builder;
    }
}
