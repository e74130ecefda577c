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

    public bool RefundSucceeded { get; init; }

    /// <summary>The refunded amount of this line where the export states it (<see cref="ExportFormat.StatesRefundAmounts"/>); it then wins over <see cref="RefundSucceeded"/>.</summary>
    public long? RefundAmountFen { get; init; }

    /// <summary>Set by formats that state the refund once per order: taken once and shared over the lines like the order's amount.</summary>
    public long? OrderRefundFen { get; init; }
    public string? Status { get; init; }
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
}

public enum PaymentTimeSource { None, Column, OrderCreatedColumn, OrderNumberDate }

/// <summary>Where a buyer key came from: a platform account (exact) or a receiver fingerprint (an estimate).</summary>
public enum BuyerSource { None, Account, ReceiverFingerprint }
