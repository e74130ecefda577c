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
    private static readonly string[] HeaderMarkers = ["主订单编号", "订单号", "订单编号"];

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
        path.EndsWith(".xlsx", StringComparison.Ordinal) ? From(ReadXlsx(path)) : FromCsv(File.ReadAllBytes(path));

    /// <summary>The tables of a file: itself, or each CSV member of a zip in name order.</summary>
    public static IEnumerable<ExportTable> ReadAll(string path)
    {
        if (!path.EndsWith(".zip", StringComparison.Ordinal))
        {
            yield return Read(path);
            yield break;
        }

        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        foreach (var entry in zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            using var bytes = new MemoryStream();
            using (var member = entry.Open())
            {
                member.CopyTo(bytes);
            }

            yield return FromCsv(bytes.ToArray());
        }
    }

    public static ExportTable FromCsv(byte[] bytes) => From(Csv.Parse(Decode(bytes)));

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
        // A workbook's later sheets repeat the header (快手): those rows are headers, not orders.
        var header = records[headerAt];
        var rows = records.Skip(headerAt + 1).Where(r => !r.SequenceEqual(header)).ToList();
        var total = rows.Count > 0 && rows[^1][0] is "总计" or "合计" ? rows[^1] : null;
        if (total is not null)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return new ExportTable(header, rows, title, total);
    }

    // 千牛 ends six header names with a space (订单付款时间 ): a column is found by its name alone.
    private static string HalfWidth(string header) => header.Replace('（', '(').Replace('）', ')').Trim();

    /// <summary>Yuan text as fen, with 快手's <c>¥1,279.90</c> and 千牛's <c>90.00元</c> spellings.</summary>
    public static long Fen(string yuan) =>
        (long)(decimal.Parse(yuan.Replace("¥", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).TrimEnd('元'),
            CultureInfo.InvariantCulture) * 100m);
}
