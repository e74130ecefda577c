using Analytics.Ingestion.Importing;
using Analytics.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Imports;

internal static class ImportsApi
{
    public static RouteGroupBuilder MapImports(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/imports").WithTags("Imports");

        group.MapGet("/", (AnalyticsStore store, int? limit) =>
        {
            using var data = store.Read();
            return TypedResults.Ok(data.Imports(Math.Clamp(limit ?? 200, 1, 1000)));
        }).WithSummary("The import receipts, newest first");

        group.MapGet("/{id:long}", Results<Ok<ImportReceipt>, NotFound> (long id, AnalyticsStore store) =>
        {
            using var data = store.Read();
            return data.Import(id) is { } receipt ? TypedResults.Ok(receipt) : TypedResults.NotFound();
        }).WithSummary("One import receipt with every row it rejected");

        group.MapPost("/", async Task<Results<Created<ImportReceipt>, Ok<ImportReceipt>, UnprocessableEntity<ImportReceipt>, ValidationProblem>> (
            HttpRequest request, AnalyticsStore store, CancellationToken cancellationToken) =>
        {
            var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : null;
            var file = form?.Files.GetFile("file");
            if (file is null || file.Length == 0)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["file"] = ["请以 multipart/form-data 上传导出文件：文件放在名为 file 的字段，店铺名放在 shop 字段。", "Send the export as multipart/form-data with the file in a field named 'file' (and the shop in 'shop')."],
                }, title: "上传的请求不完整 / The upload is incomplete");
            var shop = form!["shop"].ToString();
            var saved = Path.Combine(Path.GetTempPath(), $"analytics-upload-{Guid.NewGuid():N}{Path.GetExtension(file.FileName)}");
            try
            {
                await using (var target = File.Create(saved))
                    await file.CopyToAsync(target, cancellationToken);
                var importRequest = new ImportRequest("upload", string.IsNullOrWhiteSpace(shop) ? null : shop.Trim(), Path.GetFileName(file.FileName));
                var receipt = await store.ImportAsync(saved, importRequest, cancellationToken);
                return receipt.Status switch
                {
                    ImportStatus.Landed => TypedResults.Created($"/api/imports/{receipt.ImportId}", receipt),
                    ImportStatus.Duplicate => TypedResults.Ok(receipt), // the same bytes had landed: nothing was created
                    _ => TypedResults.UnprocessableEntity(receipt),
                };
            }
            finally
            {
                File.Delete(saved);
            }
        })
        .Accepts<IFormFile>("multipart/form-data")
        .DisableAntiforgery() // called by scripts and the upload form of county staff, not by a cookie-authenticated browser session
        .WithSummary("Upload one export (form fields: file, shop); 201 with the receipt when it landed, 200 when the same bytes had landed (nothing changed), 422 with the reason when rejected");

        group.MapDelete("/{id:long}", async Task<Results<Ok<ImportReceipt>, ProblemHttpResult>> (
            long id, HttpContext context, AnalyticsStore store, CancellationToken cancellationToken) =>
        {
            try
            {
                return TypedResults.Ok(await store.WithdrawAsync(id, $"HTTP {context.Connection.RemoteIpAddress}", cancellationToken));
            }
            catch (WithdrawRefusedException refused)
            {
                return TypedResults.Problem(
                    title: refused.Refusal == WithdrawRefusal.NotFound ? "没有这个导入 / No such import" : "不能撤回 / Cannot withdraw",
                    detail: refused.Message + "\n" + refused.MessageEn,
                    statusCode: refused.Refusal == WithdrawRefusal.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict);
            }
        }).WithSummary("Withdraw a landed import: every figure becomes what the other landed imports give; 200 with the withdrawn receipt, 404, or 409 when it is not landed or the archive lacks a file to replay");

        return group;
    }
}
