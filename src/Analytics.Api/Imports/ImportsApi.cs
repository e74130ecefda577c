using Analytics.Ingestion.Importing;
using Analytics.Ingestion.Store;
using Microsoft.AspNetCore.Http.HttpResults;

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

        group.MapGet("/{id:long}", Results<Ok<ImportReceipt>, NotFound> (long id, AnalyticsStore store) =>
        {
            using var connection = store.Open();
            return ImportLog.Find(connection, id) is { } receipt ? TypedResults.Ok(receipt) : TypedResults.NotFound();
        }).WithSummary("One import receipt with every row it rejected");

        group.MapPost("/", async Task<Results<Created<ImportReceipt>, UnprocessableEntity<ImportReceipt>, ValidationProblem>> (
            HttpRequest request, AnalyticsStore store, CancellationToken cancellationToken) =>
        {
            var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : null;
            var file = form?.Files.GetFile("file");
            if (file is null || file.Length == 0)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Send the export as multipart/form-data with the file in a field named 'file' (and the shop in 'shop')."] });
            var shop = form!["shop"].ToString();
            var saved = Path.Combine(Path.GetTempPath(), $"analytics-upload-{Guid.NewGuid():N}{Path.GetExtension(file.FileName)}");
            try
            {
                await using (var target = File.Create(saved))
                    await file.CopyToAsync(target, cancellationToken);
                var importRequest = new ImportRequest("upload", string.IsNullOrWhiteSpace(shop) ? null : shop.Trim(), Path.GetFileName(file.FileName));
                var receipt = await store.ImportAsync(saved, importRequest, cancellationToken);
                return receipt.Landed
                    ? TypedResults.Created($"/api/imports/{receipt.ImportId}", receipt)
                    : TypedResults.UnprocessableEntity(receipt);
            }
            finally
            {
                File.Delete(saved);
            }
        })
        .Accepts<IFormFile>("multipart/form-data")
        .DisableAntiforgery() // called by scripts and the upload form of county staff, not by a cookie-authenticated browser session
        .WithSummary("Upload one export (form fields: file, shop); 201 with the receipt when it landed, 422 with the reason when rejected");

        return group;
    }
}
