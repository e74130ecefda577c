using System.Globalization;
using Analytics.Ingestion.Importing;
using Analytics.Ingestion.Tables;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Store;

/// <summary>
/// Shops are a registry, not free text: each name belongs to one platform for good, and belongs to an enterprise.
/// Seeded from seeds/shops.csv, extended by the CLI, and by an import that names a new shop of a platform the file
/// itself shows — which its receipt then says loudly, so that a typo is seen at once and fixed with <see cref="Merge"/>.
/// </summary>
internal static class ShopRegistry
{
    /// <summary>The shop an import lands in: the registered one, the one an old name became, or a new registration.</summary>
    internal static ImportShop ForImport(SqliteConnection connection, SqliteTransaction transaction, string name, string platform, string at)
    {
        var registered = Find(connection, transaction, name);
        if (registered.FirstOrDefault(s => s.Platform == platform) is { } shop)
            return new ImportShop(shop.Shop, shop.Enterprise, Registered: false, NamedAs: shop.Shop == name ? null : name);
        if (registered.Count > 0)
        {
            var other = registered[0];
            throw new ExportRejectedException(
                $"店铺“{other.Shop}”登记在{PlatformName(connection, transaction, other.Platform)}，而这个文件是{PlatformName(connection, transaction, platform)}的订单导出。一个店铺只属于一个平台：请选择正确的店铺，或检查是否拿错了文件。",
                $"Shop '{other.Shop}' is registered on {other.Platform}, but this file is a {platform} order export. A shop belongs to one platform: choose the right shop, or check that this is the right file.");
        }
        const string register = """
            INSERT INTO shops (platform, shop, enterprise, registered_by, registered_at) VALUES (@platform, @name, @name, 'import', @at)
            """;
        connection.Execute(register, new { platform, name, at }, transaction);
        return new ImportShop(name, name, Registered: true, NamedAs: null);
    }

    /// <summary>The registered shops by this name or by an old name of theirs (usually one).</summary>
    internal static IReadOnlyList<RegisteredShop> Find(SqliteConnection connection, SqliteTransaction? transaction, string name)
    {
        const string sql = """
            SELECT s.platform AS Platform, s.shop AS Shop, s.enterprise AS Enterprise, s.registered_by AS RegisteredBy
            FROM shops s WHERE s.shop = @name
            UNION ALL
            SELECT s.platform, s.shop, s.enterprise, s.registered_by
            FROM shop_aliases a JOIN shops s ON s.platform = a.platform AND s.shop = a.shop
            WHERE a.alias = @name AND NOT EXISTS (SELECT 1 FROM shops t WHERE t.shop = @name)
            """;
        return connection.Query<RegisteredShop>(sql, new { name }, transaction).ToList();
    }

    public static IReadOnlyList<ShopListing> List(SqliteConnection connection)
    {
        const string sql = """
            SELECT s.platform AS Platform, coalesce(p.name, s.platform) AS PlatformName, s.shop AS Shop, s.enterprise AS Enterprise,
                   s.registered_by AS RegisteredBy,
                   (SELECT count(*) FROM orders o WHERE o.platform = s.platform AND o.shop = s.shop) AS Orders,
                   (SELECT count(*) FROM imports i WHERE i.platform = s.platform AND i.shop = s.shop AND i.status = 'landed') AS Imports,
                   (SELECT group_concat(a.alias, '、') FROM shop_aliases a WHERE a.platform = s.platform AND a.shop = s.shop) AS FormerNames
            FROM shops s LEFT JOIN platforms p ON p.code = s.platform
            ORDER BY s.platform, s.shop
            """;
        return connection.Query<ShopListing>(sql).ToList();
    }

    /// <summary>The platform code for a code or any of its names (京东, jd, 京东POP …), or null.</summary>
    public static string? PlatformCode(SqliteConnection connection, string platform)
    {
        const string sql = "SELECT code, name, aliases FROM platforms";
        return connection.Query<(string Code, string Name, string Aliases)>(sql)
            .FirstOrDefault(p => string.Equals(p.Code, platform, StringComparison.OrdinalIgnoreCase) || p.Name == platform ||
                                 p.Aliases.Split('|').Contains(platform, StringComparer.OrdinalIgnoreCase)).Code;
    }

    /// <summary>The platforms a shop can be registered on, as "code 名称" (jd 京东).</summary>
    public static IReadOnlyList<string> PlatformChoices(SqliteConnection connection) =>
        connection.Query<string>("SELECT code || ' ' || name FROM platforms ORDER BY code").ToList();

