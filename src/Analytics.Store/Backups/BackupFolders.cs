using System.Globalization;

namespace Analytics.Store.Backups;

/// <summary>The backups in a backups folder, <c>analytics-backup-yyyyMMdd-HHmmss/</c>, by the Beijing time each was taken.</summary>
public static class BackupFolders
{
    private const string Prefix = "analytics-backup-";
    private const string StampFormat = "yyyyMMdd-HHmmss";

    /// <summary>Finished backups (never a <c>.partial</c> one), oldest first.</summary>
    public static IReadOnlyList<(string Folder, DateTime TakenAt)> List(string backupsFolder)
    {
        if (!Directory.Exists(backupsFolder))
            return [];
        return Directory.EnumerateDirectories(backupsFolder, Prefix + "*")
            .Select(folder => (Folder: folder, Name: Path.GetFileName(folder)))
            .Where(f => f.Name.Length >= Prefix.Length + StampFormat.Length && File.Exists(Path.Combine(f.Folder, BackupManifest.FileName)))
            .Select(f => (f.Folder, Parsed: DateTime.TryParseExact(f.Name.AsSpan(Prefix.Length, StampFormat.Length), StampFormat,
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : (DateTime?)null))
            .Where(f => f.Parsed is not null && !f.Folder.EndsWith(".partial", StringComparison.Ordinal))
            .Select(f => (f.Folder, TakenAt: f.Parsed!.Value))
            .OrderBy(f => f.TakenAt).ThenBy(f => f.Folder, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Deletes all but the newest <paramref name="keep"/> backups; returns the folders deleted. The shared archive stays.</summary>
    public static IReadOnlyList<string> Prune(string backupsFolder, int keep)
    {
        var all = List(backupsFolder);
        var old = all.Take(Math.Max(0, all.Count - keep)).Select(b => b.Folder).ToList();
        foreach (var folder in old)
            Directory.Delete(folder, recursive: true);
        return old;
    }

    internal static string NewFolder(string backupsFolder, DateTimeOffset takenAt)
    {
        var folder = Path.Combine(Path.GetFullPath(backupsFolder), Prefix + takenAt.ToString(StampFormat, CultureInfo.InvariantCulture));
        // Two backups in one second (a scheduled one and one by hand) each keep their own folder.
        var candidate = folder;
        for (var n = 2; Directory.Exists(candidate); n++)
            candidate = $"{folder}-{n}";
        return candidate;
    }

    public static string Size(long bytes) => bytes >= 1 << 20
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:N1} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{(bytes + 1023) / 1024:N0} KB");
}
