using System.IO.Compression;

namespace Analytics.Tests.Support;

/// <summary>Zips as seller back-ends and operators make them, including the ones the service must refuse.</summary>
internal static class ZipBytes
{
    public static byte[] Of(params (string Name, byte[] Bytes)[] members)
    {
        using var bytes = new MemoryStream();
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in members)
            {
                // Stored, not deflated: the patch in Encrypted must only ever meet header signatures.
                using var entry = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
                entry.Write(content);
            }
        }
        return bytes.ToArray();
    }

    /// <summary>
    /// The same zip with every member marked encrypted (bit 0 of the general-purpose flags, in the local and the central
    /// headers), as a zip made with a password reads to any tool that does not have it.
    /// </summary>
    public static byte[] Encrypted(params (string Name, byte[] Bytes)[] members)
    {
        var zip = Of(members);
        for (var i = 0; i + 4 <= zip.Length; i++)
        {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4)
                zip[i + 6] |= 1; // local file header: flags at offset 6
            else if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2)
                zip[i + 8] |= 1; // central directory header: flags at offset 8
        }
        return zip;
    }
}
