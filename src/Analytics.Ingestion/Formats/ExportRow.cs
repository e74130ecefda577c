namespace Analytics.Ingestion.Formats;

/// <summary>What a platform reader makes of one export row: one order line with the facts of its order.</summary>
internal sealed record ExportRow
{
    public required int Line { get; init; }

    /// <summary>The worksheet the row is on (null for text files), so a problem found later still says where the row is.</summary>
    public string? Sheet { get; init; }
    public required string OrderId { get; init; }
    public required string LineId { get; init; }
    public string? ProductId { get; init; }
    public string? ProductTitle { get; init; }
    public required int Quantity { get; init; }

    /// <summary>The buyer-paid amount of this line; for formats with <see cref="OrderAmountFen"/>, its weight in the share-out.</summary>
    public required long LineAmountFen { get; init; }

    /// <summary>Set by formats that repeat the order's amount on every line (JD): taken once and shared over the lines.</summary>
    public long? OrderAmountFen { get; init; }

    /// <summary>Set by formats that state the order's refunded amount (淘宝/天猫 退款金额): taken once and shared over the lines.</summary>
    public long? OrderRefundFen { get; init; }

    public bool RefundSucceeded { get; init; }

    /// <summary>The refunded amount of this line where the export states it (<see cref="ExportFormat.StatesRefundAmounts"/>); it then wins over <see cref="RefundSucceeded"/>.</summary>
    public long? RefundAmountFen { get; init; }

    public string? Status { get; init; }

    /// <summary>Set where a line's own status differs from its order's (a 宝贝报表 item joined to its 订单报表 row): the order's.</summary>
    public string? StatusOfOrder { get; init; }
    public string? AfterSaleStatus { get; init; }

    /// <summary>Beijing time text; null for an unpaid order, which never counts.</summary>
    public string? PaidAt { get; init; }
    public PaymentTimeSource PaidAtSource { get; init; }

    /// <summary>The latest event time written in the row (see <see cref="ExportFormat.IsEventTime"/>).</summary>
    public string? LatestEventTime { get; set; }

    public string? ProvinceCode { get; init; }
    public string? City { get; init; }
    public string? District { get; init; }

    /// <summary>Only ever held in memory: hashed into a buyer key before anything is stored.</summary>
    public string? BuyerIdentifier { get; init; }
    public BuyerSource BuyerSource { get; init; }

    /// <summary>Whether the row holds the order's facts, its items, or both (see <see cref="OrderCompleteness"/>).</summary>
    public OrderCompleteness Completeness { get; init; }

    /// <summary>The order always arrives with all its lines, so lines stored earlier and absent now are gone (see <see cref="Orders.ImportedOrder.ReplacesStoredLines"/>).</summary>
    public bool ReplacesStoredLines { get; init; }
}

/// <summary>
/// What an order read from a file knows. Most exports hold the whole order. 淘宝/天猫's old export holds it in two files:
/// the 订单报表 has the order's facts and amounts, the 宝贝报表 its items; either may come without the other.
/// </summary>
public enum OrderCompleteness
{
    Whole,

    /// <summary>The order's facts and amounts, with one order-level line standing in for the items until they arrive.</summary>
    OrderOnly,

    /// <summary>The order's items only: its facts and amounts are the stored order's.</summary>
    ItemsOnly,
}

public enum PaymentTimeSource { None, Column, OrderCreatedColumn, OrderNumberDate }

/// <summary>Where a buyer key came from: a platform account (exact) or a receiver fingerprint (an estimate).</summary>
public enum BuyerSource { None, Account, ReceiverFingerprint }
