using System.Text.RegularExpressions;
using Analytics.Ingestion.Normalising;
using Analytics.Ingestion.Tables;

namespace Analytics.Ingestion.Formats;

/// <summary>
/// An export file seen as its format, header and data rows: title rows above the header are read for a shop name,
/// 总计/合计 rows are dropped and counted, and every worksheet of a workbook is read with its own header.
/// </summary>
internal sealed partial class ExportDocument : IDisposable
{
    private readonly IEnumerator<RawRow> _rows;
    private readonly ProvinceDirectory _provinces;
    private readonly ExportCatalog _formats;
    private readonly List<ExportReader> _readers = [];
    private RawRow? _pending;

    private int[] _eventTimeColumns;

    private ExportDocument(IEnumerator<RawRow> rows, ProvinceDirectory provinces, ExportCatalog formats, ExportFormat format, HeaderRow header, TitleFacts title)
    {
        _rows = rows;
        _provinces = provinces;
        _formats = formats;
        Format = format;
        Header = header;
        Reader = format.Bind(header, provinces);
        _readers.Add(Reader);
        _eventTimeColumns = EventTimeColumns(format, header);
        ShopInTitle = title.Shop;
        ExportedAtInTitle = title.ExportedAt;
    }

    public ExportFormat Format { get; }
    public HeaderRow Header { get; private set; }
    public ExportReader Reader { get; private set; }

    /// <summary>A shop named in a title row above the header (店铺：…), if any.</summary>
    public string? ShopInTitle { get; }

    /// <summary>An export time stated in a title row above the header (导出时间：…), as stored text.</summary>
    public string? ExportedAtInTitle { get; }

    public int SummaryRows { get; private set; }

    /// <summary>What the readers of every sheet had to assume, once each (see <see cref="ExportReader.Notes"/>).</summary>
    public IEnumerable<string> ReaderNotes => _readers.SelectMany(r => r.Notes).Distinct(StringComparer.Ordinal);

    /// <param name="formats">The exports to recognise; the built-in readers when not given.</param>
    public static ExportDocument Open(IEnumerable<RawRow> rows, ProvinceDirectory provinces, ExportCatalog? formats = null)
    {
        formats ??= ExportCatalog.BuiltIn;
        var enumerator = rows.GetEnumerator();
        try
        {
            var (format, header, title) = FindHeader(enumerator, formats, sheet: null);
            return new ExportDocument(enumerator, provinces, formats, format, header, title);
        }
        catch
        {
            enumerator.Dispose();
            throw;
        }
    }

    /// <summary>The data rows with the header and reader that apply to each.</summary>
    public IEnumerable<(RawRow Row, HeaderRow Header, ExportReader Reader)> DataRows()
    {
        var sheet = Header.Row.Sheet;
        while (_pending is not null || _rows.MoveNext())
        {
            var row = _pending ?? _rows.Current;
            _pending = null;
            if (row.Sheet != sheet)
            {
                // Each worksheet repeats the header (large exports are split over sheets); it may differ in columns.
                sheet = row.Sheet;
                var (format, header, _) = FindHeader(_rows, _formats, sheet, first: row);
                if (format != Format)
                    throw new ExportRejectedException(
                        $"工作表“{sheet}”是{format.Name}，但这个工作簿的第一张表是{Format.Name}。请把每种导出分别放在单独的文件中。",
                        $"Sheet '{sheet}' holds a {format.Name}, but the workbook began with a {Format.Name}; put each export in its own file.");
                Header = header;
                Reader = format.Bind(header, _provinces);
                _readers.Add(Reader);
                _eventTimeColumns = EventTimeColumns(format, header);
                continue;
            }
            if (row.IsBlank || IsRepeatedHeader(row))
                continue;
            if (IsSummary(row))
            {
                SummaryRows++;
                continue;
            }
            yield return (row, Header, Reader);
        }
    }

    /// <summary>The latest event time written in a data row, as stored text; cells that are not times are passed over.</summary>
    public string? LatestEventTime(RawRow row)
    {
        string? latest = null;
        foreach (var column in _eventTimeColumns)
        {
            if (column >= row.Count || CellText.Clean(row[column]) is not { } text)
                continue;
            // Most exports write the stored form already; only other spellings are parsed.
            var time = text.Length == 19 && text[4] == '-' && text[10] == ' ' ? text
                : BeijingTime.TryParse(text, out var parsed) ? BeijingTime.Format(parsed) : null;
            if (time is not null && (latest is null || string.CompareOrdinal(time, latest) > 0))
                latest = time;
        }
        return latest;
    }

    private static int[] EventTimeColumns(ExportFormat format, HeaderRow header) =>
        Enumerable.Range(0, header.Names.Count).Where(i => header.Names[i].Length > 0 && format.IsEventTime(header.Names[i])).ToArray();

    private bool IsRepeatedHeader(RawRow row)
    {
        if (row.Count != Header.Names.Count)
            return false;
        for (var i = 0; i < row.Count; i++)
        {
            if (HeaderText.Normalise(row[i]) != Header.Names[i])
                return false;
        }
        return true;
    }

    private static bool IsSummary(RawRow row) =>
        CellText.Clean(row.FirstText()) is { } first && (first.StartsWith("总计", StringComparison.Ordinal) || first.StartsWith("合计", StringComparison.Ordinal));

    private static (ExportFormat Format, HeaderRow Header, TitleFacts Title) FindHeader(IEnumerator<RawRow> rows, ExportCatalog formats, string? sheet,
        RawRow? first = null)
    {
        string? shop = null, exportedAt = null;
        for (var seen = 0; seen < ExportFormats.HeaderSearchRows; seen++)
        {
            RawRow row;
            if (first is not null)
            {
                row = first;
                first = null;
            }
            else if (rows.MoveNext())
            {
                row = rows.Current;
            }
            else
            {
                break;
            }
            if (formats.Recognise(row) is { } found)
                return (found.Format, found.Header, new TitleFacts(shop, exportedAt));
            var cells = row.Snapshot().Cells;
            shop ??= cells.Select(c => c is null ? null : ShopTitle().Match(c)).FirstOrDefault(m => m is { Success: true })?.Groups[1].Value.Trim();
            exportedAt ??= cells.Select(c => c is null ? null : ExportTimeTitle().Match(c)).FirstOrDefault(m => m is { Success: true }) is { } at &&
                           BeijingTime.TryParse(at.Groups[1].Value.Trim(), out var time) ? BeijingTime.Format(time) : null;
        }
        throw formats.NotRecognised(sheet);
    }

    [GeneratedRegex(@"^\s*店铺(?:名称)?\s*[:：]\s*(\S.*)$")]
    private static partial Regex ShopTitle();

    [GeneratedRegex(@"导出时间\s*[:：]\s*(\d{4}.+)$")]
    private static partial Regex ExportTimeTitle();

    private sealed record TitleFacts(string? Shop, string? ExportedAt);

    public void Dispose() => _rows.Dispose();
}
