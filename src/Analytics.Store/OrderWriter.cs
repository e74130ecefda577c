using Analytics.Ingestion.Formats;
using Analytics.Ingestion.Importing;
using Analytics.Ingestion.Orders;
using Microsoft.Data.Sqlite;

namespace Analytics.Store;

/// <summary>
/// Writes orders and their lines inside the import's transaction. A stored order is replaced only by a version at
/// least as new (<see cref="OrderVersion"/>): an older export imported late changes nothing. Versions equal up to
/// the tie-break wait until the whole file is read, because the tie-break is the latest time anywhere in the file.
/// An order's totals are always the sum of its stored lines, so overlapping exports never double.
/// </summary>
internal sealed class OrderWriter : IOrderSink
{
    private const string UpsertLine = InsertNewLine + """

        ON CONFLICT (platform, shop, order_id, line_id) DO UPDATE SET
            product_id = excluded.product_id, product_title = excluded.product_title, quantity = excluded.quantity,
            amount_fen = excluded.amount_fen, refund_fen = excluded.refund_fen, status = excluded.status,
            after_sale_status = excluded.after_sale_status, observed_at = excluded.observed_at,
            last_import_id = excluded.last_import_id
        """;

    // A new order's lines cannot exist yet (lines are only ever stored with their order).
    private const string InsertNewLine = """
        INSERT INTO order_lines (platform, shop, order_id, line_id, product_id, product_title, quantity, amount_fen,
                                 refund_fen, status, after_sale_status, observed_at, first_import_id, last_import_id)
        VALUES (@platform, @shop, @order_id, @line_id, @product_id, @product_title, @quantity, @amount_fen,
                @refund_fen, @status, @after_sale_status, @observed_at, @import_id, @import_id)
        """;

    private const string SelectStoredOrder = """
        SELECT paid_at, buyer_key, observed_at, last_import_id, payment_time_source, status, province_code, city, district, buyer_source
        FROM orders WHERE platform = @platform AND shop = @shop AND order_id = @order_id
        """;

    private const string StoredLines = """
        SELECT line_id, product_id, product_title, quantity, amount_fen, refund_fen, status, after_sale_status
        FROM order_lines WHERE platform = @platform AND shop = @shop AND order_id = @order_id
        """;

    // Most orders in an import are new: they are inserted with totals summed in memory, and only an order that
    // already exists pays for comparing versions and recomputing its totals from all its stored lines.
    private const string InsertNewOrder = """
        INSERT INTO orders (platform, shop, order_id, paid_at, payment_time_source, status, province_code, city, district,
                            buyer_key, buyer_source, gmv_fen, refund_fen, units, line_count, observed_at, first_import_id, last_import_id)
        VALUES (@platform, @shop, @order_id, @paid_at, @payment_time_source, @status, @province_code, @city, @district,
                @buyer_key, @buyer_source, @gmv_fen, @refund_fen, @units, @line_count, @observed_at, @import_id, @import_id)
        ON CONFLICT (platform, shop, order_id) DO NOTHING
        """;

    private const string ReplaceOrder = """
        INSERT INTO orders (platform, shop, order_id, paid_at, payment_time_source, status, province_code, city, district,
                            buyer_key, buyer_source, gmv_fen, refund_fen, units, line_count, observed_at, first_import_id, last_import_id)
        SELECT @platform, @shop, @order_id, @paid_at, @payment_time_source, @status, @province_code, @city, @district,
               @buyer_key, @buyer_source, SUM(amount_fen), SUM(refund_fen), SUM(quantity), COUNT(*), @observed_at, @import_id, @import_id
        FROM order_lines
        WHERE platform = @platform AND shop = @shop AND order_id = @order_id
        ON CONFLICT (platform, shop, order_id) DO UPDATE SET
            gmv_fen = excluded.gmv_fen, refund_fen = excluded.refund_fen, units = excluded.units, line_count = excluded.line_count,
            paid_at = excluded.paid_at, payment_time_source = excluded.payment_time_source, status = excluded.status,
            province_code = excluded.province_code, city = excluded.city, district = excluded.district,
            buyer_key = excluded.buyer_key, buyer_source = excluded.buyer_source,
            observed_at = excluded.observed_at, last_import_id = excluded.last_import_id
        """;

