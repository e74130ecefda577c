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
            Create(keyFile);
        var text = File.ReadAllText(keyFile).Trim();
        if (text.Length < 16)
            throw new InvalidOperationException($"The buyer key file {keyFile} holds fewer than 16 characters; delete it to create a new key (buyer keys of earlier imports will then no longer match).");
        return new BuyerKeys(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>
    /// A new random key, readable and writable by its owner only (mode 600) from the moment it exists: written to a
    /// file created with that mode, then moved into place, so no other account ever sees the key and no reader sees half
    /// of one. Two processes starting at once keep whichever key landed first. On Windows the folder's ACL decides.
    /// </summary>
    private static void Create(string keyFile)
    {
        var path = Path.GetFullPath(keyFile);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var draft = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using (var writer = new StreamWriter(draft, Encoding.ASCII, options))
                writer.Write(Convert.ToHexString(RandomNumberGenerator.GetBytes(32)) + "\n");
            File.Move(draft, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process made the key first: use that one.
        }
        finally
        {
            File.Delete(draft);
        }
    }
}
