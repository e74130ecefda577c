using System.Buffers;
using System.Text;

namespace Analytics.Api.Demo;

/// <summary>
/// Writes CSV rows the way a real CSV writer does: a cell with a comma, quote, CR, LF or TAB is quoted and its
/// quotes doubled. That is also what turns Douyin's TAB-prefixed ids into <c>"\t6937…"</c>.
/// </summary>
internal sealed class CsvRowWriter(TextWriter writer)
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n\t");

    public void Write(IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            var cell = cells[i];
            if (cell.AsSpan().IndexOfAny(NeedsQuotes) < 0)
            {
                writer.Write(cell);
                continue;
            }

            writer.Write('"');
            writer.Write(cell.Replace("\"", "\"\"", StringComparison.Ordinal));
            writer.Write('"');
        }

        writer.Write("\r\n");
    }
}

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
