using System.IO.Compression;

namespace Analytics.Ingestion.Tables;

/// <summary>Tells a zip of files (how 抖店 and 千牛 hand out some downloads) from an XLSX workbook, which is a zip as well.</summary>
internal static class ZipContainer
{
    /// <summary>A local file header (<c>PK\x03\x04</c>), or the end record of an empty zip (<c>PK\x05\x06</c>).</summary>
    public static bool HasZipSignature(ReadOnlySpan<byte> head) =>
        head.Length >= 4 && head[0] == 'P' && head[1] == 'K' && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));

    /// <summary>
    /// True when the zip opens and is not an Office package (every XLSX has <c>[Content_Types].xml</c>). A zip that does
    /// not open is left to the workbook reader, which says the file is damaged.
    /// </summary>
    public static bool IsZipOfFiles(Stream stream)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            return !zip.Entries.Any(e => e.FullName == "[Content_Types].xml");
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
