using Analytics.Api.Hosting;
using Analytics.Store;

namespace Analytics.Api.Cli;

/// <summary>
/// `backup [--to DIR] [--db PATH]`: a consistent copy of the database, the archive of landed files and the buyer key into
/// <c>DIR/analytics-backup-&lt;time&gt;/</c>, also while the service runs and imports. Exit 0 done, 1 the copy failed
/// (a full or unwritable disk; no half backup is left under a backup's name), 2 usage or a path that does not exist.
/// </summary>
internal static class BackupCommand
{
    public static async Task<int> RunAsync(CommandOptions options, TextWriter output, TextWriter errors)
    {
        options.AllowOnly("to", "db", "buyer-key-file", "archive", "create");
        if (options.Positional.Count > 0)
            throw new UsageException("backup 不接受文件参数；备份到哪里用 --to 文件夹。\nbackup takes no files; name the folder with --to DIR.");
        var storeOptions = ImportCommand.StoreOptionsFrom(options);
        if (!File.Exists(storeOptions.DatabasePath))
            throw new StartRefusedException($"数据库 {storeOptions.DatabasePath} 不存在，没有可备份的内容（用 --db 指定数据库）。");
        var backups = BackupsFolder(options, storeOptions.DatabasePath);

        using var store = new AnalyticsStore(storeOptions, TimeProvider.System);
        await output.WriteLineAsync($"备份 {Path.GetFullPath(storeOptions.DatabasePath)} 到 {backups} …");
        try
        {
            var outcome = await store.BackupAsync(backups, line => output.WriteLine("  " + line));
            await output.WriteLineAsync($"备份完成：{outcome.Folder}");
            await output.WriteLineAsync($"恢复用：restore \"{outcome.Folder}\" --db \"{Path.GetFullPath(storeOptions.DatabasePath)}\"（先停止服务）");
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync($"备份没有完成（{e.Message}）：请检查 {backups} 所在磁盘的空间和写权限。");
            return 1;
        }
    }

    /// <summary>--to, which must exist unless --create; else backups/ beside the database, made when needed.</summary>
    private static string BackupsFolder(CommandOptions options, string databasePath)
    {
        if (options.Value("to") is not { } given)
            return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, "backups");
        var folder = Path.GetFullPath(given);
        if (!Directory.Exists(folder))
        {
            if (!options.Has("create"))
                throw new StartRefusedException($"备份文件夹 {folder} 不存在，请检查路径；如确要新建，请加 --create。");
            Directory.CreateDirectory(folder);
        }
        StartChecks.WritableFolder(Path.Combine(folder, "manifest.json"), "用 --to 换一个位置");
        return folder;
    }
}
