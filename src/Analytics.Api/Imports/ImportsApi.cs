using System.Globalization;
using System.Security.Claims;
using Analytics.Api.Accounts;
using Analytics.Api.Hosting;
using Analytics.Api.Reports;
using Analytics.Ingestion.Importing;
using Analytics.Ingestion.Normalising;
using Analytics.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Imports;

/// <summary>
/// Uploading exports and taking them back. Operators upload to, list and withdraw their own shops' imports; the bureau
/// all of them. People on the upload page first see a preview (<c>/preview</c>), then confirm the staged file.
/// </summary>
internal static class ImportsApi
{
    public static RouteGroupBuilder MapImports(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/imports").WithTags("Imports")
            .RequireAuthorization(Access.Imports)
            .AddEndpointFilter<SessionAntiforgery>();

        group.MapGet("/", (AnalyticsStore store, ClaimsPrincipal user, int? limit) =>
        {
            using var data = store.Read();
            var count = Math.Clamp(limit ?? 200, 1, 1000);
            return TypedResults.Ok(user.IsOperator() ? data.ImportsOfShops(user.OwnShops(), count) : data.Imports(count));
        }).WithSummary("The import receipts, newest first (an operator's: their own shops')");

        group.MapGet("/{id:long}", Results<Ok<ImportReceipt>, NotFound> (long id, AnalyticsStore store, ClaimsPrincipal user) =>
        {
            using var data = store.Read();
            return data.Import(id) is { } receipt && MayRead(user, receipt) ? TypedResults.Ok(receipt) : TypedResults.NotFound();
        }).WithSummary("One import receipt with every row it rejected");

        group.MapPost("/", async Task<Results<Created<ImportReceipt>, Ok<ImportReceipt>, UnprocessableEntity<ImportReceipt>, Ok<IReadOnlyList<ImportReceipt>>, ValidationProblem, ProblemHttpResult>> (
            HttpRequest request, AnalyticsStore store, ClaimsPrincipal user, TimeProvider time, ServiceSettings settings, CancellationToken cancellationToken) =>
        {
            var (form, tooLarge) = await ReadFormAsync(request, settings, cancellationToken);
            if (tooLarge is not null || form is null)
                return tooLarge!;
            var files = form.Files.GetFiles("file");
            if (files.Count == 0 || files.Any(f => f.Length == 0))
                return Incomplete(files.FirstOrDefault(f => f.Length == 0));
            var shop = form["shop"].ToString().Trim();
            if (ShopRefused(user, shop) is { } refused)
                return refused;
            var folder = Directory.CreateTempSubdirectory("analytics-upload-").FullName;
            try
            {
                var saved = new List<ExportFile>();
                foreach (var file in files)
                {
                    // Each under a folder of its own: two uploads may share a name.
                    var path = Path.Combine(Directory.CreateDirectory(Path.Combine(folder, saved.Count.ToString(CultureInfo.InvariantCulture))).FullName,
                        "upload" + Path.GetExtension(file.FileName));
                    await using (var target = File.Create(path))
                        await file.CopyToAsync(target, cancellationToken);
                    saved.Add(new ExportFile(path, Path.GetFileName(file.FileName)));
                }
                using var bundle = ExportBundle.Open(saved, settings.UploadMaxMegabytes * 1024L * 1024L);
                var receipts = new List<ImportReceipt>();
                foreach (var unit in bundle.Units)
                {
                    var receipt = await store.ImportAsync(unit, Request(user, shop, unit.File.Name), cancellationToken);
                    Audit(store, time, request.HttpContext, user, receipt);
                    receipts.Add(receipt);
                }
                return receipts.Count == 1 ? Answer(receipts[0]) : TypedResults.Ok<IReadOnlyList<ImportReceipt>>(receipts);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        })
        .Accepts<IFormFile>("multipart/form-data")
        .DisableAntiforgery() // checked by SessionAntiforgery for browser sessions; scripts with a key have no ambient credentials
        .WithSummary("Upload exports (form fields: file, repeated for several, and shop). One import (one file, a 淘宝/天猫 订单报表 with its 宝贝报表, or a zip holding one export): 201 with the receipt when it landed, 200 when the same bytes had landed (nothing changed), 422 with the reason when rejected. Several imports (several files, a zip of several exports): 200 with every receipt, each with its own status");

        group.MapPost("/preview", async Task<Results<Ok<IReadOnlyList<UploadPreview>>, ValidationProblem, ProblemHttpResult>> (
            HttpRequest request, AnalyticsStore store, UploadStaging staging, ClaimsPrincipal user, ServiceSettings settings, CancellationToken cancellationToken) =>
        {
            var (form, tooLarge) = await ReadFormAsync(request, settings, cancellationToken);
            if (tooLarge is not null || form is null)
                return tooLarge!;
            var files = form.Files.GetFiles("file");
            if (files.Count == 0 || files.Any(f => f.Length == 0))
                return Incomplete(files.FirstOrDefault(f => f.Length == 0));
            var shop = form["shop"].ToString().Trim();
            if (ShopRefused(user, shop, required: true) is { } refused)
                return refused;
            var previews = new List<UploadPreview>();
            foreach (var upload in await staging.StageAsync(files, Account(user), shop, cancellationToken))
                previews.Add(new UploadPreview(upload.Id, upload.FileName, await store.PreviewAsync(upload.Unit, Request(user, shop, upload.FileName), cancellationToken)));
            return TypedResults.Ok<IReadOnlyList<UploadPreview>>(previews);
        })
        .Accepts<IFormFile>("multipart/form-data")
        .DisableAntiforgery()
        .WithSummary("Stage one or more exports (or a zip of them) for a shop and say what importing each would do; a 淘宝/天猫 订单报表 with its 宝贝报表 is staged as one import. Nothing lands until it is confirmed");

        group.MapPost("/staged/{id}", async Task<Results<Created<ImportReceipt>, Ok<ImportReceipt>, UnprocessableEntity<ImportReceipt>, NotFound>> (
            string id, HttpContext context, AnalyticsStore store, UploadStaging staging, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken) =>
        {
            if (staging.Find(id) is not { } upload || upload.Account != Account(user))
                return TypedResults.NotFound();
            try
            {
                var receipt = await store.ImportAsync(upload.Unit, Request(user, upload.Shop, upload.FileName), cancellationToken);
                Audit(store, time, context, user, receipt);
                return receipt.Status switch
                {
                    ImportStatus.Landed => TypedResults.Created($"/api/imports/{receipt.ImportId}", receipt),
                    ImportStatus.Duplicate => TypedResults.Ok(receipt),
                    _ => TypedResults.UnprocessableEntity(receipt),
                };
            }
            finally
            {
                staging.Forget(id);
            }
        }).WithSummary("Import a previewed file: 201 with its receipt, 200 when the same bytes had landed, 422 when rejected");

        group.MapDelete("/staged/{id}", Results<NoContent, NotFound> (string id, UploadStaging staging, ClaimsPrincipal user) =>
        {
            if (staging.Find(id) is not { } upload || upload.Account != Account(user))
                return TypedResults.NotFound();
            staging.Forget(id);
            return TypedResults.NoContent();
        }).WithSummary("Discard a previewed file without importing it");

        group.MapDelete("/{id:long}", async Task<Results<Ok<ImportReceipt>, ProblemHttpResult>> (
            long id, HttpContext context, AnalyticsStore store, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken) =>
        {
            if (user.IsOperator())
            {
                using var data = store.Read();
                if (data.Import(id) is not { } import || !MayRead(user, import))
                    return TypedResults.Problem(title: "没有这个导入 / No such import", detail: $"没有导入 #{id}。", statusCode: StatusCodes.Status404NotFound);
                if (ReportFinal(import, time) is { } final)
                    return TypedResults.Problem(title: "月报已定稿，不能撤回 / The month's report is final", detail: final, statusCode: StatusCodes.Status409Conflict);
            }
            try
            {
                var withdrawn = await store.WithdrawAsync(id, user.Actor(), cancellationToken);
                store.Accounts.Audit(new AuditEntry(time.BeijingNowText(), user.Actor(), "withdraw",
                    $"导入 #{id} {withdrawn.FileName}（{withdrawn.Shop}）", context.Connection.RemoteIpAddress?.ToString()));
                return TypedResults.Ok(withdrawn);
            }
            catch (WithdrawRefusedException refused)
            {
                return TypedResults.Problem(
                    title: refused.Refusal == WithdrawRefusal.NotFound ? "没有这个导入 / No such import" : "不能撤回 / Cannot withdraw",
                    detail: refused.Message + "\n" + refused.MessageEn,
                    statusCode: refused.Refusal == WithdrawRefusal.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict);
            }
        }).WithSummary("Withdraw a landed import: every figure becomes what the other landed imports give; 200 with the withdrawn receipt, 404, or 409 when it is not landed, the archive lacks a file to replay, or (for an operator) its month's report is final");

        return group;
    }

    /// <summary>The upload's form; an empty form when it is not one (the caller then says what is missing), a 413 when it is too large.</summary>
    private static async Task<(IFormCollection? Form, ProblemHttpResult? Problem)> ReadFormAsync(HttpRequest request, ServiceSettings settings,
        CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
            return (FormCollection.Empty, null);
        try
        {
            return (await request.ReadFormAsync(cancellationToken), null);
        }
        catch (Exception e) when (e is InvalidDataException || e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return (null, TypedResults.Problem(title: "文件太大 / The upload is too large",
                detail: $"一次上传不能超过 {settings.UploadMaxMegabytes} MB（设置 Uploads:MaxMegabytes）。请分开上传，或请管理员调大上限。",
                statusCode: StatusCodes.Status413PayloadTooLarge));
        }
    }

    private static ImportRequest Request(ClaimsPrincipal user, string shop, string fileName) =>
        new("upload", shop.Length == 0 ? null : shop, Path.GetFileName(fileName), user.Actor());

    private static string Account(ClaimsPrincipal user) => user.FindFirstValue(AccountClaims.Account) ?? "";

    private static bool MayRead(ClaimsPrincipal user, ImportReceipt receipt) =>
        !user.IsOperator() || (receipt.Shop is { } shop && user.OwnShops().Contains(shop));

    /// <summary>An operator uploads only to their own shops, and must say which; the bureau may leave it to the file.</summary>
    private static ProblemHttpResult? ShopRefused(ClaimsPrincipal user, string shop, bool required = false)
    {
        if (!user.IsOperator())
        {
            return required && shop.Length == 0
                ? TypedResults.Problem(title: "请选择店铺", detail: "请选择这些文件所属的店铺。", statusCode: StatusCodes.Status400BadRequest)
                : null;
        }
        if (shop.Length == 0)
            return TypedResults.Problem(title: "请选择店铺", detail: $"请选择这些文件所属的店铺（您可以上传到：{string.Join("、", user.OwnShops())}）。", statusCode: StatusCodes.Status400BadRequest);
        return user.OwnShops().Contains(shop)
            ? null
            : TypedResults.Problem(title: "不能上传到这个店铺", detail: $"您的账号不能上传到店铺“{shop}”（您可以上传到：{string.Join("、", user.OwnShops())}）。", statusCode: StatusCodes.Status403Forbidden);
    }

    /// <summary>Why an operator may not withdraw this import any more, if the report of a month it reaches into is final.</summary>
    private static string? ReportFinal(ImportReceipt import, TimeProvider time)
    {
        if ((import.EarliestPaidAt ?? import.LatestPaidAt) is not { Length: >= 10 } paid)
            return null;
        var month = DateOnly.ParseExact(paid[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var final = MonthlyReportWorker.FinalFrom(month);
        return time.BeijingToday() < final
            ? null
            : $"导入 #{import.ImportId} 含 {month:yyyy年M月} 的订单，该月月报已于 {final:yyyy-MM-dd} 定稿。撤回会改变已发布的数字，请联系商务局处理。";
    }

    private static ValidationProblem Incomplete(IFormFile? empty) => TypedResults.ValidationProblem(new Dictionary<string, string[]>
    {
        ["file"] = empty is not null
            ? [$"文件“{empty.FileName}”是空的（0 字节）：它可能还在导出或下载中。请等下载完成后再上传。", $"'{empty.FileName}' is empty (0 bytes): it may still be downloading."]
            : ["请以 multipart/form-data 上传导出文件：文件放在名为 file 的字段，店铺名放在 shop 字段。", "Send the export as multipart/form-data with the file in a field named 'file' (and the shop in 'shop')."],
    }, title: "上传的请求不完整 / The upload is incomplete");

    private static Results<Created<ImportReceipt>, Ok<ImportReceipt>, UnprocessableEntity<ImportReceipt>, Ok<IReadOnlyList<ImportReceipt>>, ValidationProblem, ProblemHttpResult> Answer(ImportReceipt receipt) =>
        receipt.Status switch
        {
            ImportStatus.Landed => TypedResults.Created($"/api/imports/{receipt.ImportId}", receipt),
            ImportStatus.Duplicate => TypedResults.Ok(receipt), // the same bytes had landed: nothing was created
            _ => TypedResults.UnprocessableEntity(receipt),
        };

    private static void Audit(AnalyticsStore store, TimeProvider time, HttpContext context, ClaimsPrincipal user, ImportReceipt receipt) =>
        store.Accounts.Audit(new AuditEntry(time.BeijingNowText(), user.Actor(), "upload",
            $"{receipt.FileName} → {receipt.Shop}：{receipt.Status} #{receipt.ImportId}", context.Connection.RemoteIpAddress?.ToString()));
}

/// <summary>A staged file and what importing it would do.</summary>
internal sealed record UploadPreview(string Id, string FileName, ImportReceipt Preview);