    // The same data in a newer version: only the version moves, so a version between the two cannot win later.
    private const string BumpOrder = """
        UPDATE orders SET observed_at = @observed_at, last_import_id = @import_id
        WHERE platform = @platform AND shop = @shop AND order_id = @order_id
        """;

    // An order that always arrives whole (淘宝/天猫) drops the stored lines it no longer has: its order-level line, once its items came.
    private const string DeleteLine = """
        DELETE FROM order_lines WHERE platform = @platform AND shop = @shop AND order_id = @order_id AND line_id = @line_id
        """;

    // Items filled in for a stored order: its totals are its lines' again, its facts and version stay as they are.
    private const string RecountOrder = """
        UPDATE orders SET (gmv_fen, refund_fen, units, line_count) = (
            SELECT sum(l.amount_fen), sum(l.refund_fen), sum(l.quantity), count(*) FROM order_lines l
            WHERE l.platform = orders.platform AND l.shop = orders.shop AND l.order_id = orders.order_id)
        WHERE platform = @platform AND shop = @shop AND order_id = @order_id
        """;

    private const string BumpLine = """
        UPDATE order_lines SET observed_at = @observed_at, last_import_id = @import_id
        WHERE platform = @platform AND shop = @shop AND order_id = @order_id AND line_id = @line_id
        """;


    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteStatement _line, _newLine, _order, _newOrder, _storedOrder, _storedLines, _bumpOrder, _bumpLine, _deleteLine, _recount;
    private readonly TiedOrders _ties;
    private readonly LineParameters _lineParameters, _newLineParameters;
    private readonly OrderParameters _orderParameters, _newOrderParameters;
    private readonly RollupDeltas _rollups;
    private readonly bool _maintainRollups;
    private readonly BuyerStats _buyers;
    private readonly int _nGmv, _nRefund, _nUnits, _nLines;
    private readonly long _importId;
    private readonly string? _exportedAt;

    /// <param name="exportedAt">When the file says it was exported; every order of the file then has that version.</param>
    public OrderWriter(SqliteConnection connection, SqliteTransaction transaction, long importId, string platform, string shop, string? exportedAt,
        bool maintainRollups = true)
    {
        _connection = connection;
        _transaction = transaction;
        _importId = importId;
        _exportedAt = exportedAt;
        _maintainRollups = maintainRollups;
        _line = new SqliteStatement(connection, UpsertLine);
        _newLine = new SqliteStatement(connection, InsertNewLine);
        _order = new SqliteStatement(connection, ReplaceOrder);
        _newOrder = new SqliteStatement(connection, InsertNewOrder);
        _storedOrder = new SqliteStatement(connection, SelectStoredOrder);
        _storedLines = new SqliteStatement(connection, StoredLines);
        _bumpOrder = new SqliteStatement(connection, BumpOrder);
        _bumpLine = new SqliteStatement(connection, BumpLine);
        _deleteLine = new SqliteStatement(connection, DeleteLine);
        _recount = new SqliteStatement(connection, RecountOrder);
        _rollups = new RollupDeltas(platform, shop);
        _buyers = new BuyerStats(connection, platform);
        foreach (var statement in Statements)
        {
            statement.Bind(statement.Index("@platform"), platform);
            statement.Bind(statement.Index("@shop"), shop);
        }
        foreach (var statement in new[] { _line, _newLine, _order, _newOrder, _bumpOrder, _bumpLine })
            statement.Bind(statement.Index("@import_id"), importId);
        _ties = new TiedOrders(connection);
        _lineParameters = new LineParameters(_line);
        _newLineParameters = new LineParameters(_newLine);
        _orderParameters = new OrderParameters(_order);
        _newOrderParameters = new OrderParameters(_newOrder);
        (_nGmv, _nRefund, _nUnits, _nLines) = (_newOrder.Index("@gmv_fen"), _newOrder.Index("@refund_fen"), _newOrder.Index("@units"), _newOrder.Index("@line_count"));
    }

    public LineCounts Counts { get; } = new();

