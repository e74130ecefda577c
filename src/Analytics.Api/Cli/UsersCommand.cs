using Analytics.Api.Pages;
using Analytics.Ingestion.Normalising;
using Analytics.Store;

namespace Analytics.Api.Cli;

/// <summary>
/// `users add NAME --role R [--shops A,B] [--password-stdin] | list | disable NAME | password NAME [--db PATH]`: the
/// people who log in. The first admin is made here; the password is asked for twice, or read from standard input.
/// Exit 0 done, 1 refused, 2 usage.
/// </summary>
internal static class UsersCommand
{
    public static Task<int> RunAsync(CommandOptions options, TextReader input, TextWriter output, TextWriter errors)
    {
        options.AllowOnly("db", "role", "shops", "password-stdin", "create", "buyer-key-file", "archive");
        var action = options.Positional.FirstOrDefault()
            ?? throw new UsageException("users 需要一个动作：add、list、disable 或 password。\nusers takes add, list, disable or password.");
        using var store = new AnalyticsStore(ImportCommand.StoreOptionsFrom(options, canCreate: true), TimeProvider.System);
        var actor = $"命令行 {Environment.UserName}";
        var now = TimeProvider.System.BeijingNowText();
        try
        {
            switch (action, options.Positional.Skip(1).ToList())
            {
                case ("list", []):
                    output.WriteLine("用户名\t角色\t店铺\t创建时间\t创建人\t状态");
                    foreach (var user in store.Accounts.Users())
                        output.WriteLine($"{user.Name}\t{user.Role}\t{string.Join(",", user.Shops)}\t{user.CreatedAt}\t{user.CreatedBy}\t{(user.DisabledAt is null ? "启用" : "已停用")}");
                    return Task.FromResult(0);
                case ("add", [var name]):
                    var role = options.Value("role") ?? throw new UsageException("users add 需要 --role（admin、bureau、operator 或 display）。\nusers add needs --role.");
                    var shops = ShopList(options.Value("shops"));
                    store.Accounts.AddUser(name, role, LoginPage.HashPassword(Password(options, input, output)), shops, actor, now);
                    output.WriteLine($"已添加用户：{name}（{Roles.ChineseName(role)}）{(shops.Count > 0 ? "，店铺：" + string.Join("、", shops) : "")}。在 /login 登录。");
                    return Task.FromResult(0);
                case ("password", [var name]):
                    store.Accounts.SetPassword(name, LoginPage.HashPassword(Password(options, input, output)), actor, now);
                    output.WriteLine($"已为用户“{name}”设置新密码。");
                    return Task.FromResult(0);
                case ("disable", [var name]):
                    store.Accounts.DisableUser(name, actor, now);
                    output.WriteLine($"已停用用户“{name}”：其登录会话立即失效。");
                    return Task.FromResult(0);
                default:
                    throw new UsageException("用法：users add NAME --role R [--shops A,B] [--password-stdin] | users list | users disable NAME | users password NAME\nUsage: users add|list|disable|password");
            }
        }
        catch (AccountException refused)
        {
            errors.WriteLine(refused.Message);
            return Task.FromResult(1);
        }
    }

    public static IReadOnlyList<string> ShopList(string? text) =>
        (text ?? "").Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>From standard input with --password-stdin (scripts); otherwise asked twice on the console, not echoed.</summary>
    private static string Password(CommandOptions options, TextReader input, TextWriter output)
    {
        string password;
        if (options.Has("password-stdin") || Console.IsInputRedirected)
        {
            password = input.ReadLine() ?? "";
        }
        else
        {
            output.Write("密码（至少 8 个字符）：");
            password = ReadHidden(output);
            output.Write("再输入一次：");
            if (ReadHidden(output) != password)
                throw new AccountException("两次输入的密码不一致，没有作任何更改。");
        }
        if (password.Length < 8)
            throw new AccountException("密码至少需要 8 个字符，没有作任何更改。");
        return password;
    }

    private static string ReadHidden(TextWriter output)
    {
        var typed = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && typed.Length > 0)
                typed.Length--;
            else if (!char.IsControl(key.KeyChar))
                typed.Append(key.KeyChar);
        }
        output.WriteLine();
        return typed.ToString();
    }
}
