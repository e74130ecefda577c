using Analytics.Ingestion.Importing;
using Analytics.Ingestion.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Api.Imports;

internal static class ImportsApi
{
    public static RouteGroupBuilder MapImports(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/imports").WithTags("Imports");

        group.MapGet("/", (AnalyticsStore store, int? limit) =>
        {
            using var connection = store.Open();
            return TypedResults.Ok(ImportLog.List(connection, Math.Clamp(limit ?? 200, 1, 1000)));
        }).WithSummary("The import receipts, newest first");

        group.MapPost("/", async Task<Results<Created<ImportReceipt>, UnprocessableEntity<ImportReceipt>, ValidationProblem>> (
            IFormFile? file, [FromForm] string? shop, AnalyticsStore store, CancellationToken cancellationToken) =>
        {
            if (file is null || file.Length == 0)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Attach the export as a multipart form field named 'file'."] });
            var saved = Path.Combine(Path.GetTempPath(), $"analytics-upload-{Guid.NewGuid():N}{Path.GetExtension(file.FileName)}");
            try
            {
                await using (var target = File.Create(saved))
                    await file.CopyToAsync(target, cancellationToken);
                var request = new ImportRequest("upload", string.IsNullOrWhiteSpace(shop) ? null : shop.Trim(), Path.GetFileName(file.FileName));
                var receipt = await store.ImportAsync(saved, request, cancellationToken);
                return receipt.Landed
                    ? TypedResults.Created($"/api/imports/{receipt.ImportId}", receipt)
                    : TypedResults.UnprocessableEntity(receipt);
            }
            finally
            {
                File.Delete(saved);
            }
        })
        .DisableAntiforgery() // called by scripts and the upload form of county staff, not by a cookie-authenticated browser session
        .WithSummary("Upload one export (form fields: file, shop); 201 with the receipt when it landed, 422 with the reason when rejected");

        return group;
    }
}
