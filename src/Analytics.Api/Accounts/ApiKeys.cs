using System.Security.Cryptography;
using System.Text;

namespace Analytics.Api.Accounts;

/// <summary>
/// API keys: 256 random bits, shown once when made and stored only as their SHA-256 (a key has far too much entropy
/// for a slow password hash to add anything, and every request checks one).
/// </summary>
internal static class ApiKeys
{
    private const string Prefix = "cek_";

    public static string New() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim())));

    /// <summary>The part an admin sees in key lists to tell keys apart.</summary>
    public static string Start(string key) => key[..Math.Min(key.Length, Prefix.Length + 6)];
}
