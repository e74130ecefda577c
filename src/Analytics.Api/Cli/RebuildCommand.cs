using System.Globalization;
using Analytics.Ingestion.Importing;
using Analytics.Store;

namespace Analytics.Api.Cli;

/// <summary>
/// `rebuild [--db PATH]`: makes the database anew from the archive and the import log, and swaps it in only when it
/// is complete. Exit 0 rebuilt, 1 refused or failed (the old database is unchanged), 2 usage.
/// </summary>
internal static class RebuildCommand
{
    public static async Task<int> RunAsync(CommandOptions options, TextWriter output, TextWriter errors)
    {
        options.AllowOnly("db", "buyer-key-file", "archive", "formats", "lang");
        var english = CommandOptions.English(options);
        if (options.Positional.Count > 0)
            throw new UsageException("rebuild 不接受文件参数。\nrebuild takes no files.");
        var storeOptions = ImportCommand.StoreOptionsFrom(options);
        if (!File.Exists(storeOptions.DatabasePath))
            throw new UsageException($"数据库 {storeOptions.DatabasePath} 不存在。\nThe database {storeOptions.DatabasePath} does not exist.");

        using var store = new AnalyticsStore(storeOptions, TimeProvider.System);
        try
        {
            await output.WriteLineAsync($"从归档 {store.Archive.Root} 重建 {Path.GetFullPath(storeOptions.DatabasePath)} …");
            var outcome = await store.RebuildAsync(line => output.WriteLine("  " + line));
            await output.WriteLineAsync("重建完成，新数据库已换上。");
            await output.WriteLineAsync(Figures("重建前", outcome.Before));
            await output.WriteLineAsync(Figures("重建后", outcome.After));
            await output.WriteLineAsync($"旧数据库保留为 {outcome.OldDatabaseKeptAs}（确认无误后可删除）。");
            return 0;
        }
        catch (RebuildRefusedException refused)
        {
            await errors.WriteLineAsync(english ? refused.MessageEn : refused.Message);
            return 1;
        }
    }

    private static string Figures(string label, StoreFigures figures) => string.Create(CultureInfo.InvariantCulture,
        $"  {label}：订单 {figures.Orders:N0}，订单行 {figures.Lines:N0}，付款订单 {figures.PaidOrders:N0}，成交额 {figures.GmvFen / 100m:N2} 元，退款 {figures.RefundFen / 100m:N2} 元，店铺 {figures.Shops}");
}