    public static void Add(SqliteConnection connection, string name, string platform, string? enterprise, string actor, string at)
    {
        using var transaction = connection.BeginTransaction();
        if (Find(connection, transaction, name) is [var existing, ..])
            throw new ShopRegistryException($"店铺“{name}”已登记（{PlatformName(connection, transaction, existing.Platform)}，归属企业：{existing.Enterprise}）。");
        const string sql = """
            INSERT INTO shops (platform, shop, enterprise, registered_by, registered_at) VALUES (@platform, @name, @enterprise, 'cli', @at)
            """;
        connection.Execute(sql, new { platform, name, enterprise = enterprise ?? name, at }, transaction);
        StoreEvents.Record(connection, transaction, at, "shop-add", actor, $"{name} ({platform}), 归属企业 {enterprise ?? name}");
        transaction.Commit();
    }

    /// <summary>A new name for a shop: its orders, imports and figures move with it, and the old name points to the new one.</summary>
    public static void Rename(SqliteConnection connection, string from, string to, string actor, string at)
    {
        using var transaction = connection.BeginTransaction();
        var shop = Registered(connection, transaction, from);
        if (Find(connection, transaction, to).Count > 0)
            throw new ShopRegistryException($"店铺“{to}”已登记；要把“{from}”的数据并入它，请用 shops merge。");
        const string register = """
            INSERT INTO shops (platform, shop, enterprise, registered_by, registered_at) VALUES (@Platform, @to, @enterprise, 'cli', @at)
            """;
        connection.Execute(register, new { shop.Platform, to, enterprise = shop.Enterprise == from ? to : shop.Enterprise, at }, transaction);
        MoveShop(connection, transaction, shop.Platform, from, to);
        StoreEvents.Record(connection, transaction, at, "shop-rename", actor, $"{from} → {to} ({shop.Platform})");
        transaction.Commit();
    }

    /// <summary>
    /// Moves every order of <paramref name="from"/> into <paramref name="into"/> (same platform) and retires the name.
    /// An order both hold (the same export imported under both names) is kept once, in its newer version, so the
    /// totals of the merged shop are those of its distinct orders.
    /// </summary>
    public static MergeOutcome Merge(SqliteConnection connection, string from, string into, string actor, string at)
    {
        using var transaction = connection.BeginTransaction();
        var source = Registered(connection, transaction, from);
        var target = Registered(connection, transaction, into);
        if (source.Shop == target.Shop)
            throw new ShopRegistryException($"“{from}”和“{into}”是同一个店铺。");
        if (source.Platform != target.Platform)
            throw new ShopRegistryException(
                $"“{source.Shop}”在{PlatformName(connection, transaction, source.Platform)}，“{target.Shop}”在{PlatformName(connection, transaction, target.Platform)}：不同平台的店铺不能合并。");
        var duplicates = DropDuplicateOrders(connection, transaction, source.Platform, source.Shop, target.Shop);
        var moved = connection.ExecuteScalar<long>("SELECT count(*) FROM orders WHERE platform = @Platform AND shop = @Shop", source, transaction);
        MoveShop(connection, transaction, source.Platform, source.Shop, target.Shop);
        StoreEvents.Record(connection, transaction, at, "shop-merge", actor,
            $"{source.Shop} → {target.Shop} ({source.Platform}): 迁移订单 {moved}，重复订单 {duplicates} 单只保留较新版本");
        transaction.Commit();
        return new MergeOutcome(source.Shop, target.Shop, moved, duplicates);
    }

    private static RegisteredShop Registered(SqliteConnection connection, SqliteTransaction transaction, string name) =>
        Find(connection, transaction, name).FirstOrDefault(s => s.Shop == name)
        ?? throw new ShopRegistryException($"没有登记名为“{name}”的店铺（shops list 列出全部店铺）。");

