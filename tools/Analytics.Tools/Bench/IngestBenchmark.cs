using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Analytics.Tools.Demo;
using Analytics.Ingestion.Importing;
using Analytics.Store;

namespace Analytics.Tools.Bench;

/// <summary>
/// `bench ingest`: for every shape of <see cref="IngestShape.Matrix"/> (or those named), writes an export, imports it into a
/// fresh database in a process of its own (so the peak working set is the import's alone) and, in the same run, times
/// sqlite3's own `.import` of the same file into a plain table, so the ratio holds whatever the machine's speed today.
/// </summary>
public static class IngestBenchmark
{
    /// <summary>What one import measured, as the child process prints it.</summary>
    public sealed record Measurement(long Rows, double Seconds, double PeakMegabytes, bool Landed, string? Refusal);

    public static async Task<int> RunAsync(int lines, string folder, IReadOnlyList<string> shapeNames, ServiceCommand self, TextWriter output)
    {
        Directory.CreateDirectory(folder);
        var shapes = shapeNames.Count == 0 ? IngestShape.Matrix : IngestShape.Matrix.Where(s => shapeNames.Contains(s.Name)).ToList();
        if (shapes.Count == 0)
        {
            await output.WriteLineAsync($"No such shape. Shapes: {string.Join(", ", IngestShape.Matrix.Select(s => s.Name))}");
            return 2;
        }

        var rows = new List<string>();
        string? rollupCost = null;
        foreach (var shape in shapes)
        {
            var export = Path.Combine(folder, shape.FileName(lines));
            var twin = shape.Format == ShapeFormat.PddXlsx ? export + ".csv" : null;
            if (!File.Exists(export) || (twin is not null && !File.Exists(twin)))
            {
                await output.WriteLineAsync($"Writing {lines:N0} lines of {shape.Name} to {export} …");
                BenchExport.Write(export, shape, lines, seed: 7, twin);
            }

            var measured = await MeasureInChildAsync(self, export, folder, maintainRollups: true);
            if (!measured.Landed)
            {
                await output.WriteLineAsync($"{shape.Name}: {measured.Refusal}");
                return 1;
            }
            if (rollupCost is null)
            {
                var bare = await MeasureInChildAsync(self, export, folder, maintainRollups: false);
                rollupCost = $"maintaining the rollups on the {shape.Name} shape: {measured.Seconds - bare.Seconds:N1} s of {measured.Seconds:N1} s, " +
                    $"+{(measured.Seconds - bare.Seconds) / bare.Seconds:P0} over the same import without them ({bare.Seconds:N1} s)";
            }

            var plain = Path.Combine(folder, "plain.db");
            DeleteDatabase(plain);
            var sqliteSeconds = TimeSqliteImport(plain, twin ?? export);
            DeleteDatabase(plain);
            var rate = measured.Rows / measured.Seconds;
            var sqliteRate = sqliteSeconds is { } s ? measured.Rows / s : (double?)null;
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {shape.Name} | {shape.Describe()} | {new FileInfo(export).Length / 1048576.0:N0} MB | {measured.Seconds:N1} s | {rate:N0} | " +
                $"{(sqliteSeconds is { } t ? $"{t:N1} s{(twin is null ? "" : " (CSV twin)")}" : "sqlite3 not installed")} | {(sqliteRate is { } r ? $"{r:N0}" : "—")} | " +
                $"{(sqliteRate is { } q ? $"{rate / q:N2}×" : "—")} | {measured.PeakMegabytes:N0} MB |"));
            await output.WriteLineAsync(rows[^1]);
        }

        await output.WriteLineAsync($"""

            {lines:N0} lines per file; {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0:N0} GiB
            | shape | file | size | importer | rows/s | sqlite3 .import | rows/s | ratio | peak working set |
            |---|---|---|---|---|---|---|---|---|
            {string.Join("\n", rows)}

            {rollupCost}
            """);
        return 0;
    }

    /// <summary>`bench ingest-file`: one import into a fresh database, printed as one JSON line for the parent.</summary>
    public static async Task<int> MeasureOneAsync(string export, string folder, bool maintainRollups, TextWriter output)
    {
        var database = Path.Combine(folder, maintainRollups ? "bench.db" : "bench-bare.db");
        DeleteDatabase(database);
        var clock = Stopwatch.StartNew();
        ImportReceipt receipt;
        using (var store = new AnalyticsStore(new StoreOptions { DatabasePath = database, MaintainRollups = maintainRollups, KeepArchive = false }, TimeProvider.System))
            receipt = await store.ImportAsync(export, new ImportRequest("bench", "bench-shop"));
        var seconds = clock.Elapsed.TotalSeconds;
        DeleteDatabase(database);
        await output.WriteLineAsync(JsonSerializer.Serialize(new Measurement(receipt.RowsRead, seconds,
            Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, receipt.Landed, receipt.Landed ? null : receipt.ToText())));
        return receipt.Landed ? 0 : 1;
    }

    private static async Task<Measurement> MeasureInChildAsync(ServiceCommand self, string export, string folder, bool maintainRollups)
    {
        List<string> arguments = [.. self.Arguments, "bench", "ingest-file", "--file", export, "--dir", folder, "--rollups", maintainRollups ? "yes" : "no"];
        // The service's own executable, with its own GC settings (no background GC), as an office PC runs it.
        var start = new ProcessStartInfo(self.FileName, arguments) { RedirectStandardOutput = true };
        using var child = Process.Start(start)!;
        var printed = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var last = printed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => l.StartsWith('{'));
        return last is null
            ? new Measurement(0, 0, 0, false, $"the import process exited {child.ExitCode} without a measurement: {printed}")
            : JsonSerializer.Deserialize<Measurement>(last)!;
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

    internal static void DeleteDatabase(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + ".buyer-key" })
            File.Delete(file);
    }
}
