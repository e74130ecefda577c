using System.Globalization;
using Analytics.Ingestion.Formats;
using CsvHelper;
using CsvHelper.Configuration;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Store;

/// <summary>
/// Loads seeds/provinces.csv, platforms.csv, shops.csv and product-categories.csv, and the platforms mapping files add,
/// into the reference tables.
/// </summary>
internal static class ReferenceSeeds
{
    public static void Load(SqliteConnection connection, SqliteTransaction transaction, string seedsDirectory, IReadOnlyList<MappedPlatform> mappedPlatforms)
    {
        if (!Directory.Exists(seedsDirectory))
            throw new DirectoryNotFoundException($"Reference data folder {seedsDirectory} is missing (it holds provinces.csv, platforms.csv and shops.csv).");

        const string upsertProvince = """
            INSERT INTO provinces (code, name, short_name, aliases) VALUES (@code, @name, @short_name, @aliases)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, short_name = excluded.short_name, aliases = excluded.aliases
            """;
        connection.Execute(upsertProvince, Read(seedsDirectory, "provinces.csv", "code", "name", "short_name", "aliases"), transaction);

        const string upsertPlatform = """
            INSERT INTO platforms (code, name, aliases) VALUES (@code, @name, @aliases)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, aliases = excluded.aliases
            """;
        connection.Execute(upsertPlatform, Read(seedsDirectory, "platforms.csv", "code", "name", "aliases"), transaction);
        // After platforms.csv: the mapping file in use names its platform, also where platforms.csv lists it too.
        connection.Execute(upsertPlatform, mappedPlatforms.Select(p => new { code = p.Code, name = p.Name, aliases = string.Join('|', p.Aliases) }), transaction);

        // A shop renamed or merged away does not come back from the seeds, and an enterprise the bureau set on the
        // command line stays; seeds/shops.csv still maps shops that imports registered on their own.
        const string upsertShop = """
            INSERT INTO shops (platform, shop, enterprise, registered_by)
            SELECT @platform, @shop, @enterprise, 'seed' WHERE NOT EXISTS (SELECT 1 FROM shop_aliases WHERE alias = @shop)
            ON CONFLICT (platform, shop) DO UPDATE SET enterprise = excluded.enterprise WHERE shops.registered_by <> 'cli'
            """;
        connection.Execute(upsertShop, Read(seedsDirectory, "shops.csv", "platform", "shop", "enterprise"), transaction);

        ProductCategoryBook.LoadRules(connection, transaction, seedsDirectory);
    }

    private static List<DynamicParameters> Read(string directory, string file, params string[] columns)
    {
        var path = Path.Combine(directory, file);
        using var reader = new CsvReader(new StreamReader(path), new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim });
        reader.Read();
        reader.ReadHeader();
        var rows = new List<DynamicParameters>();
        while (reader.Read())
        {
            var row = new DynamicParameters();
            foreach (var column in columns)
            {
                var value = reader.GetField(column);
                if (value is null)
                    throw new InvalidDataException($"{path} line {reader.Parser.RawRow}: column {column} is missing.");
                row.Add(column, value);
            }
            rows.Add(row);
        }
        return rows;
    }
}
