using Analytics.Ingestion.Importing;
using Analytics.Store;

namespace Analytics.Api.Cli;

/// <summary>`withdraw IMPORT_ID [--db PATH]`: takes a landed import back. Exit 0 withdrawn, 1 refused (nothing changed), 2 usage.</summary>
internal static class WithdrawCommand
{
    public static async Task<int> RunAsync(CommandOptions options, TextWriter output, TextWriter errors)
    {
        options.AllowOnly("db", "buyer-key-file", "archive", "formats", "lang");
        var english = CommandOptions.English(options);
        if (options.Positional is not [var idText] || !long.TryParse(idText, out var importId) || importId <= 0)
            throw new UsageException("withdraw 需要一个导入编号（import 的回执和 /api/imports 中的 #号）。\nwithdraw takes one import id.");
        var storeOptions = ImportCommand.StoreOptionsFrom(options);
        if (!File.Exists(storeOptions.DatabasePath))
            throw new UsageException($"数据库 {storeOptions.DatabasePath} 不存在。\nThe database {storeOptions.DatabasePath} does not exist.");

        using var store = new AnalyticsStore(storeOptions, TimeProvider.System);
        try
        {
            var receipt = await store.WithdrawAsync(importId, $"命令行 {Environment.UserName}");
            await output.WriteAsync(receipt.ToText(english: english));
            return 0;
        }
        catch (WithdrawRefusedException refused)
        {
            await errors.WriteLineAsync(english ? refused.MessageEn : refused.Message);
            return 1;
        }
    }
}
