namespace Analytics.Api.Reports;

/// <summary>The figures of one window that the statement speaks of (METRICS.md names in brackets).</summary>
internal sealed record PeriodFigures(decimal NetSales, long Orders, long Buyers, decimal? BasketSize, double? RepeatRate, int Provinces);

/// <summary>A platform, enterprise, province or product with its 网络零售额 now and in the same period a year before.</summary>
internal sealed record NamedSales(string Name, decimal NetSales, decimal YearAgoNetSales);

/// <summary>What the statement is written from. <see cref="YearAgo"/> is null when there is no data at all a year before.</summary>
internal sealed record StatementFacts
{
    public required string County { get; init; }
    public required ReportPeriod Period { get; init; }
    public required PeriodFigures Current { get; init; }
    public PeriodFigures? YearAgo { get; init; }
    public PeriodFigures? YearToDate { get; init; }
    public PeriodFigures? YearToDateYearAgo { get; init; }

    /// <summary>All platforms and enterprises, largest first.</summary>
    public IReadOnlyList<NamedSales> Platforms { get; init; } = [];
    public IReadOnlyList<NamedSales> Enterprises { get; init; } = [];

    /// <summary>Provinces by short name, largest first.</summary>
    public IReadOnlyList<NamedSales> Provinces { get; init; } = [];

    /// <summary>The fastest-growing products, already chosen (see <see cref="ProductPoolSize"/>), fastest first.</summary>
    public IReadOnlyList<NamedSales> GrowingProducts { get; init; } = [];

    /// <summary>Buyers, 客单价 and 复购率 rest partly on receiver fingerprints (METRICS.md): the statement says so.</summary>
    public bool BuyerFiguresEstimated { get; init; }

    /// <summary>网络零售额 by product category, largest first, and 其中农产品 (see docs/METRICS.md, Product categories).</summary>
    public IReadOnlyList<NamedSales> Categories { get; init; } = [];
    public NamedSales? FarmProducts { get; init; }

    /// <summary>How many of the best-selling products the fastest-growing were chosen from.</summary>
    public int ProductPoolSize { get; init; }
}
