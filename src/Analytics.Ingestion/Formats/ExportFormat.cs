using Analytics.Ingestion.Normalising;
using Analytics.Ingestion.Tables;

namespace Analytics.Ingestion.Formats;

/// <summary>
/// One seller back-end's order export: the headers that identify it and how its columns become order lines.
/// Adding a platform means adding one subclass and listing it in <see cref="ExportFormats"/>.
/// </summary>
internal abstract class ExportFormat
{
    public abstract string Platform { get; }

    /// <summary>
    /// The platform's Chinese name where the format itself declares it (a mapping file); null for the built-in readers,
    /// whose names come from seeds/platforms.csv.
    /// </summary>
    public virtual string? PlatformName => null;

    /// <summary>The export's name as operators know it, e.g. 抖店订单导出.</summary>
    public abstract string Name { get; }

    /// <summary>Headers that together identify this export, whatever else it has and in whatever order.</summary>
    public abstract IReadOnlyList<string> Signature { get; }

    public bool Recognises(HeaderRow header) => Signature.All(header.Has);

    /// <summary>
    /// The export states refunded amounts. Where it does not, a line whose status says the refund succeeded counts as
    /// refunded in full, and refunds and net sales of the platform are marked as estimates (docs/METRICS.md, Refunds).
    /// </summary>
    public virtual bool StatesRefundAmounts => false;

    /// <summary>Binds the columns of this file's header; throws <see cref="ExportRejectedException"/> when a needed one is missing.</summary>
    public abstract ExportReader Bind(HeaderRow header, ProvinceDirectory provinces);

    /// <summary>When the file itself says when it was exported (Douyin puts a timestamp in the file name).</summary>
    public virtual DateTime? ExportedAt(string fileName) => null;

    /// <summary>For a file of a two-file export: the name its other file usually has, when the name follows the platform's convention.</summary>
    public virtual string? CompanionFileName(string fileName) => null;

    /// <summary>
    /// Whether a column records something that happened to the order (created, paid, shipped, completed, refunded …):
    /// the latest such time versions the order when the file states no export time. Promised, estimated and
    /// suggested times are set once at ordering and say nothing about how far the order has got.
    /// </summary>
    public virtual bool IsEventTime(string header) =>
        header.Contains("时间", StringComparison.Ordinal) && !NotEvents.Any(word => header.Contains(word, StringComparison.Ordinal));

    private static readonly string[] NotEvents = ["承诺", "预计", "预约", "建议", "时段", "超时", "期限", "截止"];
}

/// <summary>What a file is of its platform's export: all of it, or one of the two files an order and its items come in.</summary>
public enum ExportPart { Whole, Orders, Items }

/// <summary>A format bound to one file's header.</summary>
internal abstract class ExportReader(string layout, ColumnDrift? drift = null)
{
    /// <summary>Which layout of the export this is, e.g. 商品维度 74列 or 自定义报表 (23列).</summary>
    public string Layout { get; } = layout;

    /// <summary>How the header differs from the known layout it is (<see cref="KnownLayout"/>): the platform changed its export.</summary>
    public ColumnDrift Drift { get; } = drift ?? ColumnDrift.None;

    /// <summary>What the rows themselves said about the export once read (淘宝 or 天猫), shown beside the layout.</summary>
    public string? Variant { get; protected set; }

    /// <summary>
    /// Which part of its platform's export this file is: the whole export (most platforms), or the orders file or the
    /// items file of an export that comes as two files joined on the order id (淘宝/天猫's 订单报表 and 宝贝报表).
    /// </summary>
    public ExportPart Part { get; init; }

    /// <summary>Reads one data row; on failure returns null with <see cref="RowCells.Problem"/> set.</summary>
    public abstract ExportRow? Read(RowCells cells);

    /// <summary>What the reader had to assume while reading (a status it was not told about), for the receipt.</summary>
    public virtual IEnumerable<string> Notes => [];
}
