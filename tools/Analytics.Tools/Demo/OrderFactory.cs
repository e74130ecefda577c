namespace Analytics.Tools.Demo;

/// <summary>Draws orders for one shop: products, quantities, discounts, and the order's life from payment to refund.</summary>
internal sealed class OrderFactory(
    DemoPlatform platform, bool blankDealTimes, IReadOnlyList<Product> products, DemoRates rates, Random rng)
{
    private readonly WeightedChoice<Product> _products = new(products.Select(p => (p, p.Popularity)));

    /// <summary>An ordinary order placed at <paramref name="created"/>, paid (or not) before <paramref name="latestPayment"/>.</summary>
    public DemoOrder Draw(DateTime created, DateTime latestPayment, DateTime lastExport)
    {
        var paid = rng.NextDouble() >= rates.Unpaid ? PaymentAfter(created, latestPayment) : (DateTime?)null;
        var lineCount = platform switch
        {
            DemoPlatform.Douyin when rng.NextDouble() < rates.DouyinMultiLine => rng.Next(2, 4),
            DemoPlatform.Jd or DemoPlatform.Taobao when rng.NextDouble() < rates.JdMultiSku => 2,
            _ => 1,
        };
        var chosen = new List<Product>(lineCount);
        while (chosen.Count < Math.Min(lineCount, products.Count))
        {
            var product = _products.Next(rng);
            if (!chosen.Contains(product))
            {
                chosen.Add(product);
            }
        }

        var (shipped, completed) = Lifecycle(paid);
        var lines = chosen.Select(p => Line(p, Quantity(), paid, shipped)).ToArray();
        return new DemoOrder
        {
            Created = created,
            Paid = paid,
            Shipped = shipped,
            Completed = completed,
            Lines = lines,
            LastExport = lastExport,
            Flavor = rng.Next(),
            DealTimeBlank = blankDealTimes && paid is { } p && p.Date == created.Date && rng.NextDouble() < rates.PddDealTimeBlank,
            DeletedOnJd = platform == DemoPlatform.Jd && paid is not null && rng.NextDouble() < rates.JdDeleted,
        };
    }

    /// <summary>
    /// The order that closes a budget: paid, never refunded, one line whose payable is exactly <paramref name="payableFen"/>;
    /// the product and quantity nearest above that amount are chosen, the difference is a shop coupon.
    /// </summary>
    public DemoOrder Closing(DateTime created, DateTime latestPayment, DateTime lastExport, long payableFen)
    {
        var paid = PaymentAfter(created, latestPayment);
        var (product, quantity) = BestFit(payableFen);
        var (shipped, completed) = Lifecycle(paid);
        var line = new DemoOrderLine
        {
            Product = product,
            Quantity = quantity,
            MerchantDiscountFen = (product.PriceFen * quantity) - payableFen,
            PlatformDiscountFen = 0,
            RefundedAt = null,
            AfterSaleClosed = false,
        };
        return new DemoOrder
        {
            Created = created,
            Paid = paid,
            Shipped = shipped,
            Completed = completed,
            Lines = [line],
            LastExport = lastExport,
            Flavor = rng.Next(),
        };
    }

    private DateTime PaymentAfter(DateTime created, DateTime latest)
    {
        var paid = created.AddSeconds(rng.Next(3, 240));
        return paid < latest ? paid : latest;
    }

    private (DateTime Shipped, DateTime Completed) Lifecycle(DateTime? paid)
    {
        if (paid is not { } p)
        {
            return (DateTime.MaxValue, DateTime.MaxValue);
        }

        var shipped = p.AddSeconds(rng.Next(5 * 3600, 60 * 3600));
        return (shipped, shipped.AddSeconds(rng.Next(2 * 86_400, 9 * 86_400)));
    }

    private int Quantity() => rng.NextDouble() switch
    {
        < 0.80 => 1,
        < 0.95 => 2,
        < 0.99 => 3,
        _ => 5,
    };

    private DemoOrderLine Line(Product product, int quantity, DateTime? paid, DateTime shipped)
    {
        var list = product.PriceFen * quantity;
        var merchant = rng.NextDouble() < 0.35 ? Math.Min(rng.Next(2, 16) * 100L, list * 15 / 100) : 0;
        var platformShare = platform switch { DemoPlatform.Pdd => 0.3, DemoPlatform.Douyin or DemoPlatform.Kuaishou => 0.15, _ => 0 };
        var subsidy = rng.NextDouble() < platformShare ? rng.Next(50, 600) : 0;
        DateTime? refunded = null;
        if (paid is { } p && platform != DemoPlatform.Jd && rng.NextDouble() < rates.Refund)
        {
            // Almost half the refunds come before shipping (buyer changed their mind), the rest after delivery problems.
            refunded = rng.NextDouble() < 0.45
                ? p.AddSeconds(rng.Next(600, Math.Max(601, (int)(shipped - p).TotalSeconds - 60)))
                : shipped.AddSeconds(rng.Next(86_400, 10 * 86_400));
        }

        return new DemoOrderLine
        {
            Product = product,
            Quantity = quantity,
            MerchantDiscountFen = merchant,
            PlatformDiscountFen = subsidy,
            RefundedAt = refunded,
            AfterSaleClosed = platform == DemoPlatform.Douyin && paid is not null && refunded is null && rng.NextDouble() < 0.01,
        };
    }

    private (Product Product, int Quantity) BestFit(long payableFen)
    {
        var fits = products.SelectMany(p => Enumerable.Range(1, 6).Select(q => (Product: p, Quantity: q)))
            .Where(f => f.Product.PriceFen * f.Quantity >= payableFen)
            .OrderBy(f => (f.Product.PriceFen * f.Quantity) - payableFen)
            .ToList();
        if (fits.Count > 0)
        {
            return fits[0];
        }

        var dearest = products.MaxBy(p => p.PriceFen)!;
        return (dearest, (int)((payableFen + dearest.PriceFen - 1) / dearest.PriceFen));
    }
}
