using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Analytics.Ingestion.Tables;

/// <summary>Reads a delimited text export row by row with a real CSV parser (quoted cells may hold commas, tabs and line breaks).</summary>
internal static class CsvRows
{
    public static IEnumerable<RawRow> Read(string path, ExportFileText text)
    {
        var delimiter = DetectDelimiter(path, text);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            HasHeaderRecord = false,
            BadDataFound = null,
            MissingFieldFound = null,
            IgnoreBlankLines = false,
            DetectColumnCountChanges = false,
            TrimOptions = TrimOptions.None,
            CountBytes = false,
        };
        using var reader = new StreamReader(path, text.Encoding!, detectEncodingFromByteOrderMarks: false, 1 << 16);
        if (reader.Peek() == '\uFEFF')
            reader.Read(); // a UTF-8 BOM decodes to U+FEFF (UTF-16 readers drop theirs); the first header must be clean
        using var parser = new CsvParser(reader, config);
        var lastRawRow = 0;
        Func<int, string?> cell = i => parser[i];
        while (parser.Read())
        {
            var line = lastRawRow + 1;
            lastRawRow = parser.RawRow;
            yield return new RawRow(line, parser.Count, cell);
        }
    }

    /// <summary>Comma unless the first lines are clearly tab-separated (Excel's "Unicode text" save).</summary>
    private static string DetectDelimiter(string path, ExportFileText text)
    {
        using var reader = new StreamReader(path, text.Encoding!, detectEncodingFromByteOrderMarks: true);
        int commas = 0, tabs = 0;
        for (var i = 0; i < 20 && reader.ReadLine() is { } line; i++)
        {
            var inQuotes = false;
            foreach (var c in line)
            {
                if (c == '"') inQuotes = !inQuotes;
                else if (!inQuotes && c == ',') commas++;
                else if (!inQuotes && c == '\t') tabs++;
            }
        }
        return tabs > commas ? "\t" : ",";
    }
}
