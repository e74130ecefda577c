using Analytics.Api.Hosting;
using Analytics.Ingestion.Importing;
using Analytics.Store;

namespace Analytics.Api.Cli;

/// <summary>
/// `import FILE... [--db PATH] [--shop NAME] [--lang en]`: one receipt per import — each file, each export inside a zip,
/// and a 淘宝/天猫 订单报表 with its 宝贝报表 as one. Exit 0 when every import landed whole (or was the same bytes again),
/// 1 when any file or any row of a file was rejected, 2 on usage errors.
/// </summary>
internal static class ImportCommand
{
    public static async Task<int> RunAsync(CommandOptions options, TextWriter output)
    {
        options.AllowOnly("db", "shop", "buyer-key-file", "archive", "formats", "lang", "create");
        var english = CommandOptions.English(options);
        if (options.Positional.Count == 0)
            throw new UsageException("import 至少需要一个导出文件。\nimport needs at least one export file.");
        var missing = options.Positional.FirstOrDefault(f => !File.Exists(f));
        if (missing is not null)
            throw new UsageException($"找不到文件：{missing}\nFile not found: {missing}");

        using var store = new AnalyticsStore(StoreOptionsFrom(options, canCreate: true), TimeProvider.System);
        int rejectedFiles = 0, filesWithRejectedRows = 0;
        using var bundle = ExportBundle.Open(options.Positional.Select(f => new ExportFile(f, Path.GetFileName(f))));
        foreach (var unit in bundle.Units)
        {
            var receipt = await store.ImportAsync(unit, new ImportRequest("cli", options.Value("shop")));
            await output.WriteAsync(receipt.ToText(english: english));
            if (receipt.Rejected)
                rejectedFiles++;
            else if (receipt.RowsRejected > 0)
                filesWithRejectedRows++;
        }
        var count = bundle.Units.Count;
        if (count > 1)
        {
            // Zips and 淘宝/天猫 pairs make the imports differ from the files given; then both are said.
            var given = options.Positional.Count;
            var what = count == given && bundle.Units.All(u => u.Companion is null && u.Sources.All(s => s.Path == u.File.Path))
                ? (Zh: $"共 {count} 个文件", En: $"{count} files")
                : (Zh: $"共 {count} 次导入（{given} 个文件）", En: $"{count} imports ({given} files)");
            await output.WriteLineAsync(english
                ? $"{count - rejectedFiles} of {what.En} imported, {rejectedFiles} rejected; {filesWithRejectedRows} with rejected rows."
                : $"{what.Zh}：导入 {count - rejectedFiles} 个，拒收 {rejectedFiles} 个；{filesWithRejectedRows} 个文件有被拒收的行。");
        }
        return rejectedFiles + filesWithRejectedRows == 0 ? 0 : 1;
    }

    /// <summary>
    /// The store a verb works on; refused in one line when the database's folder does not exist (a mistyped --db), unless
    /// the verb can make a new database and was given --create.
    /// </summary>
    public static StoreOptions StoreOptionsFrom(CommandOptions options, bool canCreate = false)
    {
        var database = options.Value("db") ?? ServiceSettings.DefaultDatabasePath;
        StartChecks.DatabaseFolder(database, create: canCreate && options.Has("create"), canCreate);
        return new()
        {
            DatabasePath = database,
            BuyerKeyFile = options.Value("buyer-key-file"),
            ArchivePath = options.Value("archive"),
            // The CLI reads the same folder as the service when Formats__Path is set, so both name a mapped platform alike.
            FormatsDirectory = options.Value("formats") ?? Environment.GetEnvironmentVariable("Formats__Path"),
        };
    }
}
