using System.Text;

namespace Analytics.Tools.Demo;

/// <summary>The encodings the platforms' CSV files come in.</summary>
internal static class ExportEncodings
{
    /// <summary>Douyin's usual encoding.</summary>
    public static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>PDD's CSV.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>JD's files, and Douyin files an operator re-saved in Excel on Windows; no BOM.</summary>
    public static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030");
        }
    }

    public static StreamWriter Open(string path, Encoding encoding) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), encoding, 1 << 16);
}
