using System.Text;

namespace Analytics.Tests.Support;

/// <summary>The committed sample-data/ exports, and the same content in other bytes (as a re-saved or re-downloaded file).</summary>
internal static class SampleFiles
{
    static SampleFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Folder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "sample-data");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException("sample-data/ not found above the test binaries.");
    }

    public static string Path(string shop, string file) => System.IO.Path.Combine(Folder(), shop, file);

    /// <summary>A shop folder's exports in export order; a hand-written folder's README.md describes them and is none.</summary>
    public static IEnumerable<string> Exports(string shopFolder) =>
        Directory.GetFiles(shopFolder).Where(f => System.IO.Path.GetFileName(f) != "README.md").Order(StringComparer.Ordinal);

    public static byte[] Bytes(string shop, string file) => File.ReadAllBytes(Path(shop, file));

    /// <summary>The same text in another encoding: UTF-8 files become GB18030, GBK files UTF-8 with a BOM. Same data, another SHA-256.</summary>
    public static byte[] ReEncoded(string shop, string file)
    {
        var bytes = Bytes(shop, file);
        var hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, hasBom ? 3 : 0, bytes.Length - (hasBom ? 3 : 0));
            return Encoding.GetEncoding("GB18030").GetBytes(text);
        }
        catch (DecoderFallbackException)
        {
            var text = Encoding.GetEncoding("GB18030").GetString(bytes);
            return [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)];
        }
    }
}
