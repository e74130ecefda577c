using System.Text;

namespace Analytics.Tests.Support;

/// <summary>
/// Builds export files byte for byte as seller back-ends write them: a header, rows whose cells are placed by
/// column name (others get the platform's placeholder), quoting as a real CSV writer does, in the file's encoding.
/// </summary>
internal sealed class ExportBytes(IReadOnlyList<string> header, string placeholder = "")
{
    static ExportBytes() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private readonly List<string> _lines = [];
    private readonly List<string> _before = [];
    private readonly List<string> _after = [];

    public static Encoding Gbk => Encoding.GetEncoding("GB18030");

    public ExportBytes Row(params (string Column, string Value)[] cells)
    {
        var values = header.Select(_ => placeholder).ToArray();
        foreach (var (column, value) in cells)
        {
            var index = header.ToList().IndexOf(column);
            if (index < 0)
                throw new ArgumentException($"The header has no column {column}.", nameof(cells));
            values[index] = value;
        }
        _lines.Add(string.Join(',', values.Select(Quote)));
        return this;
    }

    /// <summary>A raw line above the header (title rows such as 名称：…).</summary>
    public ExportBytes TitleLine(string line)
    {
        _before.Add(line);
        return this;
    }

    /// <summary>A raw line after the data (总计 rows).</summary>
    public ExportBytes TrailingLine(string line)
    {
        _after.Add(line);
        return this;
    }

    public string Text() =>
        string.Join("\r\n", _before.Append(string.Join(',', header.Select(Quote))).Concat(_lines).Concat(_after)) + "\r\n";

    public byte[] Utf8WithBom() => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Text())];

    public byte[] Utf8() => Encoding.UTF8.GetBytes(Text());

    public byte[] Gb18030() => Gbk.GetBytes(Text());

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n', '\t']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
