using System.Reflection;
using Analytics.Ingestion.Formats;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Store;

/// <summary>Opens the SQLite store, brings its schema up to date from the numbered scripts and seeds reference data.</summary>
public static class Database
{
    /// <summary>Every connection's settings: write-ahead log, one fsync per checkpoint, wait for the writer, keys checked.</summary>
    private const string ConnectionSettings =
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536;";

    /// <summary>
    /// A sqlite3 shell script that loads a CSV file as it is into a new table under the store's own journal settings:
    /// the floor the importer is measured against (bench ingest).
    /// </summary>
    public static string PlainImportScript(string csvPath, string table) =>
        $"{ConnectionSettings}\n.mode csv\n.import '{csvPath.Replace("'", "''", StringComparison.Ordinal)}' {table}\n.quit\n";

    internal static SqliteConnection Open(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
            Directory.CreateDirectory(directory);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        // WAL lets the API read while the worker imports; busy_timeout makes a second writer wait instead of failing.
        connection.Execute(ConnectionSettings);
        return connection;
    }

    /// <summary>
    /// Applies every schema script not yet applied, in number order, each in its own transaction, then brings the
    /// reference data in line with seeds/ (a shop added to seeds/shops.csv maps to its enterprise from the next start)
    /// and with the platforms that mapping files add (<paramref name="mappedPlatforms"/>).
    /// </summary>
    internal static void Migrate(SqliteConnection connection, string seedsDirectory, IReadOnlyList<MappedPlatform> mappedPlatforms)
    {
        connection.Execute("CREATE TABLE IF NOT EXISTS schema_versions (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        var applied = connection.Query<long>("SELECT version FROM schema_versions").ToHashSet();
        var assembly = typeof(Database).Assembly;
        var scripts = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Schema/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (Name: n["Schema/".Length..], Resource: n))
            .OrderBy(s => s.Name, StringComparer.Ordinal);
        foreach (var (name, resource) in scripts)
        {
            var version = long.Parse(name.AsSpan(0, name.IndexOf('_')), System.Globalization.CultureInfo.InvariantCulture);
            if (applied.Contains(version))
                continue;
            using var transaction = connection.BeginTransaction();
            connection.Execute(ReadResource(assembly, resource), transaction: transaction);
            connection.Execute(
                "INSERT INTO schema_versions (version, name, applied_at) VALUES (@version, @name, datetime('now'))",
                new { version, name }, transaction);
            if (name == "004_rollups.sql")
                Rollups.RebuildAll(connection, transaction); // a database from before the rollups gets them for its existing orders
            if (name == "005_buyers.sql")
                BuyerStats.RebuildAll(connection, transaction);
            transaction.Commit();
        }
        using (var transaction = connection.BeginTransaction())
        {
            ReferenceSeeds.Load(connection, transaction, seedsDirectory, mappedPlatforms);
            transaction.Commit();
        }
    }

    /// <summary>seeds/ as copied beside the application by the build.</summary>
    public static string DefaultSeedsDirectory => Path.Combine(AppContext.BaseDirectory, "seeds");

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
