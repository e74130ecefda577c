using Analytics.Ingestion.Formats;
using Analytics.Ingestion.Normalising;
using Analytics.Ingestion.Orders;
using Analytics.Ingestion.Tables;

namespace Analytics.Ingestion.Importing;

/// <summary>
/// The file or files one import reads, opened: an export file, or the orders file of a two-file export with its items
/// file. Says what the import is (its platform, layout, encoding, drift) and gives its rows, joined where there are two.
/// </summary>
internal sealed class OpenedExport : IDisposable
{
    private OpenedExport(ExportFile file, ExportFileText text, ExportFile? companionFile, ExportFileText? companionText)
    {
        (File, Text, CompanionFile, CompanionText) = (file, text, companionFile, companionText);
    }

    public ExportFile File { get; }
    public ExportFileText Text { get; }
    public ExportFile? CompanionFile { get; }
    public ExportFileText? CompanionText { get; }
    public ExportDocument? Document { get; private set; }
    public ExportDocument? Companion { get; private set; }

    /// <summary>Hashes the file (and its companion) and decides their encodings; nothing is parsed yet.</summary>
    public static OpenedExport Inspect(ExportFile file, ExportFile? companion)
    {
        var text = ExportFileText.Inspect(file.Path);
        if (text.Container == ExportContainer.Zip)
        {
            throw new ExportRejectedException(
                $"“{file.Name}”是压缩包，不是导出文件。请用 import 命令、收件箱或上传页导入它：其中每个导出文件会分别导入。",
                $"'{file.Name}' is a zip, not an export. Import it with the import command, the inbox or the upload page, which import each export inside it.");
        }
        return new OpenedExport(file, text, companion, companion is null ? null : ExportFileText.Inspect(companion.Path));
    }

    /// <summary>Finds each file's header; a pair must be an orders file and the items file of the same platform's export.</summary>
    public void Open(ProvinceDirectory provinces, ExportCatalog? formats = null)
    {
        Document = ExportDocument.Open(Rows(File.Path, Text), provinces, formats);
        if (CompanionFile is null)
            return;
        Companion = ExportDocument.Open(Rows(CompanionFile.Path, CompanionText!), provinces, formats);
        if (Document.Reader.Part != ExportPart.Orders || Companion.Reader.Part != ExportPart.Items || Document.Format.Platform != Companion.Format.Platform)
        {
            throw new ExportRejectedException(
                $"“{File.Name}”（{Document.Format.Name}）和“{CompanionFile.Name}”（{Companion.Format.Name}）不是同一份导出的订单报表和宝贝报表，不能合在一起导入。请分别导入。",
                $"'{File.Name}' ({Document.Format.Name}) and '{CompanionFile.Name}' ({Companion.Format.Name}) are not the orders file and the items file of one export; import them one by one.");
        }
    }

    public ExportFormat Format => Document!.Format;

    /// <summary>The items file alone, to complete orders already stored.</summary>
    public bool IsItemsOnly => Document!.Reader.Part == ExportPart.Items;

    /// <summary>The items file that would complete these orders, when this is an orders file without it.</summary>
    public string? ItemsFileAwaited => Document!.Reader.Part == ExportPart.Orders && Companion is null
        ? Format.CompanionFileName(File.Name) ?? "ExportOrderDetailList….csv"
        : null;

    /// <summary>The orders file an items file alone needs, named as the platform names it.</summary>
    public string OrdersFileNeeded => Format.CompanionFileName(File.Name) ?? "ExportOrderList….csv";

    public string Layout
    {
        get
        {
            var layout = Companion is null ? Document!.Reader.Layout : $"{Document!.Reader.Layout} + {Companion.Reader.Layout}";
            return Document.Reader.Variant is { } variant ? $"{layout}，{variant}" : layout;
        }
    }

    public string EncodingName => CompanionText is null || CompanionText.EncodingName == Text.EncodingName
        ? Text.EncodingName
        : $"{Text.EncodingName} / {CompanionText.EncodingName}";

    public int SummaryRows => Document!.SummaryRows + (Companion?.SummaryRows ?? 0);

    public string MissingColumns => string.Join("、", Drifts.SelectMany(d => d.Missing));

    public string NewColumns => string.Join("、", Drifts.SelectMany(d => d.Added));

    private IEnumerable<ColumnDrift> Drifts => Companion is null ? [Document!.Reader.Drift] : [Document!.Reader.Drift, Companion.Reader.Drift];

    /// <summary>
    /// The rows to assemble into orders. The parts of a two-file export go through <see cref="OrderItemsJoin"/>, alone or
    /// together, which also keeps one row per order of an orders file; any other export's rows are read as they are.
    /// </summary>
    public IEnumerable<ExportRow> Rows(Func<ExportDocument, IEnumerable<ExportRow>> rowsOf, Action<RowProblem> reject) =>
        Document!.Reader.Part switch
        {
            ExportPart.Orders => OrderItemsJoin.Join(rowsOf(Document), Companion is null ? [] : rowsOf(Companion), reject),
            ExportPart.Items => OrderItemsJoin.Join([], rowsOf(Document), reject),
            _ => rowsOf(Document),
        };

    private static IEnumerable<RawRow> Rows(string path, ExportFileText text) =>
        text.Container == ExportContainer.Text ? CsvRows.Read(path, text) : WorkbookRows.Read(path);

    public void Dispose()
    {
        Document?.Dispose();
        Companion?.Dispose();
    }
}
