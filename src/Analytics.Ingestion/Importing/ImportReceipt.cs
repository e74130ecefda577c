using System.Globalization;
using System.Text;
using Analytics.Ingestion.Formats;

namespace Analytics.Ingestion.Importing;

/// <summary>What happened to one file: what it was, what landed, what did not and why.</summary>
public sealed record ImportReceipt
{
    public long ImportId { get; init; }
    public required string FileName { get; init; }
    public required string Sha256 { get; init; }
    public required string Source { get; init; }

    /// <summary><see cref="ImportStatus"/>: landed, rejected, duplicate (the same bytes had landed; nothing changed) or withdrawn.</summary>
    public required string Status { get; init; }

    public bool Landed => Status == ImportStatus.Landed;
    public bool Rejected => Status == ImportStatus.Rejected;

    /// <summary>Why a rejected file was rejected, in Chinese; <see cref="ReasonEn"/> in English.</summary>
    public string? Reason { get; init; }
    public string? ReasonEn { get; init; }
    public string? Platform { get; init; }

    /// <summary>The platform's Chinese name where it is not one the program knows by itself (a mapped platform, 乐村淘).</summary>
    public string? PlatformName { get; init; }
    public string? Layout { get; init; }
    public string? Shop { get; init; }

    /// <summary>True when this import registered its shop: a new name, or a typo the operator should see at once.</summary>
    public bool ShopRegistered { get; init; }
    public string? Enterprise { get; init; }

    /// <summary>Set when the shop named was an old name of a renamed or merged shop.</summary>
    public string? ShopNamedAs { get; init; }
    public string? Encoding { get; init; }
    public string? ExportedAt { get; init; }

    /// <summary>The latest time written anywhere in the file; breaks ties between versions of an order.</summary>
    public string? FileLatestAt { get; init; }
    public int RowsRead { get; init; }
    public int LinesNew { get; init; }
    public int LinesUpdated { get; init; }
    public int LinesUnchanged { get; init; }

    /// <summary>Orders this file holds in an older version than the one stored: the stored, newer one was kept.</summary>
    public int OrdersOlderKept { get; init; }
    public int RowsRejected { get; init; }
    public int SummaryRows { get; init; }
    public int OrdersTouched { get; init; }
    public int UnpaidLines { get; init; }

    /// <summary>The earliest payment time in the file: with <see cref="LatestPaidAt"/>, the period its orders were paid in.</summary>
    public string? EarliestPaidAt { get; init; }

    /// <summary>The latest payment time in the file: how current the data it brought is.</summary>
    public string? LatestPaidAt { get; init; }

    /// <summary>Who brought the file (an operator's account, a key, the CLI user), when known.</summary>
    public string? ImportedBy { get; init; }
    public string Fallbacks { get; init; } = "";
    public IReadOnlyList<RowProblem> Problems { get; init; } = [];

    /// <summary>An earlier landed import of exactly the same bytes, if any.</summary>
    public long? SameFileImportId { get; init; }

    /// <summary>Where the landed file is kept, relative to the archive folder.</summary>
    public string? ArchivedAs { get; init; }

    /// <summary>The other file of a two-file import (淘宝/天猫's 宝贝报表 beside its 订单报表), landed and kept with it.</summary>
    public string? CompanionFileName { get; init; }
    public string? CompanionSha256 { get; init; }
    public string? CompanionArchivedAs { get; init; }

    /// <summary>Orders that landed with their order-level figures only: one line stands in for their items.</summary>
    public int OrdersWithoutItems { get; init; }

    /// <summary>The items file that would complete <see cref="OrdersWithoutItems"/> (ExportOrderDetailList…csv), when the export has one.</summary>
    public string? ItemsFileAwaited { get; init; }

    /// <summary>Stored orders whose items this file filled in.</summary>
    public int OrdersCompleted { get; init; }

