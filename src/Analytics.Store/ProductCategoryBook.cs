using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Store;

/// <summary>
/// Product categories as reference data: the rules of seeds/product-categories.csv (loaded at every start, a bad line
/// refused with its line and reason) and the bureau's fixes for single products.
/// </summary>
internal static class ProductCategoryBook
{
    public const string RulesFile = "product-categories.csv";

    private static readonly string[] FarmYes = ["是", "yes", "true", "1"];
    private static readonly string[] FarmNo = ["否", "no", "false", "0"];

    public static void LoadRules(SqliteConnection connection, SqliteTransaction transaction, string seedsDirectory)
    {
        var path = Path.Combine(seedsDirectory, RulesFile);
        var rules = File.Exists(path) ? ReadRules(path) : [];
        connection.Execute("DELETE FROM category_rules", transaction: transaction);
        const string insert = "INSERT INTO category_rules (position, category, farm, keywords) VALUES (@Position, @Category, @Farm, @Keywords)";
        connection.Execute(insert, rules.Select((r, i) => new { Position = i + 1, r.Category, r.Farm, Keywords = string.Join('|', r.Keywords) }), transaction);
    }

    /// <summary>Reads the rules file; throws <see cref="InvalidDataException"/> naming the file, line and column of the first bad row.</summary>
    public static IReadOnlyList<CategoryRule> ReadRules(string path)
    {
        using var reader = new CsvReader(new StreamReader(path), new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim });
        reader.Read();
        reader.ReadHeader();
        foreach (var column in new[] { "category", "farm", "keywords" })
            if (!reader.HeaderRecord!.Contains(column, StringComparer.Ordinal))
                throw new InvalidDataException($"{path} 第1行缺少列“{column}”（应为 category,farm,keywords）。 / {path} line 1: column {column} is missing.");
        var rules = new List<CategoryRule>();
        while (reader.Read())
        {
            var line = reader.Parser.RawRow;
            var category = reader.GetField("category") ?? "";
            var farm = reader.GetField("farm") ?? "";
            var keywords = (reader.GetField("keywords") ?? "").Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (category.Length == 0)
                throw new InvalidDataException($"{path} 第{line}行 category 列为空。 / {path} line {line}: category is empty.");
            if (!FarmYes.Contains(farm, StringComparer.OrdinalIgnoreCase) && !FarmNo.Contains(farm, StringComparer.OrdinalIgnoreCase))
                throw new InvalidDataException($"{path} 第{line}行 farm 列应为“是”或“否”，而不是“{farm}”。 / {path} line {line}: farm must be 是 or 否, not '{farm}'.");
            if (keywords.Length == 0)
                throw new InvalidDataException($"{path} 第{line}行 keywords 列为空（关键词以 | 分隔）。 / {path} line {line}: keywords is empty (separate them with |).");
            rules.Add(new CategoryRule(category, FarmYes.Contains(farm, StringComparer.OrdinalIgnoreCase), keywords));
        }
        return rules;
    }

    public static IReadOnlyList<CategoryRule> Rules(SqliteConnection connection) =>
        connection.Query<(string Category, bool Farm, string Keywords)>("SELECT category, farm, keywords FROM category_rules ORDER BY position")
            .Select(r => new CategoryRule(r.Category, r.Farm, r.Keywords.Split('|')))
            .ToList();

    public static IReadOnlyList<ProductCategoryFix> Fixes(SqliteConnection connection)
    {
        const string sql = """
            SELECT platform AS Platform, shop AS Shop, product_id AS ProductId, category AS Category, farm AS Farm, fixed_by AS FixedBy, fixed_at AS FixedAt
            FROM product_categories ORDER BY platform, shop, product_id
            """;
        return connection.Query<ProductCategoryFix>(sql).ToList();
    }

    /// <summary>Sets one product's category; false when the store holds no such product.</summary>
    public static bool Fix(SqliteConnection connection, ProductCategoryFix fix)
    {
        using var transaction = connection.BeginTransaction();
        const string known = "SELECT count(*) FROM products WHERE platform = @Platform AND shop = @Shop AND product_id = @ProductId";
        if (connection.ExecuteScalar<long>(known, fix, transaction) == 0)
            return false;
        const string upsert = """
            INSERT INTO product_categories (platform, shop, product_id, category, farm, fixed_by, fixed_at)
            VALUES (@Platform, @Shop, @ProductId, @Category, @Farm, @FixedBy, @FixedAt)
            ON CONFLICT (platform, shop, product_id) DO UPDATE SET
                category = excluded.category, farm = excluded.farm, fixed_by = excluded.fixed_by, fixed_at = excluded.fixed_at
            """;
        connection.Execute(upsert, fix, transaction);
        // The figures by category have changed: answers cached for the old data version are stale.
        StoreEvents.Record(connection, transaction, fix.FixedAt, "product-category", fix.FixedBy,
            $"{fix.Platform}/{fix.Shop}/{fix.ProductId} → {fix.Category}{(fix.Farm ? "（农产品）" : "")}");
        transaction.Commit();
        return true;
    }

    /// <summary>Gives a product back to the rules; false when it had no fix.</summary>
    public static bool Clear(SqliteConnection connection, string platform, string shop, string productId, string actor, string at)
    {
        using var transaction = connection.BeginTransaction();
        const string delete = "DELETE FROM product_categories WHERE platform = @platform AND shop = @shop AND product_id = @productId";
        var removed = connection.Execute(delete, new { platform, shop, productId }, transaction) > 0;
        if (removed)
            StoreEvents.Record(connection, transaction, at, "product-category", actor, $"{platform}/{shop}/{productId} → 按规则归类");
        transaction.Commit();
        return removed;
    }
}

/// <summary>A line of seeds/product-categories.csv: a title holding any keyword is in the category (the first matching line wins).</summary>
public sealed record CategoryRule(string Category, bool Farm, IReadOnlyList<string> Keywords);

/// <summary>The bureau's category for one product, winning over the rules.</summary>
public sealed record ProductCategoryFix
{
    public required string Platform { get; init; }
    public required string Shop { get; init; }
    public required string ProductId { get; init; }
    public required string Category { get; init; }
    public required bool Farm { get; init; }
    public required string FixedBy { get; init; }
    public required string FixedAt { get; init; }
}
