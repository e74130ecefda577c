using System.Globalization;
using Analytics.Api.Hosting;
using Analytics.Store;
using Analytics.Store.Backups;

namespace Analytics.Api.Cli;

/// <summary>
/// `restore FROM [--db PATH] [--create]`: puts a backup back — the database, the archive and the buyer key — keeping the
/// database it replaces as <c>&lt;db&gt;.before-restore-&lt;time&gt;</c>. Exit 0 restored, 1 refused (a service runs on the
/// database, or the backup is damaged or incomplete; nothing changed), 2 usage or a path that does not exist.
/// </summary>
internal static class RestoreCommand
{
    public static async Task<int> RunAsync(CommandOptions options, TextWriter output, TextWriter errors)
    {
        options.AllowOnly("db", "buyer-key-file", "archive", "create", "lang");
        var english = CommandOptions.English(options);
        if (options.Positional is not [var from])
            throw new UsageException("restore 需要一个备份文件夹（analytics-backup-…）。\nrestore takes one backup folder (analytics-backup-…).");
        if (!Directory.Exists(from))
            throw new StartRefusedException($"备份文件夹 {Path.GetFullPath(from)} 不存在，请检查路径。");
        var storeOptions = ImportCommand.StoreOptionsFrom(options, canCreate: true);

        var manifest = BackupManifest.ReadFrom(from);
        await output.WriteLineAsync(manifest is null
            ? $"从 {Path.GetFullPath(from)} 恢复 …"
            : string.Create(CultureInfo.InvariantCulture, $"从 {Path.GetFullPath(from)} 恢复（备份于 {manifest.TakenAt}：订单 {manifest.Orders:N0}，导入 {manifest.Imports:N0}）…"));
        using var store = new AnalyticsStore(storeOptions, TimeProvider.System);
        try
        {
            var outcome = store.Restore(from, line => output.WriteLine("  " + line));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"恢复完成：订单 {outcome.Counts.Orders:N0}，导入 {outcome.Counts.Imports:N0}。可以启动服务了。"));
            return 0;
        }
        catch (RestoreRefusedException refused)
        {
            await errors.WriteLineAsync(english ? refused.MessageEn : refused.Message);
            return 1;
        }
    }
}
