using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Store;

/// <summary>The four roles, from the wall screen up to the bureau's IT.</summary>
public static class Roles
{
    /// <summary>Accounts, shops and settings, and everything the bureau may do.</summary>
    public const string Admin = "admin";

    /// <summary>Every figure, every report; withdraws any import.</summary>
    public const string Bureau = "bureau";

    /// <summary>Uploads to, and reads the imports and figures of, their own shops only.</summary>
    public const string Operator = "operator";

    /// <summary>The wall screen: its figures and nothing else.</summary>
    public const string Display = "display";

    public static readonly IReadOnlyList<string> All = [Admin, Bureau, Operator, Display];

    /// <summary>The role's name as the bureau says it.</summary>
    public static string ChineseName(string role) => role switch
    {
        Admin => "管理员",
        Bureau => "商务局",
        Operator => "店铺操作员",
        Display => "大屏",
        _ => role,
    };
}

/// <summary>
/// The people who log in and the API keys scripts and the wall display use, with the shops an operator may touch,
/// and the audit log. Passwords and keys arrive hashed: the store never sees either.
/// </summary>
public sealed class AccountBook
{
    private readonly AnalyticsStore _store;

    internal AccountBook(AnalyticsStore store) => _store = store;

    public UserAccount? User(string name)
    {
        using var connection = _store.Open();
        var user = connection.QuerySingleOrDefault<UserAccount>(
            """
            SELECT name AS Name, role AS Role, password_hash AS PasswordHash, created_at AS CreatedAt, created_by AS CreatedBy,
                   disabled_at AS DisabledAt
            FROM users WHERE name = @name
            """, new { name });
        return user is null ? null : user with { Shops = ShopsOf(connection, UserAccount.AccountOf(name)) };
    }

    public IReadOnlyList<UserAccount> Users()
    {
        using var connection = _store.Open();
        var users = connection.Query<UserAccount>(
            """
            SELECT name AS Name, role AS Role, '' AS PasswordHash, created_at AS CreatedAt, created_by AS CreatedBy, disabled_at AS DisabledAt
            FROM users ORDER BY name
            """).ToList();
        return users.Select(u => u with { Shops = ShopsOf(connection, UserAccount.AccountOf(u.Name)) }).ToList();
    }

    /// <summary>Adds a user; throws <see cref="AccountException"/> for a taken name, an unknown role or an unknown shop.</summary>
    public void AddUser(string name, string role, string passwordHash, IReadOnlyList<string> shops, string actor, string at)
    {
        CheckRole(role, shops);
        using var connection = _store.Open();
        using var transaction = connection.BeginTransaction();
        if (connection.ExecuteScalar<long>("SELECT count(*) FROM users WHERE name = @name", new { name }, transaction) > 0)
            throw new AccountException($"用户“{name}”已存在。");
        connection.Execute(
            "INSERT INTO users (name, role, password_hash, created_at, created_by) VALUES (@name, @role, @passwordHash, @at, @actor)",
            new { name, role, passwordHash, at, actor }, transaction);
        SetShops(connection, transaction, UserAccount.AccountOf(name), shops);
        Audit(connection, transaction, new AuditEntry(at, actor, "user-add", $"{name}（{Roles.ChineseName(role)}{ShopsText(shops)}）"));
        transaction.Commit();
    }

    public void SetPassword(string name, string passwordHash, string actor, string at)
    {
        using var connection = _store.Open();
        using var transaction = connection.BeginTransaction();
        if (connection.Execute("UPDATE users SET password_hash = @passwordHash WHERE name = @name", new { name, passwordHash }, transaction) == 0)
            throw new AccountException($"没有用户“{name}”。");
        Audit(connection, transaction, new AuditEntry(at, actor, "user-password", name));
        transaction.Commit();
    }

    /// <summary>Disables a user: their sessions end at their next request, their history stays.</summary>
    public void DisableUser(string name, string actor, string at)
    {
        using var connection = _store.Open();
        using var transaction = connection.BeginTransaction();
        if (connection.Execute("UPDATE users SET disabled_at = @at WHERE name = @name AND disabled_at IS NULL", new { name, at }, transaction) == 0)
            throw new AccountException($"没有可停用的用户“{name}”。");
        Audit(connection, transaction, new AuditEntry(at, actor, "user-disable", name));
        transaction.Commit();
    }

    /// <summary>The key with this SHA-256 hash, revoked or not.</summary>
    public ApiKeyAccount? KeyByHash(string keyHash)
    {
        using var connection = _store.Open();
        return WithShops(connection, connection.QuerySingleOrDefault<ApiKeyAccount>(SelectKeys + " WHERE key_hash = @keyHash", new { keyHash }));
    }

    public ApiKeyAccount? Key(long id)
    {
        using var connection = _store.Open();
        return WithShops(connection, connection.QuerySingleOrDefault<ApiKeyAccount>(SelectKeys + " WHERE id = @id", new { id }));
    }

    public IReadOnlyList<ApiKeyAccount> Keys()
    {
        using var connection = _store.Open();
        return connection.Query<ApiKeyAccount>(SelectKeys + " ORDER BY id").Select(k => WithShops(connection, k)!).ToList();
    }