    /// <summary>The order's version: the file's export time where it states one, else the latest event in its rows.</summary>
    private string VersionOf(ImportedOrder order) => _exportedAt ?? order.LatestEventTime ?? "";

    public void Write(ImportedOrder order)
    {
        if (order.Completeness == OrderCompleteness.ItemsOnly)
        {
            CompleteItems(order);
            return;
        }
        var version = VersionOf(order);
        _newOrderParameters.Bind(order, version);
        _newOrder.Bind(_nGmv, order.Lines.Sum(l => l.AmountFen));
        _newOrder.Bind(_nRefund, order.Lines.Sum(l => l.RefundFen));
        _newOrder.Bind(_nUnits, order.Lines.Sum(l => (long)l.Quantity));
        _newOrder.Bind(_nLines, order.Lines.Count);
        if (_newOrder.ExecuteChanges() == 1)
        {
            foreach (var line in order.Lines)
            {
                _newLineParameters.Bind(order.OrderId, line, version);
                _newLine.Execute();
            }
            Counts.New += order.Lines.Count;
            if (_maintainRollups)
            {
                _rollups.AddNew(order, version);
                if (order.PaidAt is not null && order.BuyerKey is not null)
                    _buyers.Add(order.BuyerKey, order.PaidAt);
            }
            return;
        }

        var stored = ReadStored(order.OrderId);
        if (stored.LastImportId == _importId)
        {
            // The same order again further down this file (its sub-orders split apart): its lines join the first part's.
            Replace(order, stored, version, moveVersion: true);
            return;
        }
        var byVersion = string.CompareOrdinal(version, stored.Version);
        if (byVersion > 0)
            Replace(order, stored, version, moveVersion: true);
        else if (byVersion < 0)
            Counts.OlderKept++;
        else
            _ties.Add(order);
    }

    /// <summary>Called once the whole file is read, before the transaction commits.</summary>
    public LineCounts Settle(string? fileLatestAt)
    {
        SettleTies(fileLatestAt);
        ApplyRollups();
        return Counts;
    }

    /// <summary>
    /// Settles the orders whose version equalled the stored one, now that the file's own latest time is known
    /// (<paramref name="fileLatestAt"/>); a stored version from a file with a later latest time is kept.
    /// </summary>
    private void SettleTies(string? fileLatestAt)
    {
        if (_ties.Count == 0)
            return;
        var tieBreaks = new Dictionary<long, string?>();
        foreach (var order in _ties.TakeAll())
        {
            var version = VersionOf(order);
            var stored = ReadStored(order.OrderId);
            if (!tieBreaks.TryGetValue(stored.LastImportId, out var storedTieBreak))
                tieBreaks[stored.LastImportId] = storedTieBreak = ImportLog.FileLatestAt(_connection, _transaction, stored.LastImportId);
            var byTieBreak = stored.LastImportId == _importId ? 1 : OrderVersion.Compare(version, fileLatestAt, stored.Version, storedTieBreak);
            if (byTieBreak < 0)
                Counts.OlderKept++;
            else
                Replace(order, stored, version, moveVersion: byTieBreak > 0); // an exact tie changes data, never just the version
        }
    }

    /// <summary>Writes what this import changed in the rollups and buyer counts; called once, before the transaction commits.</summary>
    private void ApplyRollups()
    {
        if (!_maintainRollups)
            return;
        _rollups.Apply(_connection, _transaction);
        _buyers.Apply(_connection, _transaction);
    }

    /// <summary>The order as stored, facts and lines, for the importer to complete half an order with (see <see cref="IOrderSink.StoredOrder"/>).</summary>
    public ImportedOrder? StoredOrder(string orderId)
    {
        if (TryReadStored(orderId) is not { } stored)
            return null;
        return new ImportedOrder
        {
            OrderId = orderId,
            PaidAt = stored.PaidAt,
            PaidAtSource = StoredText.PaymentTimeSourceOf(stored.PaymentTimeSource),
            Status = stored.Status,
            ProvinceCode = stored.ProvinceCode,
            City = stored.City,
            District = stored.District,
            BuyerKey = stored.BuyerKey,
            BuyerSource = StoredText.BuyerSourceOf(stored.BuyerSource),
            Lines = StoredLinesOf(orderId).Select(l => new OrderLine
            {
                LineId = l.Key, ProductId = l.Value.ProductId, ProductTitle = l.Value.Title, Quantity = (int)l.Value.Quantity,
                AmountFen = l.Value.AmountFen, RefundFen = l.Value.RefundFen, Status = l.Value.Status, AfterSaleStatus = l.Value.AfterSaleStatus,
            }).ToList(),
        };
    }