    /// <summary>Columns the known layout always had that the file lacks, joined by 、 (empty when none): the export changed.</summary>
    public string MissingColumns { get; init; } = "";

    /// <summary>Columns the file has that the known layout never had, joined by 、 (empty when none).</summary>
    public string NewColumns { get; init; } = "";
    public string? WithdrawnAt { get; init; }
    public string? WithdrawnBy { get; init; }
    public required string StartedAt { get; init; }
    public required string FinishedAt { get; init; }

    /// <summary>The receipt as an operator reads it: Chinese, or English with <paramref name="english"/>.</summary>
    public string ToText(int maxProblems = 50, bool english = false) =>
        english ? ReceiptText.English(this, maxProblems) : ReceiptText.Chinese(this, maxProblems);
}

public static class ImportStatus
{
    public const string Landed = "landed";
    public const string Rejected = "rejected";
    public const string Duplicate = "duplicate";
    public const string Withdrawn = "withdrawn";
}

/// <summary>The two wordings of a receipt. The first line is what an operator must not miss.</summary>
internal static class ReceiptText
{
    private static readonly Dictionary<string, string> PlatformNames = new(StringComparer.Ordinal)
    {
        ["douyin"] = "抖音", ["jd"] = "京东", ["pdd"] = "拼多多", ["taobao"] = "淘宝/天猫", ["kuaishou"] = "快手", ["wechat"] = "微信小店",
    };

    private static readonly Dictionary<string, string> SourceNames = new(StringComparer.Ordinal)
    {
        ["cli"] = "命令行", ["inbox"] = "收件箱", ["upload"] = "网页上传", ["demo"] = "演示数据", ["push"] = "县级推送",
    };

    public static string PlatformName(string? platform) =>
        platform is null ? "未知平台" : PlatformNames.GetValueOrDefault(platform, platform);

    private static string PlatformName(ImportReceipt r) => r.PlatformName ?? PlatformName(r.Platform);