    /// <summary>Records a new key by its hash and returns its id.</summary>
    public long AddKey(string name, string role, string keyHash, string keyStart, IReadOnlyList<string> shops, string actor, string at)
    {
        CheckRole(role, shops);
        using var connection = _store.Open();
        using var transaction = connection.BeginTransaction();
        var id = connection.ExecuteScalar<long>(
            """
            INSERT INTO api_keys (name, role, key_hash, key_start, created_at, created_by) VALUES (@name, @role, @keyHash, @keyStart, @at, @actor)
            RETURNING id
            """, new { name, role, keyHash, keyStart, at, actor }, transaction);
        SetShops(connection, transaction, ApiKeyAccount.AccountOf(id), shops);
        Audit(connection, transaction, new AuditEntry(at, actor, "key-create", $"#{id} {name}（{Roles.ChineseName(role)}{ShopsText(shops)}）"));
        transaction.Commit();
        return id;
    }

    /// <summary>Revokes the keys with this id (a number) or name; returns how many were revoked.</summary>
    public int RevokeKey(string idOrName, string actor, string at)
    {
        using var connection = _store.Open();
        using var transaction = connection.BeginTransaction();
        var id = long.TryParse(idOrName, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : (long?)null;
        var revoked = connection.Execute(
            "UPDATE api_keys SET revoked_at = @at, revoked_by = @actor WHERE revoked_at IS NULL AND (id = @id OR name = @idOrName)",
            new { at, actor, id, idOrName }, transaction);
        if (revoked > 0)
            Audit(connection, transaction, new AuditEntry(at, actor, "key-revoke", $"{idOrName}（{revoked} 个）"));
        transaction.Commit();
        return revoked;
    }

    public void Audit(AuditEntry entry)
    {
        using var connection = _store.Open();
        Audit(connection, null, entry);
    }

    /// <summary>The audit log, newest first.</summary>
    public IReadOnlyList<AuditEntry> AuditLog(int limit)
    {
        using var connection = _store.Open();
        return connection.Query<AuditEntry>(
            "SELECT at AS At, actor AS Actor, action AS Action, detail AS Detail, remote AS Remote FROM audit_log ORDER BY id DESC LIMIT @limit",
            new { limit }).ToList();
    }

    private const string SelectKeys = """
        SELECT id AS Id, name AS Name, role AS Role, key_start AS KeyStart, created_at AS CreatedAt, created_by AS CreatedBy,
               revoked_at AS RevokedAt, revoked_by AS RevokedBy
        FROM api_keys
        """;

    private static void Audit(SqliteConnection connection, SqliteTransaction? transaction, AuditEntry entry) =>
        connection.Execute("INSERT INTO audit_log (at, actor, action, detail, remote) VALUES (@At, @Actor, @Action, @Detail, @Remote)",
            entry, transaction);

    private void CheckRole(string role, IReadOnlyList<string> shops)
    {
        if (!Roles.All.Contains(role))
            throw new AccountException($"不认识的角色“{role}”；可用：{string.Join("、", Roles.All.Select(r => $"{r}（{Roles.ChineseName(r)}）"))}。");
        if (role == Roles.Operator && shops.Count == 0)
            throw new AccountException("店铺操作员必须指定可操作的店铺（--shops 店铺A,店铺B）。");
        if (role != Roles.Operator && shops.Count > 0)
            throw new AccountException($"只有店铺操作员（operator）按店铺授权；{Roles.ChineseName(role)}不需要 --shops。");
        using var connection = _store.Open();
        var unknown = shops.Where(shop => connection.ExecuteScalar<long>("SELECT count(*) FROM shops WHERE shop = @shop", new { shop }) == 0).ToList();
        if (unknown.Count > 0)
            throw new AccountException($"没有登记这些店铺：{string.Join("、", unknown)}（shops list 列出全部店铺；shops add 登记新店铺）。");
    }

    private static void SetShops(SqliteConnection connection, SqliteTransaction transaction, string account, IReadOnlyList<string> shops)
    {
        foreach (var shop in shops.Distinct(StringComparer.Ordinal))
            connection.Execute("INSERT INTO account_shops (account, shop) VALUES (@account, @shop)", new { account, shop }, transaction);
    }

    private static List<string> ShopsOf(SqliteConnection connection, string account) =>
        connection.Query<string>("SELECT shop FROM account_shops WHERE account = @account ORDER BY shop", new { account }).ToList();

    private static ApiKeyAccount? WithShops(SqliteConnection connection, ApiKeyAccount? key) =>
        key is null ? null : key with { Shops = ShopsOf(connection, ApiKeyAccount.AccountOf(key.Id)) };

    private static string ShopsText(IReadOnlyList<string> shops) => shops.Count == 0 ? "" : $"，店铺：{string.Join("、", shops)}";
}

public sealed record UserAccount
{
    public required string Name { get; init; }
    public required string Role { get; init; }

    /// <summary>ASP.NET Core's PasswordHasher output; never shown.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string PasswordHash { get; init; } = "";
    public required string CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public string? DisabledAt { get; init; }
    public IReadOnlyList<string> Shops { get; init; } = [];

    internal static string AccountOf(string name) => $"user:{name}";
}

public sealed record ApiKeyAccount
{
    public long Id { get; init; }
    public required string Name { get; init; }
    public required string Role { get; init; }

    /// <summary>The key's first characters, so keys can be told apart; the key itself is never stored.</summary>
    public required string KeyStart { get; init; }
    public required string CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public string? RevokedAt { get; init; }
    public string? RevokedBy { get; init; }
    public IReadOnlyList<string> Shops { get; init; } = [];

    internal static string AccountOf(long id) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"key:{id}");
}

public sealed record AuditEntry(string At, string Actor, string Action, string Detail, string? Remote = null);

/// <summary>An account change that cannot be made, said so the admin can act on it.</summary>
public sealed class AccountException(string message) : Exception(message);
