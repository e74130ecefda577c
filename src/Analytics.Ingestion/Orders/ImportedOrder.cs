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

    /// <summary>Whether this is the whole order, its facts without its items, or its items without its facts.</summary>
    public OrderCompleteness Completeness { get; init; }

    /// <summary>
    /// The order always arrives with all its lines (淘宝/天猫), so stored lines it does not have are gone: the order-level
    /// line is replaced by the items when they arrive. Other exports may split one order's lines over a file.
    /// </summary>
    public bool ReplacesStoredLines { get; init; }

    /// <summary>The file line of the order's first row, to say where an order that could not be completed is.</summary>
    public int Line { get; init; }
}

/// <summary>One line of an order: a product, its quantity and its share of what the buyer paid, in fen.</summary>
public sealed record OrderLine
{
    /// <summary>
    /// The line id of the one line that stands in for an order's items while only its order-level figures are known
    /// (a 淘宝/天猫 订单报表 without its 宝贝报表). Product rankings show it as one product, titled <see cref="OrderLevelTitle"/>.
    /// </summary>
    public const string OrderLevelLineId = "(订单级)";

    public const string OrderLevelTitle = "（商品明细未导入）";

    public required string LineId { get; init; }
    public string? ProductId { get; init; }
    public string? ProductTitle { get; init; }
    public required int Quantity { get; init; }
    public required long AmountFen { get; init; }
    public required long RefundFen { get; init; }
    public string? Status { get; init; }
    public string? AfterSaleStatus { get; init; }
}
