using System.Globalization;
using Analytics.Api.Accounts;
using Analytics.Ingestion.Normalising;
using Analytics.Store;

namespace Analytics.Api.Cli;

/// <summary>
/// `tokens create --role bureau|operator|display --name NAME [--shops A,B] | list | revoke ID|NAME [--db PATH]`: API keys
/// for scripts and the wall display. create prints the key as its last line: it is stored hashed and shown only then.
/// Exit 0 done, 1 refused, 2 usage.
/// </summary>
internal static class TokensCommand
{
    public static Task<int> RunAsync(CommandOptions options, TextWriter output, TextWriter errors)
    {
        options.AllowOnly("db", "role", "name", "shops", "create", "buyer-key-file", "archive");
        var action = options.Positional.FirstOrDefault()
            ?? throw new UsageException("tokens 需要一个动作：create、list 或 revoke。\ntokens takes create, list or revoke.");
        using var store = new AnalyticsStore(ImportCommand.StoreOptionsFrom(options, canCreate: true), TimeProvider.System);
        var actor = $"命令行 {Environment.UserName}";
        try
        {
            switch (action, options.Positional.Skip(1).ToList())
            {
                case ("list", []):
                    output.WriteLine("编号\t名称\t角色\t开头\t店铺\t创建时间\t状态");
                    foreach (var key in store.Accounts.Keys())
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"{key.Id}\t{key.Name}\t{key.Role}\t{key.KeyStart}…\t{string.Join(",", key.Shops)}\t{key.CreatedAt}\t{(key.RevokedAt is null ? "有效" : "已撤销 " + key.RevokedAt)}"));
                    return Task.FromResult(0);
                case ("create", []):
                    var role = options.Value("role") ?? throw new UsageException("tokens create 需要 --role（bureau、operator 或 display）。\ntokens create needs --role.");
                    var name = options.Value("name") ?? throw new UsageException("tokens create 需要 --name（例如 --name 一楼大屏）。\ntokens create needs --name.");
                    var secret = Create(store, name, role, UsersCommand.ShopList(options.Value("shops")), actor);
                    output.WriteLine($"已生成{Roles.ChineseName(role)}密钥“{name}”。密钥只显示这一次，请立即保存：");
                    if (role == Roles.Display)
                        output.WriteLine($"大屏地址：http://<本机地址>:5000/?key={secret}");
                    output.WriteLine(secret);
                    return Task.FromResult(0);
                case ("revoke", [var idOrName]):
                    if (store.Accounts.RevokeKey(idOrName, actor, TimeProvider.System.BeijingNowText()) == 0)
                    {
                        errors.WriteLine($"没有有效的密钥“{idOrName}”（tokens list 列出全部密钥）。");
                        return Task.FromResult(1);
                    }
                    output.WriteLine($"已撤销密钥“{idOrName}”：使用它的脚本和大屏在下一次请求时失效。");
                    return Task.FromResult(0);
                default:
                    throw new UsageException("用法：tokens create --role R --name NAME [--shops A,B] | tokens list | tokens revoke ID|NAME\nUsage: tokens create|list|revoke");
            }
        }
        catch (AccountException refused)
        {
            errors.WriteLine(refused.Message);
            return Task.FromResult(1);
        }
    }

    /// <summary>Makes a key and returns it; only its hash is kept.</summary>
    public static string Create(AnalyticsStore store, string name, string role, IReadOnlyList<string> shops, string actor)
    {
        var secret = ApiKeys.New();
        store.Accounts.AddKey(name, role, ApiKeys.Hash(secret), ApiKeys.Start(secret), shops, actor, TimeProvider.System.BeijingNowText());
        return secret;
    }
}
