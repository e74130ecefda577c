using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace Analytics.Tests.Demo;

/// <summary>
/// An export file read back independently of the generator (and of the importer): decoded, parsed, the header
/// found by name, title and 总计 rows dropped.
/// </summary>
public sealed class ExportTable
{
    private static readonly string[] HeaderMarkers = ["主订单编号", "订单号"];

    private readonly Dictionary<string, int> _columns;

    private ExportTable(string[] header, List<string[]> rows, string? title, string[]? totalRow)
    {
        Header = header;
        Rows = rows;
        Title = title;
        TotalRow = totalRow;
        _columns = header.Select((h, i) => (Name: HalfWidth(h), i)).GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.First().i);
    }

    public string[] Header { get; }

    public List<string[]> Rows { get; }

    /// <summary>The first cell of a row above the header, if any.</summary>
    public string? Title { get; }

    public string[]? TotalRow { get; }

    public bool Has(string column) => _columns.ContainsKey(HalfWidth(column));

    /// <summary>The cell's text without the TAB and <c>="…"</c> protections; null for empty and <c>-</c>.</summary>
    public string? Get(string[] row, string column)
    {
        var raw = row[_columns[HalfWidth(column)]];
        var text = raw.Trim('\t', ' ');
        if (text.StartsWith("=\"", StringComparison.Ordinal) && text.EndsWith('"'))
        {
            text = text[2..^1];
        }

        return text is "" or "-" ? null : text;
    }

    public string Raw(string[] row, string column) => row[_columns[HalfWidth(column)]];

    public static ExportTable Read(string path) =>
        path.EndsWith(".xlsx", StringComparison.Ordinal) ? From(ReadXlsx(path)) : From(Csv.Parse(Decode(File.ReadAllBytes(path))));

    public static bool HasUtf8Bom(byte[] bytes) => bytes is [0xEF, 0xBB, 0xBF, ..];

    /// <summary>UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GB18030.</summary>
    public static string Decode(byte[] bytes)
    {
        if (HasUtf8Bom(bytes))
        {
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Gb18030.GetString(bytes);
        }
    }

    public static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030");
        }
    }

    /// <summary>The rows of the workbook's only sheet, read with ExcelDataReader (the library the importer uses).</summary>
    public static List<string[]> ReadXlsx(string path) => ReadXlsx(path, out _);

    public static List<string[]> ReadXlsx(string path, out string[] sheetNames)
    {
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var rows = new List<string[]>();
        var names = new List<string>();
        do
        {
            names.Add(reader.Name);
            while (reader.Read())
            {
                rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i) as string ?? "").ToArray());
            }
        }
        while (reader.NextResult());

        sheetNames = [.. names];
        return rows;
    }

    private static ExportTable From(List<string[]> records)
    {
        var headerAt = records.FindIndex(r => r.Any(c => HeaderMarkers.Contains(c)));
        var title = headerAt > 0 ? records[0][0] : null;
        var rows = records.Skip(headerAt + 1).ToList();
        var total = rows.Count > 0 && rows[^1][0] is "总计" or "合计" ? rows[^1] : null;
        if (total is not null)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return new ExportTable(records[headerAt], rows, title, total);
    }

    private static string HalfWidth(string header) => header.Replace('（', '(').Replace('）', ')');

    public static long Fen(string yuan) => (long)(decimal.Parse(yuan, CultureInfo.InvariantCulture) * 100m);
}
