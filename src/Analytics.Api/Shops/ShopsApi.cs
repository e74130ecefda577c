using System.Security.Claims;
using Analytics.Api.Accounts;
using Analytics.Ingestion.Normalising;
using Analytics.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Shops;

/// <summary>
/// /api/shops: the shop registry, as `shops` on the command line. The bureau reads it; admins add, rename and merge
/// (a rename or merge moves orders, imports and figures, and the operators' rights to the shop go with it).
/// </summary>
internal static class ShopsApi
{
    public static RouteGroupBuilder MapShops(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/shops").WithTags("Shops")
            .RequireAuthorization(Access.Bureau)
            .AddEndpointFilter<SessionAntiforgery>();

        group.MapGet("/", (AnalyticsStore store) =>
        {
            using var data = store.Read();
            return TypedResults.Ok(data.Shops());
        }).WithSummary("Every registered shop: platform, enterprise, orders, imports, former names");

        group.MapPost("/", Results<Created<RegisteredShopName>, ValidationProblem> (NewShop shop, AnalyticsStore store, ClaimsPrincipal admin, TimeProvider time) =>
            Change(() =>
            {
                Required(shop.Name, "请填写店铺名。");
                Required(shop.Platform, "请选择店铺所在的平台。");
                var added = store.AddShop((shop.Name ?? "").Trim(), (shop.Platform ?? "").Trim(), string.IsNullOrWhiteSpace(shop.Enterprise) ? null : shop.Enterprise.Trim(), admin.Actor());
                Audit(store, time, admin, "shop-add", $"{added.Shop}（{added.PlatformName}，{added.Enterprise}）");
                return TypedResults.Created($"/api/shops/{Uri.EscapeDataString(added.Shop)}", added);
            }))
            .RequireAuthorization(Access.Admin)
            .WithSummary("Register a shop: name, platform (a code or any name of it), enterprise");

        group.MapPost("/{name}/rename", Results<Ok, ValidationProblem> (string name, ShopChange change, AnalyticsStore store, ClaimsPrincipal admin, TimeProvider time) =>
            Change(() =>
            {
                Required(change.To, "请填写新的店铺名。");
                store.RenameShop(name, (change.To ?? "").Trim(), admin.Actor());
                Audit(store, time, admin, "shop-rename", $"{name} → {change.To}");
                return TypedResults.Ok();
            }))
            .RequireAuthorization(Access.Admin)
            .WithSummary("Rename a shop; its orders, imports, figures and operators move with it");

        group.MapPost("/{name}/merge", Results<Ok<MergeOutcome>, ValidationProblem> (string name, ShopChange change, AnalyticsStore store, ClaimsPrincipal admin, TimeProvider time) =>
            Change(() =>
            {
                Required(change.To, "请选择要并入的店铺。");
                var merged = store.MergeShops(name, (change.To ?? "").Trim(), admin.Actor());
                Audit(store, time, admin, "shop-merge", $"{merged.From} → {merged.Into}：迁移订单 {merged.OrdersMoved}");
                return TypedResults.Ok(merged);
            }))
            .RequireAuthorization(Access.Admin)
            .WithSummary("Merge a shop into another of the same platform; an order both hold keeps its newer version");

        return group;
    }

    /// <summary>A registry refusal (a taken name, an unknown platform, two platforms) is the admin's to fix: 400 with the reason.</summary>
    private static Results<T, ValidationProblem> Change<T>(Func<T> change) where T : IResult
    {
        try
        {
            return change();
        }
        catch (ShopRegistryException refused)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["shop"] = [refused.Message] }, title: "店铺登记没有改变");
        }
    }

    private static void Required(string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new ShopRegistryException(message);
    }

    private static void Audit(AnalyticsStore store, TimeProvider time, ClaimsPrincipal admin, string action, string detail) =>
        store.Accounts.Audit(new AuditEntry(time.BeijingNowText(), admin.Actor(), action, detail));
}

internal sealed record NewShop(string? Name, string? Platform, string? Enterprise);

/// <param name="To">The new name (rename), or the shop to merge into (merge).</param>
internal sealed record ShopChange(string? To);
