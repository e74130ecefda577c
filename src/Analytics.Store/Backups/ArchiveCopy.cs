namespace Analytics.Store.Backups;

/// <summary>
/// Copies an archive of landed files into another, file by file, skipping those already there: a landed file is named by
/// its SHA-256 and never changes, so a file of the same name and length is the same file.
/// </summary>
internal static class ArchiveCopy
{
    public static (long Files, long Bytes, long Copied) CopyMissing(string from, string to)
    {
        long files = 0, bytes = 0, copied = 0;
        if (!Directory.Exists(from))
            return (0, 0, 0);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            if (file.EndsWith(".partial", StringComparison.Ordinal))
                continue; // an archive copy that a crash cut short
            var length = new FileInfo(file).Length;
            files++;
            bytes += length;
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            if (File.Exists(target) && new FileInfo(target).Length == length)
                continue;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            // Copied aside and moved into place, so a cut-off copy never stands under a landed file's name.
            var partial = target + ".partial";
            File.Copy(file, partial, overwrite: true);
            File.Move(partial, target, overwrite: true);
            copied++;
        }
        return (files, bytes, copied);
    }
}
