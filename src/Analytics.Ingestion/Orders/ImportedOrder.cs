using Analytics.Ingestion.Formats;

namespace Analytics.Ingestion.Orders;

/// <summary>A normalised order as one export shows it, ready to store: facts of the order plus its lines.</summary>
public sealed record ImportedOrder
{
    public required string OrderId { get; init; }
    public string? PaidAt { get; init; }
    public PaymentTimeSource PaidAtSource { get; init; }
    public string? Status { get; init; }
    public string? ProvinceCode { get; init; }
    public string? City { get; init; }
    public string? District { get; init; }
    public string? BuyerKey { get; init; }
    public BuyerSource BuyerSource { get; init; }

    /// <summary>The latest event time (payment, shipping, completion, refund …) in the order's rows: its version when the file states no export time.</summary>
    public string? LatestEventTime { get; init; }
    public required IReadOnlyList<OrderLine> Lines { get; init; }
}

/// <summary>One line of an order: a product, its quantity and its share of what the buyer paid, in fen.</summary>
public sealed record OrderLine
{
    public required string LineId { get; init; }
    public string? ProductId { get; init; }
    public string? ProductTitle { get; init; }
    public required int Quantity { get; init; }
    public required long AmountFen { get; init; }
    public required long RefundFen { get; init; }
    public string? Status { get; init; }
    public string? AfterSaleStatus { get; init; }
}