    public static string Chinese(ImportReceipt r, int maxProblems)
    {
        var text = new StringBuilder();
        if (r.ShopRegistered)
            text.AppendLine(CultureInfo.InvariantCulture, $"新店铺已登记: {r.Shop} ({PlatformName(r)}), 归属企业: {r.Enterprise ?? r.Shop}（如店铺名输错，请用 shops merge 并入正确的店铺）");
        var outcome = r.Status switch
        {
            ImportStatus.Landed => "已导入",
            ImportStatus.Duplicate => "重复文件，未再导入",
            ImportStatus.Withdrawn => "已撤回",
            _ => "被拒收",
        };
        text.AppendLine(CultureInfo.InvariantCulture, $"{r.FileName}{(r.CompanionFileName is null ? "" : $" + {r.CompanionFileName}")}：{outcome}（导入 #{r.ImportId}，{SourceNames.GetValueOrDefault(r.Source, r.Source)}，{r.FinishedAt}）");
        if (r.Rejected)
            text.AppendLine(CultureInfo.InvariantCulture, $"  原因：{r.Reason}");
        if (r.ShopNamedAs is not null)
            text.AppendLine(CultureInfo.InvariantCulture, $"  店铺“{r.ShopNamedAs}”已更名或并入“{r.Shop}”，数据计入“{r.Shop}”");
        if (r.Platform is not null)
            text.AppendLine(CultureInfo.InvariantCulture, $"  导出：{PlatformName(r)}，{r.Layout}；编码 {r.Encoding}；店铺 {r.Shop ?? "（无）"}{(r.ExportedAt is null ? "" : $"；导出时间 {r.ExportedAt}")}");
        if (r.MissingColumns.Length > 0 || r.NewColumns.Length > 0)
            text.AppendLine(CultureInfo.InvariantCulture, $"  导出格式有变化：{Drift(r, "缺少列", "新增列", "；", c => $"“{c}”", "、")}（其余列照常按列名读取）");
        if (r.Status == ImportStatus.Duplicate)
            text.AppendLine(CultureInfo.InvariantCulture, $"  此文件与导入 #{r.SameFileImportId} 内容完全相同，已入库，本次未作任何更改");
        if (r.Landed || r.Status == ImportStatus.Withdrawn)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  读取 {r.RowsRead} 行；订单行 新增 {r.LinesNew}，更新 {r.LinesUpdated}，未变 {r.LinesUnchanged}；订单 {r.OrdersTouched}");
            if (r.OrdersOlderKept > 0)
                text.AppendLine(CultureInfo.InvariantCulture, $"  比已存数据旧的订单 {r.OrdersOlderKept} 单：保留已存的较新数据");
            text.AppendLine(CultureInfo.InvariantCulture, $"  拒收行 {r.RowsRejected}；去除合计行 {r.SummaryRows}；未付款行（不计入） {r.UnpaidLines}");
            if (r.Fallbacks.Length > 0)
                text.AppendLine(CultureInfo.InvariantCulture, $"  替代取值：{r.Fallbacks}");
            if (r.OrdersWithoutItems > 0 && r.ItemsFileAwaited is not null)
                text.AppendLine(CultureInfo.InvariantCulture, $"  商品明细：{r.OrdersWithoutItems} 单只有订单级数字（订单量、成交额、退款、买家、省份），缺少商品和件数明细，待宝贝报表 {r.ItemsFileAwaited} 导入后补齐（件数暂按宝贝总数量计）");
            else if (r.OrdersWithoutItems > 0)
                text.AppendLine(CultureInfo.InvariantCulture, $"  商品明细：文件只有订单级数字，{r.OrdersWithoutItems} 单各记为一行（商品取商家编码或商品标题，件数取宝贝总数量）");
            if (r.OrdersCompleted > 0)
                text.AppendLine(CultureInfo.InvariantCulture, $"  补齐商品明细 {r.OrdersCompleted} 单（这些订单的成交额和退款不变）");
        }
        if (r.Status == ImportStatus.Withdrawn)
            text.AppendLine(CultureInfo.InvariantCulture, $"  已于 {r.WithdrawnAt} 由 {r.WithdrawnBy} 撤回：其数据已不计入任何数字；重新导入此文件即可恢复");
        foreach (var problem in r.Problems.Take(maxProblems))
            text.AppendLine(CultureInfo.InvariantCulture, $"  拒收 {problem}");
        if (r.Problems.Count > maxProblems)
            text.AppendLine(CultureInfo.InvariantCulture, $"  … 另有 {r.Problems.Count - maxProblems} 行被拒收（导入记录中全部列出）");
        text.AppendLine(CultureInfo.InvariantCulture, $"  sha256 {r.Sha256}");
        return text.ToString();
    }

    /// <summary>The drift as one phrase: 缺少列 “A”、“B”；新增列 “C”.</summary>
    private static string Drift(ImportReceipt r, string missing, string added, string between, Func<string, string> name, string separator)
    {
        static string[] Names(string joined) => joined.Split('、', StringSplitOptions.RemoveEmptyEntries);
        var parts = new List<string>();
        if (r.MissingColumns.Length > 0)
            parts.Add($"{missing} {string.Join(separator, Names(r.MissingColumns).Select(name))}");
        if (r.NewColumns.Length > 0)
            parts.Add($"{added} {string.Join(separator, Names(r.NewColumns).Select(name))}");
        return string.Join(between, parts);
    }

    public static string English(ImportReceipt r, int maxProblems)
    {
        var text = new StringBuilder();
        if (r.ShopRegistered)
            text.AppendLine(CultureInfo.InvariantCulture, $"NEW SHOP REGISTERED: {r.Shop} ({r.Platform}), enterprise: {r.Enterprise ?? r.Shop} (if the name is a typo, fix it with shops merge)");
        var outcome = r.Status switch
        {
            ImportStatus.Landed => "imported",
            ImportStatus.Duplicate => "not imported again",
            ImportStatus.Withdrawn => "withdrawn",
            _ => "REJECTED",
        };
        text.AppendLine(CultureInfo.InvariantCulture, $"{r.FileName}{(r.CompanionFileName is null ? "" : $" + {r.CompanionFileName}")}: {outcome} (import #{r.ImportId}, {r.Source}, {r.FinishedAt})");
        if (r.Rejected)
            text.AppendLine(CultureInfo.InvariantCulture, $"  reason: {r.ReasonEn ?? r.Reason}");
        if (r.ShopNamedAs is not null)
            text.AppendLine(CultureInfo.InvariantCulture, $"  shop '{r.ShopNamedAs}' was renamed or merged into '{r.Shop}'; the data counts for '{r.Shop}'");
        if (r.Platform is not null)
            text.AppendLine(CultureInfo.InvariantCulture, $"  export: {r.Platform}, {r.Layout}; encoding {r.Encoding}; shop {r.Shop ?? "(none)"}{(r.ExportedAt is null ? "" : $"; exported {r.ExportedAt}")}");
        if (r.MissingColumns.Length > 0 || r.NewColumns.Length > 0)
            text.AppendLine(CultureInfo.InvariantCulture, $"  export layout changed: {Drift(r, "missing columns", "new columns", "; ", c => c, ", ")} (the other columns are read by name as usual)");
        if (r.Status == ImportStatus.Duplicate)
            text.AppendLine(CultureInfo.InvariantCulture, $"  this exact file was imported before (import #{r.SameFileImportId}); nothing was changed");
        if (r.Landed || r.Status == ImportStatus.Withdrawn)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  rows read {r.RowsRead}; order lines new {r.LinesNew}, updated {r.LinesUpdated}, unchanged {r.LinesUnchanged}; orders {r.OrdersTouched}");
            if (r.OrdersOlderKept > 0)
                text.AppendLine(CultureInfo.InvariantCulture, $"  orders older than stored, kept: {r.OrdersOlderKept}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  rows rejected {r.RowsRejected}; summary rows dropped {r.SummaryRows}; unpaid lines (never counted) {r.UnpaidLines}");
            if (r.Fallbacks.Length > 0)
                text.AppendLine(CultureInfo.InvariantCulture, $"  fallbacks: {r.Fallbacks}");
            if (r.OrdersWithoutItems > 0 && r.ItemsFileAwaited is not null)
                text.AppendLine(CultureInfo.InvariantCulture, $"  items: {r.OrdersWithoutItems} orders have their order-level figures only (orders, GMV, refunds, buyer, province); products and units are missing until the items file {r.ItemsFileAwaited} is imported (units counted from 宝贝总数量 meanwhile)");
            else if (r.OrdersWithoutItems > 0)
                text.AppendLine(CultureInfo.InvariantCulture, $"  items: the file has order-level figures only; {r.OrdersWithoutItems} orders are one line each (product from 商家编码 or 商品标题, units from 宝贝总数量)");
            if (r.OrdersCompleted > 0)
                text.AppendLine(CultureInfo.InvariantCulture, $"  items filled in for {r.OrdersCompleted} stored orders (their GMV and refunds unchanged)");
        }
        if (r.Status == ImportStatus.Withdrawn)
            text.AppendLine(CultureInfo.InvariantCulture, $"  withdrawn {r.WithdrawnAt} by {r.WithdrawnBy}; importing the file again brings it back");
        foreach (var problem in r.Problems.Take(maxProblems))
            text.AppendLine(CultureInfo.InvariantCulture, $"  rejected {problem.ToString(english: true)}");
        if (r.Problems.Count > maxProblems)
            text.AppendLine(CultureInfo.InvariantCulture, $"  … and {r.Problems.Count - maxProblems} more rejected rows (all are listed in the import log)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  sha256 {r.Sha256}");
        return text.ToString();
    }
}
