using System.Globalization;
using Analytics.Store;

namespace Analytics.Api.Cli;

/// <summary>
/// `shops list | add NAME --platform P [--enterprise E] | rename OLD NEW | merge FROM INTO [--db PATH]`: the shop
/// registry. Exit 0 done, 1 refused (nothing changed), 2 usage.
/// </summary>
internal static class ShopsCommand
{
    public static Task<int> RunAsync(CommandOptions options, TextWriter output, TextWriter errors)
    {
        options.AllowOnly("db", "platform", "enterprise", "buyer-key-file", "archive", "create");
        var action = options.Positional.FirstOrDefault()
            ?? throw new UsageException("shops 需要一个动作：list、add、rename 或 merge。\nshops takes list, add, rename or merge.");
        var arguments = options.Positional.Skip(1).ToList();
        var storeOptions = ImportCommand.StoreOptionsFrom(options, canCreate: true);
        using var store = new AnalyticsStore(storeOptions, TimeProvider.System);
        var actor = $"命令行 {Environment.UserName}";
        try
        {
            switch (action, arguments)
            {
                case ("list", []):
                    output.WriteLine("平台\t店铺\t归属企业\t订单数\t导入数\t登记方式\t曾用名");
                    using (var data = store.Read())
                    {
                        foreach (var shop in data.Shops())
                            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{shop.PlatformName}\t{shop.Shop}\t{shop.Enterprise}\t{shop.Orders}\t{shop.Imports}\t{shop.RegisteredBy}\t{shop.FormerNames}"));
                    }
                    return Task.FromResult(0);
                case ("add", [var name]):
                    var platform = options.Value("platform") ?? throw new UsageException("shops add 需要 --platform（如 douyin、京东、拼多多）。\nshops add needs --platform.");
                    var added = store.AddShop(name, platform, options.Value("enterprise"), actor);
                    output.WriteLine($"已登记店铺：{added.Shop}（{added.PlatformName}），归属企业：{added.Enterprise}");
                    return Task.FromResult(0);
                case ("rename", [var from, var to]):
                    store.RenameShop(from, to, actor);
                    output.WriteLine($"店铺“{from}”已更名为“{to}”：订单、导入记录和数字随之迁移；以后写“{from}”的导入计入“{to}”。");
                    return Task.FromResult(0);
                case ("merge", [var from, var into]):
                    var merged = store.MergeShops(from, into, actor);
                    output.WriteLine($"店铺“{merged.From}”已并入“{merged.Into}”：迁移订单 {merged.OrdersMoved} 单" +
                                     (merged.DuplicateOrders > 0 ? $"，两店重复的 {merged.DuplicateOrders} 单只保留较新版本" : "") + "。");
                    return Task.FromResult(0);
                default:
                    throw new UsageException("用法：shops list | shops add NAME --platform P [--enterprise E] | shops rename OLD NEW | shops merge FROM INTO\nUsage: shops list | add NAME --platform P [--enterprise E] | rename OLD NEW | merge FROM INTO");
            }
        }
        catch (UnknownPlatformException unknown)
        {
            throw new UsageException($"{unknown.Message}\nUnknown platform.");
        }
        catch (ShopRegistryException refused)
        {
            errors.WriteLine(refused.Message);
            return Task.FromResult(1);
        }
    }
}
