using Analytics.Ingestion.Normalising;
using Analytics.Ingestion.Orders;

namespace Analytics.Ingestion.Importing;

/// <summary>
/// Where imports land: the store. The importer reads a file and decides what it is; the sink remembers what landed,
/// keeps the orders and answers the few questions reading needs (has this file landed, which provinces, which shops).
/// </summary>
public interface IImportSink
{
    /// <summary>
    /// An earlier landed import of exactly these bytes, if any; for a two-file import (<paramref name="companionSha256"/>),
    /// one of exactly these two files.
    /// </summary>
    ImportReceipt? LandedWithSameContent(string sha256, string? companionSha256 = null);

    ProvinceDirectory Provinces();

    /// <summary>True when both names are registered to one shop (one is an old name of the other, or they are equal).</summary>
    bool NameOneShop(string name, string otherName);

    /// <summary>Records a file that changed nothing (rejected, or a duplicate) and returns its import id.</summary>
    long RecordUnlanded(ImportReceipt receipt);

    /// <summary>Starts writing one file's orders in one transaction; nothing is kept unless <see cref="IImportBatch.Complete"/> is called.</summary>
    IImportBatch Begin(ImportStart start);
}

/// <summary>A file about to land: what it is and whose it is.</summary>
/// <param name="ExportedAt">When the file says it was exported; every order of the file then has that version.</param>
public sealed record ImportStart(string FileName, string Sha256, string Source, string StartedAt, string Shop, string Platform, string? ExportedAt);

/// <summary>The shop an import was filed under, as the registry knows it.</summary>
/// <param name="Registered">True when this import registered it: a new name, or a typo the operator should see at once.</param>
/// <param name="NamedAs">Set when the name given was an old name of a renamed or merged shop.</param>
public sealed record ImportShop(string Shop, string Enterprise, bool Registered, string? NamedAs);

/// <summary>Orders in, their versions settled, what they add to the figures maintained.</summary>
public interface IOrderSink : IDisposable
{
    /// <summary>Keeps the order unless the stored version is newer; a tie waits for <see cref="Settle"/>.</summary>
    void Write(ImportedOrder order);

    /// <summary>Settles tied versions with the file's latest time, brings the figures up to date, and says what changed.</summary>
    LineCounts Settle(string? fileLatestAt);

    /// <summary>
    /// The order as stored (its facts and its lines; its amounts are its lines'), or null. Asked only for an order that one
    /// file of a two-file export holds half of (see <see cref="Orders.StoredOrderCompletion"/>).
    /// </summary>
    ImportedOrder? StoredOrder(string orderId);
}

/// <summary>One file landing: its orders, its shop check and its receipt, all in one transaction.</summary>
public interface IImportBatch : IOrderSink
{
    long ImportId { get; }
    ImportShop Shop { get; }

    /// <summary>The platform's other shop that already holds this order number, if any: then the file has the wrong shop.</summary>
    string? OtherShopHolding(string orderId);

    /// <summary>
    /// Keeps the file (<paramref name="path"/>, and the other file of a two-file import) in the archive, records the receipt
    /// and commits; returns the receipt as recorded.
    /// </summary>
    ImportReceipt Complete(ImportReceipt receipt, string path, string? companionPath = null);
}

/// <summary>What one file did to the stored order lines.</summary>
public sealed class LineCounts
{
    public int New { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }

    /// <summary>Orders held in an older version than the one stored: the stored, newer one was kept.</summary>
    public int OlderKept { get; set; }

    /// <summary>Stored orders whose items this import filled in (a 宝贝报表 after its 订单报表).</summary>
    public int Completed { get; set; }
}
