using System.IO.Compression;

namespace Analytics.Tools.Demo;

/// <summary>
/// Re-packs a zip (an XLSX) with fixed entry timestamps: the packaging library stamps entries with the current
/// time, which would make two runs with the same seed differ.
/// </summary>
internal static class DeterministicZip
{
    public static void Copy(Stream source, string path, DateTime stamp)
    {
        source.Position = 0;
        using var input = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
        using var output = new ZipArchive(file, ZipArchiveMode.Create);
        var time = new DateTimeOffset(stamp, TimeSpan.FromHours(8));
        foreach (var entry in input.Entries)
        {
            var copy = output.CreateEntry(entry.FullName, CompressionLevel.Fastest);
            copy.LastWriteTime = time;
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
    }
}
