using System.Security.Cryptography;
using System.Text;

namespace Analytics.Ingestion.Normalising;

/// <summary>
/// Turns a buyer identifier into a keyed hash. The key lives outside the database, so a copied database
/// cannot be reversed by hashing candidate phone numbers or account names.
/// </summary>
public sealed class BuyerKeys(byte[] secret)
{
    public const string EnvironmentVariable = "ANALYTICS_BUYER_KEY";

    public string KeyFor(string platform, string identifier)
    {
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(platform + "\u001f" + identifier), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>The key from <see cref="EnvironmentVariable"/>, else from the key file, created with a random key on first use.</summary>
    public static BuyerKeys Load(string keyFile)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
            return new BuyerKeys(Encoding.UTF8.GetBytes(fromEnvironment.Trim()));
        if (!File.Exists(keyFile))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keyFile))!);
            File.WriteAllText(keyFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(32)) + "\n");
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        var text = File.ReadAllText(keyFile).Trim();
        if (text.Length < 16)
            throw new InvalidOperationException($"The buyer key file {keyFile} holds fewer than 16 characters; delete it to create a new key (buyer keys of earlier imports will then no longer match).");
        return new BuyerKeys(Encoding.UTF8.GetBytes(text));
    }
}