    /// <summary>
    /// Items for a stored order (a 宝贝报表 after its 订单报表): they take the place of the order-level line whatever their
    /// version, since they only add what was missing; they replace stored items only as a version at least as new. The
    /// order's facts, version and amounts stay; the amounts were shared over the items by the importer.
    /// </summary>
    private void CompleteItems(ImportedOrder order)
    {
        var stored = ReadStored(order.OrderId);
        var storedLines = StoredLinesOf(order.OrderId);
        var version = VersionOf(order);
        var orderLevelOnly = storedLines.Count == 1 && storedLines.ContainsKey(OrderLine.OrderLevelLineId);
        if (!orderLevelOnly && string.CompareOrdinal(version, stored.Version) < 0)
        {
            Counts.OlderKept++;
            return;
        }
        var stale = StaleLines(order, storedLines);
        var changed = CountLines(order, storedLines) || stale.Count > 0;
        if (!changed)
            return;
        var lineVersion = string.CompareOrdinal(version, stored.Version) > 0 ? version : stored.Version;
        if (_maintainRollups)
            _rollups.Rebuild(order, stored.PaidAt, lineVersion);
        DeleteLines(order.OrderId, stale);
        foreach (var line in order.Lines)
        {
            _lineParameters.Bind(order.OrderId, line, lineVersion);
            _line.Execute();
        }
        _recount.Bind(_recount.Index("@order_id"), order.OrderId);
        _recount.Execute();
        if (orderLevelOnly)
            Counts.Completed++;
    }

    private static List<string> StaleLines(ImportedOrder order, Dictionary<string, LineFacts> storedLines) =>
        order.ReplacesStoredLines ? storedLines.Keys.Except(order.Lines.Select(l => l.LineId), StringComparer.Ordinal).ToList() : [];

    private void DeleteLines(string orderId, List<string> lineIds)
    {
        _deleteLine.Bind(_deleteLine.Index("@order_id"), orderId);
        foreach (var lineId in lineIds)
        {
            _deleteLine.Bind(_deleteLine.Index("@line_id"), lineId);
            _deleteLine.Execute();
        }
    }

    /// <summary>Counts the order's lines as new, updated or unchanged against the stored ones; true when any changed.</summary>
    private bool CountLines(ImportedOrder order, Dictionary<string, LineFacts> storedLines)
    {
        var changed = false;
        foreach (var line in order.Lines)
        {
            if (!storedLines.TryGetValue(line.LineId, out var storedLine))
            {
                Counts.New++;
                changed = true;
            }
            else if (storedLine == LineFacts.Of(line))
            {
                Counts.Unchanged++;
            }
            else
            {
                Counts.Updated++;
                changed = true;
            }
        }
        return changed;
    }

    private Stored ReadStored(string orderId) =>
        TryReadStored(orderId) ?? throw new InvalidOperationException($"Order {orderId} vanished inside its import's transaction.");

    private Stored? TryReadStored(string orderId)
    {
        _storedOrder.Bind(_storedOrder.Index("@order_id"), orderId);
        if (!_storedOrder.Step())
            return null;
        var stored = new Stored(
            PaidAt: _storedOrder.ColumnTextOrNull(0), BuyerKey: _storedOrder.ColumnTextOrNull(1), Version: _storedOrder.ColumnText(2),
            LastImportId: _storedOrder.ColumnInt64(3), PaymentTimeSource: _storedOrder.ColumnText(4), Status: _storedOrder.ColumnTextOrNull(5),
            ProvinceCode: _storedOrder.ColumnTextOrNull(6), City: _storedOrder.ColumnTextOrNull(7), District: _storedOrder.ColumnTextOrNull(8),
            BuyerSource: _storedOrder.ColumnText(9));
        _storedOrder.Reset();
        return stored;
    }