    private static int DropDuplicateOrders(SqliteConnection connection, SqliteTransaction transaction, string platform, string from, string into)
    {
        const string both = """
            SELECT f.order_id AS OrderId, f.observed_at AS FromVersion, fi.file_latest_at AS FromTieBreak,
                   t.observed_at AS IntoVersion, ti.file_latest_at AS IntoTieBreak
            FROM orders f
            JOIN orders t ON t.platform = f.platform AND t.shop = @into AND t.order_id = f.order_id
            LEFT JOIN imports fi ON fi.id = f.last_import_id
            LEFT JOIN imports ti ON ti.id = t.last_import_id
            WHERE f.platform = @platform AND f.shop = @from
            """;
        var duplicates = connection.Query<DuplicateOrder>(both, new { platform, from, into }, transaction).ToList();
        if (duplicates.Count == 0)
            return 0;
        using var removal = new OrderRemoval(connection, transaction, platform);
        foreach (var duplicate in duplicates)
        {
            var fromIsNewer = OrderVersion.Compare(duplicate.FromVersion, duplicate.FromTieBreak, duplicate.IntoVersion, duplicate.IntoTieBreak) > 0;
            removal.Remove(fromIsNewer ? into : from, duplicate.OrderId);
        }
        removal.Finish();
        return duplicates.Count;
    }

    private static void MoveShop(SqliteConnection connection, SqliteTransaction transaction, string platform, string from, string to)
    {
        var days = connection.Query<string>("SELECT DISTINCT day FROM sales_daily WHERE platform = @platform AND shop = @from",
            new { platform, from }, transaction).ToList();
        const string move = """
            UPDATE order_lines SET shop = @to WHERE platform = @platform AND shop = @from;
            UPDATE orders SET shop = @to WHERE platform = @platform AND shop = @from;
            INSERT INTO products (platform, shop, product_id, title, observed_at)
            SELECT platform, @to, product_id, title, observed_at FROM products WHERE platform = @platform AND shop = @from
            ON CONFLICT (platform, shop, product_id) DO UPDATE SET title = excluded.title, observed_at = excluded.observed_at
            WHERE excluded.observed_at > products.observed_at;
            DELETE FROM products WHERE platform = @platform AND shop = @from;
            INSERT OR IGNORE INTO product_categories (platform, shop, product_id, category, farm, fixed_by, fixed_at)
            SELECT platform, @to, product_id, category, farm, fixed_by, fixed_at FROM product_categories WHERE platform = @platform AND shop = @from;
            DELETE FROM product_categories WHERE platform = @platform AND shop = @from;
            UPDATE imports SET shop = @to WHERE platform = @platform AND shop = @from;
            UPDATE shop_aliases SET shop = @to WHERE platform = @platform AND shop = @from;
            DELETE FROM shop_aliases WHERE alias = @to;
            INSERT OR REPLACE INTO shop_aliases (alias, platform, shop) VALUES (@from, @platform, @to);
            DELETE FROM shops WHERE platform = @platform AND shop = @from;
            INSERT OR IGNORE INTO account_shops (account, shop) SELECT account, @to FROM account_shops WHERE shop = @from;
            DELETE FROM account_shops WHERE shop = @from;
            """;
        connection.Execute(move, new { platform, from, to }, transaction);
        // The days the old name had sales on are rebuilt from the orders, now under the new name.
        Rollups.Rebuild(connection, transaction, days.Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    internal static string PlatformName(SqliteConnection connection, SqliteTransaction? transaction, string platform) =>
        connection.ExecuteScalar<string?>("SELECT name FROM platforms WHERE code = @platform", new { platform }, transaction) ?? platform;

    private sealed record DuplicateOrder
    {
        public required string OrderId { get; init; }
        public required string FromVersion { get; init; }
        public string? FromTieBreak { get; init; }
        public required string IntoVersion { get; init; }
        public string? IntoTieBreak { get; init; }
    }
}

internal sealed record RegisteredShop
{
    public required string Platform { get; init; }
    public required string Shop { get; init; }
    public required string Enterprise { get; init; }
    public required string RegisteredBy { get; init; }
}

public sealed record ShopListing
{
    public required string Platform { get; init; }
    public required string PlatformName { get; init; }
    public required string Shop { get; init; }
    public required string Enterprise { get; init; }
    public required string RegisteredBy { get; init; }
    public long Orders { get; init; }
    public long Imports { get; init; }
    public string? FormerNames { get; init; }
}

/// <summary>A shop just registered: its name, its platform's name and its enterprise.</summary>
public sealed record RegisteredShopName(string Shop, string PlatformName, string Enterprise);

public sealed record MergeOutcome(string From, string Into, long OrdersMoved, int DuplicateOrders);

/// <summary>A shop change that cannot be made, said so an operator can act on it.</summary>
public class ShopRegistryException(string message) : Exception(message);

/// <summary>A platform named that the service does not know: the operator mistyped it.</summary>
public sealed class UnknownPlatformException(string message) : ShopRegistryException(message);
