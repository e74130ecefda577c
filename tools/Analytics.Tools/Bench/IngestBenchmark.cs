using System.Diagnostics;
using Analytics.Tools.Demo;
using Analytics.Ingestion.Importing;
using Analytics.Store;

namespace Analytics.Tools.Bench;

/// <summary>
/// `bench ingest`: imports a generated Douyin 74-column export into a fresh database and, in the same run, times
/// sqlite3's own `.import` of the same file into a plain table, so the ratio holds whatever the machine's speed today.
/// </summary>
public static class IngestBenchmark
{
    public static async Task<int> RunAsync(int lines, string folder, TextWriter output)
    {
        Directory.CreateDirectory(folder);
        var export = Path.Combine(folder, $"1700000000_douyin_{lines}.csv");
        if (!File.Exists(export))
        {
            await output.WriteLineAsync($"Writing {lines:N0} lines to {export} …");
            BenchExport.WriteDouyin(export, lines, seed: 7);
        }
        var megabytes = new FileInfo(export).Length / 1048576.0;

        // Without rollups first (only to measure what they cost), then the real import, from the same page cache.
        var bare = await ImportAsync(Path.Combine(folder, "bench-bare.db"), export, maintainRollups: false);
        DeleteDatabase(Path.Combine(folder, "bench-bare.db"));
        var (receipt, importSeconds, peakMegabytes) = await ImportAsync(Path.Combine(folder, "bench.db"), export, maintainRollups: true);
        if (!receipt.Landed)
        {
            await output.WriteAsync(receipt.ToText());
            return 1;
        }

        var plain = Path.Combine(folder, "plain.db");
        DeleteDatabase(plain);
        var sqliteSeconds = TimeSqliteImport(plain, export);

        var importRate = receipt.RowsRead / importSeconds;
        await output.WriteLineAsync($"""

            | {lines:N0}-line Douyin 74-column export, {megabytes:N0} MB | wall time | rows/s |
            |---|---|---|
            | importer (normalise, upsert lines and orders, maintain rollups, one transaction) | {importSeconds:N1} s | {importRate:N0} |
            | sqlite3 `.import` into a plain table (WAL, synchronous=NORMAL) | {(sqliteSeconds is { } s ? $"{s:N1} s" : "sqlite3 not installed")} | {(sqliteSeconds is { } t ? $"{receipt.RowsRead / t:N0}" : "—")} |

            importer / sqlite3 rate: {(sqliteSeconds is { } u ? $"{u / importSeconds:N2}×" : "—")}; importer peak memory (process peak working set): {peakMegabytes:N0} MB
            maintaining the rollups: {importSeconds - bare.Seconds:N1} s of {importSeconds:N1} s, +{(importSeconds - bare.Seconds) / bare.Seconds:P0} over the same import without them ({bare.Seconds:N1} s)
            """);
        return 0;
    }

    private static async Task<(ImportReceipt Receipt, double Seconds, double PeakMegabytes)> ImportAsync(string database, string export, bool maintainRollups)
    {
        DeleteDatabase(database);
        ResetPeakMemory();
        var clock = Stopwatch.StartNew();
        using var store = new AnalyticsStore(new StoreOptions { DatabasePath = database, MaintainRollups = maintainRollups, KeepArchive = false }, TimeProvider.System);
        var receipt = await store.ImportAsync(export, new ImportRequest("bench", "bench-shop"));
        return (receipt, clock.Elapsed.TotalSeconds, Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0);
    }

    private static double? TimeSqliteImport(string database, string export)
    {
        var start = new ProcessStartInfo("sqlite3", [database]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        var clock = Stopwatch.StartNew();
        Process? sqlite;
        try
        {
            sqlite = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        using (sqlite)
        {
            sqlite!.StandardInput.Write(Database.PlainImportScript(export, "plain"));
            sqlite.StandardInput.Close();
            sqlite.StandardOutput.ReadToEnd();
            sqlite.WaitForExit();
            return clock.Elapsed.TotalSeconds;
        }
    }

    /// <summary>Linux keeps a process's peak memory until told to forget it, so generating the file does not count.</summary>
    private static void ResetPeakMemory()
    {
        GC.Collect();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux: the figure then includes everything the process did before.
        }
    }

    internal static void DeleteDatabase(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + ".buyer-key" })
            File.Delete(file);
    }
}
