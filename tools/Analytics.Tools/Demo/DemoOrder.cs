namespace Analytics.Tools.Demo;

/// <summary>One SKU line of an order (a Douyin 子订单, a JD order × SKU row; a PDD order has exactly one).</summary>
internal sealed class DemoOrderLine
{
    public required Product Product { get; init; }

    public required int Quantity { get; init; }

    /// <summary>Shop coupons and price cuts, borne by the merchant.</summary>
    public required long MerchantDiscountFen { get; init; }

    /// <summary>Platform subsidies: the buyer pays less, the merchant still receives them.</summary>
    public required long PlatformDiscountFen { get; init; }

    /// <summary>When the line's refund succeeded; null when it never is. Refunds are always of the whole line.</summary>
    public required DateTime? RefundedAt { get; init; }

    /// <summary>An after-sale request that was closed without a refund (Douyin 售后关闭).</summary>
    public required bool AfterSaleClosed { get; init; }

    /// <summary>Douyin 子订单编号, JD 商品ID, PDD 订单号; assigned once the order is placed in time.</summary>
    public string LineId { get; set; } = "";

    public long ListFen => Product.PriceFen * Quantity;

    /// <summary>What the buyer pays for this line.</summary>
    public long PayableFen => ListFen - MerchantDiscountFen - PlatformDiscountFen;

    public bool IsRefundedBy(DateTime moment) => RefundedAt is { } at && at <= moment;
}

/// <summary>An order with its whole life: placed, paid, shipped, completed, maybe refunded.</summary>
internal sealed class DemoOrder
{
    public required DateTime Created { get; init; }

    /// <summary>Null for orders never paid; these never count.</summary>
    public required DateTime? Paid { get; init; }

    /// <summary>When the parcel left; <see cref="DateTime.MaxValue"/> for unpaid orders.</summary>
    public required DateTime Shipped { get; init; }

    /// <summary>When the buyer confirmed receipt (or the platform did it for them).</summary>
    public required DateTime Completed { get; init; }

    public required DemoOrderLine[] Lines { get; init; }

    /// <summary>The moment of the last export that contains the order: what it shows there is its final state.</summary>
    public required DateTime LastExport { get; init; }

    /// <summary>A random number for cosmetic choices (payment method, traffic source, courier), so writers need no random stream.</summary>
    public required int Flavor { get; init; }

    /// <summary>PDD default export: 订单成交时间 left blank, so the importer falls back to the 订单号 date prefix.</summary>
    public bool DealTimeBlank { get; init; }

    /// <summary>JD: the operator deleted the completed order, which shows as <c>(删除)完成</c>.</summary>
    public bool DeletedOnJd { get; init; }

    public string Id { get; set; } = "";

    public Buyer Buyer { get; set; } = null!;

    /// <summary>Unpaid orders are closed by the platform after a day.</summary>
    public DateTime ClosedUnpaidAt => Created.AddDays(1);

    /// <summary>The payment time the importer will read (METRICS.md), which decides the period the order counts in.</summary>
    public DateTime? CountedAt => Paid is null ? null : DealTimeBlank ? Created.Date : Paid;

    /// <summary>Net sales of the order in its final state: paid amount less fully refunded lines.</summary>
    public long NetFen => Paid is null ? 0 : Lines.Where(l => !l.IsRefundedBy(LastExport)).Sum(l => l.PayableFen);
}
