namespace Analytics.Store;

/// <summary>
/// Every landed file, kept by its SHA-256 (<c>archive/ab/ab12….csv</c>): what a rebuild makes the database from again,
/// and what a withdrawal replays. The same bytes are kept once, however often they are imported.
/// </summary>
public sealed class ExportArchive(string root)
{
    private static readonly string[] KnownExtensions = [".csv", ".txt", ".tsv", ".xlsx", ".xls", ".zip"];

    public string Root => root;

    /// <summary>Copies the file in unless these bytes are kept already; returns its place relative to the archive.</summary>
    public string Keep(string path, string sha256, string fileName)
    {
        var relative = RelativePath(sha256, fileName);
        var target = FullPath(relative);
        if (File.Exists(target))
            return relative;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Copied aside and moved into place, so a crash never leaves a half file under the final name.
        var partial = target + $".{Guid.NewGuid():N}.partial";
        File.Copy(path, partial);
        File.Move(partial, target, overwrite: true);
        return relative;
    }

    /// <summary>The kept copy, or null when the archive does not have it (a database from before the archive).</summary>
    public string? Find(string? relative) => relative is not null && File.Exists(FullPath(relative)) ? FullPath(relative) : null;

    /// <summary>Whether the archive keeps the import's file, and the other file of a two-file import.</summary>
    public bool HasEveryFileOf(Ingestion.Importing.ImportReceipt import) =>
        Find(import.ArchivedAs) is not null && (import.CompanionSha256 is null || Find(import.CompanionArchivedAs) is not null);

    public string FullPath(string relative) => Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static string RelativePath(string sha256, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return $"{sha256[..2]}/{sha256}{(KnownExtensions.Contains(extension) ? extension : "")}";
    }
}
