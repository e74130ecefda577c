using Analytics.Api.Cli;
using Microsoft.Data.Sqlite;

namespace Analytics.Tests.Support;

/// <summary>
/// The full demo database (2021-01-01 … 2023-06-30, every export through the real importer). Building it takes about a
/// minute, so the first fixture that asks builds it and every later one shares it; the test run's teardown deletes it.
/// Fixtures only read it: a test that writes would change what the others see.
/// </summary>
internal static class DemoData
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "analytics-tests", "demo-" + Guid.NewGuid().ToString("N"));

    // Lazy's lock makes concurrent first callers wait on one build instead of starting several.
    private static readonly Lazy<Task<DemoDatabase>> Building = new(BuildAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Task<DemoDatabase> DatabaseAsync() => Building.Value;

    public static async Task<string> PathAsync() => (await DatabaseAsync()).Path;

    /// <summary>A private copy of the demo database for a test that changes it, made with SQLite's backup (WAL included).</summary>
    public static async Task<string> CopyToAsync(string folder)
    {
        var copyPath = System.IO.Path.Combine(folder, "analytics.db");
        using var source = new SqliteConnection($"Data Source={await PathAsync()};Mode=ReadOnly");
        using var copy = new SqliteConnection($"Data Source={copyPath};Pooling=False");
        source.Open();
        source.BackupDatabase(copy);
        return copyPath;
    }

    public static void DeleteIfBuilt()
    {
        if (!Building.IsValueCreated || !Directory.Exists(Folder))
            return;
        SqliteConnection.ClearAllPools(); // pooled connections keep the file open on Windows
        Directory.Delete(Folder, recursive: true);
    }

    private static async Task<DemoDatabase> BuildAsync()
    {
        var database = Path.Combine(Folder, "analytics.db");
        using var output = new StringWriter();
        var code = await DemoCommand.BuildAsync(database, Path.Combine(Folder, "exports"), output);
        if (code != 0)
            throw new InvalidOperationException($"The demo database did not build (exit code {code}):\n{output}");
        return new DemoDatabase(database, output.ToString());
    }
}

/// <param name="Path">The SQLite file.</param>
/// <param name="BuildOutput">What `demo` printed while building it.</param>
internal sealed record DemoDatabase(string Path, string BuildOutput);
