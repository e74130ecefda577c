using System.Text.Json;

namespace Analytics.Store.Backups;

/// <summary>
/// <c>manifest.json</c> in a backup's folder: when it was taken, of which database, and what it holds, so a person choosing
/// a backup to restore sees its figures without opening it.
/// </summary>
public sealed record BackupManifest
{
    public const string FileName = "manifest.json";
    public const string DatabaseFileName = "analytics.db";
    public const string BuyerKeyFileName = "buyer-key";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Beijing time, <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    public required string TakenAt { get; init; }

    /// <summary>The database it is a copy of (full path).</summary>
    public required string Database { get; init; }

    public long Orders { get; init; }
    public long Imports { get; init; }
    public long LandedImports { get; init; }
    public long DatabaseBytes { get; init; }

    /// <summary>The archive of landed files, relative to the backup's folder: shared by every backup in the backups folder.</summary>
    public string ArchiveFolder { get; init; } = "../archive";

    public long ArchiveFiles { get; init; }
    public long ArchiveBytes { get; init; }

    /// <summary>How many archive files this backup copied; the rest earlier backups had copied already.</summary>
    public long ArchiveFilesCopied { get; init; }

    /// <summary>Landed files the service's own archive had lost (a rebuild or withdrawal of those imports will be refused).</summary>
    public IReadOnlyList<string> ArchiveMissing { get; init; } = [];

    /// <summary>The buyer-key file's name in the backup, or null: the key came from ANALYTICS_BUYER_KEY, or no import had made one yet.</summary>
    public string? BuyerKey { get; init; }

    public void WriteTo(string folder) => File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json));

    /// <summary>The manifest of a backup folder, or null when the folder holds none (or not a readable one).</summary>
    public static BackupManifest? ReadFrom(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
            return null;
        try
        {
            return JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(path), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