    /// <summary>The incoming version wins: its lines replace the stored ones of the same id, and its order facts the stored ones.</summary>
    /// <param name="moveVersion">Whether an order whose data is unchanged still takes this version (it is strictly newer).</param>
    private void Replace(ImportedOrder order, Stored stored, string version, bool moveVersion)
    {
        var storedLines = StoredLinesOf(order.OrderId);
        var stale = StaleLines(order, storedLines);
        var changed = CountLines(order, storedLines) | !SameOrderFacts(order, stored) | stale.Count > 0;
        if (!changed)
        {
            if (moveVersion)
                BumpVersion(order, version);
            return;
        }
        if (_maintainRollups)
            _rollups.Rebuild(order, stored.PaidAt, version);
        DeleteLines(order.OrderId, stale);
        foreach (var line in order.Lines)
        {
            _lineParameters.Bind(order.OrderId, line, version);
            _line.Execute();
        }
        _orderParameters.Bind(order, version);
        _order.Execute();
        if (_maintainRollups)
            _buyers.Move(stored.BuyerKey, stored.PaidAt, order.BuyerKey, order.PaidAt);
    }

    private void BumpVersion(ImportedOrder order, string version)
    {
        _bumpOrder.Bind(_bumpOrder.Index("@order_id"), order.OrderId);
        _bumpOrder.Bind(_bumpOrder.Index("@observed_at"), version);
        _bumpOrder.Execute();
        _bumpLine.Bind(_bumpLine.Index("@order_id"), order.OrderId);
        _bumpLine.Bind(_bumpLine.Index("@observed_at"), version);
        foreach (var line in order.Lines)
        {
            _bumpLine.Bind(_bumpLine.Index("@line_id"), line.LineId);
            _bumpLine.Execute();
        }
    }

    private Dictionary<string, LineFacts> StoredLinesOf(string orderId)
    {
        _storedLines.Bind(_storedLines.Index("@order_id"), orderId);
        var lines = new Dictionary<string, LineFacts>(StringComparer.Ordinal);
        while (_storedLines.Step())
        {
            lines[_storedLines.ColumnText(0)] = new LineFacts(_storedLines.ColumnTextOrNull(1), _storedLines.ColumnTextOrNull(2),
                _storedLines.ColumnInt64(3), _storedLines.ColumnInt64(4), _storedLines.ColumnInt64(5),
                _storedLines.ColumnTextOrNull(6), _storedLines.ColumnTextOrNull(7));
        }
        return lines;
    }

    private static bool SameOrderFacts(ImportedOrder order, Stored stored) =>
        order.PaidAt == stored.PaidAt && StoredText.Of(order.PaidAtSource) == stored.PaymentTimeSource && order.Status == stored.Status &&
        order.ProvinceCode == stored.ProvinceCode && order.City == stored.City && order.District == stored.District &&
        order.BuyerKey == stored.BuyerKey && StoredText.Of(order.BuyerKey is null ? BuyerSource.None : order.BuyerSource) == stored.BuyerSource;

    private sealed record Stored(string? PaidAt, string? BuyerKey, string Version, long LastImportId, string PaymentTimeSource,
        string? Status, string? ProvinceCode, string? City, string? District, string BuyerSource);

    private sealed record LineFacts(string? ProductId, string? Title, long Quantity, long AmountFen, long RefundFen, string? Status, string? AfterSaleStatus)
    {
        public static LineFacts Of(OrderLine line) =>
            new(line.ProductId, line.ProductTitle, line.Quantity, line.AmountFen, line.RefundFen, line.Status, line.AfterSaleStatus);
    }

    private SqliteStatement[] Statements => [_line, _newLine, _order, _newOrder, _storedOrder, _storedLines, _bumpOrder, _bumpLine, _deleteLine, _recount];

    public void Dispose()
    {
        foreach (var statement in Statements)
            statement.Dispose();
        _ties.Dispose();
        _buyers.Dispose();
    }
}
