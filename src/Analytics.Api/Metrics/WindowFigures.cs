using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Analytics.Store.Sales;

namespace Analytics.Api.Metrics;

/// <summary>
/// The published figures of one window (METRICS.md). Money in yuan with two decimals; a ratio whose denominator
/// is 0 is null, never 0 and never NaN.
/// </summary>
internal record WindowFigures
{
    public required string From { get; init; }
    public required string To { get; init; }
    public long Orders { get; init; }
    public decimal Gmv { get; init; }
    public decimal Refunds { get; init; }
    public decimal NetSales { get; init; }
    public long Units { get; init; }
    public double? UnitsPerOrder { get; init; }
    public decimal? AvgOrderValue { get; init; }
    public long Buyers { get; init; }
    public double? BuyerCoverage { get; init; }
    public decimal? BasketSize { get; init; }
    public double? RepeatRate { get; init; }
    public int Provinces { get; init; }

    public static WindowFigures Of(SalesScope scope, SalesTotals totals) => new()
    {
        From = SalesScope.Text(scope.From),
        To = SalesScope.Text(scope.To),
        Orders = totals.Orders,
        Gmv = Yuan(totals.GmvFen),
        Refunds = Yuan(totals.RefundFen),
        NetSales = Yuan(totals.GmvFen - totals.RefundFen),
        Units = totals.Units,
        UnitsPerOrder = Ratio(totals.Units, totals.Orders, 2),
        AvgOrderValue = Money(totals.GmvFen, totals.Orders),
        Buyers = totals.Buyers,
        BuyerCoverage = Ratio(totals.BuyerOrders, totals.Orders, 4),
        BasketSize = Money(totals.BuyerGmvFen, totals.Buyers),
        RepeatRate = Ratio(totals.RepeatBuyers, totals.Buyers, 4),
        Provinces = totals.Provinces,
    };

    /// <summary>Yuan with exactly two decimals (adding 0.00m keeps the scale, so JSON shows 469752.90, not 469752.9).</summary>
    public static decimal Yuan(long fen) => fen / 100m + 0.00m;

    private static decimal? Money(long fen, long count) => count == 0 ? null : Math.Round(fen / 100m / count, 2, MidpointRounding.AwayFromZero) + 0.00m;

    private static double? Ratio(long part, long whole, int digits) => whole == 0 ? null : Math.Round((double)part / whole, digits);
}

/// <summary>A comparison window: its figures and the relative change of each, current against this window.</summary>
internal sealed record ComparedFigures : WindowFigures
{
    [SetsRequiredMembers]
    private ComparedFigures(WindowFigures figures, FigureChanges change) : base(figures) => Change = change;

    [JsonPropertyOrder(1)]
    public FigureChanges Change { get; init; }

    public static ComparedFigures Of(WindowFigures current, WindowFigures baseline) =>
        new(baseline, FigureChanges.Between(current, baseline));
}

/// <summary>累计: 1 January through the range's end, with 累计同比 against the same days a year earlier.</summary>
internal sealed record YearToDateFigures : WindowFigures
{
    [SetsRequiredMembers]
    private YearToDateFigures(WindowFigures figures, FigureChanges change, DayWindow comparedWith) : base(figures) =>
        (Change, ComparedWith) = (change, comparedWith);

    [JsonPropertyOrder(1)]
    public FigureChanges Change { get; init; }
    [JsonPropertyOrder(1)]
    public DayWindow ComparedWith { get; init; }

    public static YearToDateFigures Of(WindowFigures yearToDate, WindowFigures yearAgo) =>
        new(yearToDate, FigureChanges.Between(yearToDate, yearAgo), new DayWindow(yearAgo.From, yearAgo.To));
}

internal sealed record DayWindow(string From, string To);

/// <summary>(current − base) / base for every figure; null where the base is 0 or either value is null.</summary>
internal sealed record FigureChanges(
    double? Orders, double? Gmv, double? Refunds, double? NetSales, double? Units, double? UnitsPerOrder, double? AvgOrderValue,
    double? Buyers, double? BuyerCoverage, double? BasketSize, double? RepeatRate, double? Provinces)
{
    public static FigureChanges Between(WindowFigures current, WindowFigures baseline) => new(
        Of(current.Orders, baseline.Orders), Of(current.Gmv, baseline.Gmv), Of(current.Refunds, baseline.Refunds),
        Of(current.NetSales, baseline.NetSales), Of(current.Units, baseline.Units), Of(current.UnitsPerOrder, baseline.UnitsPerOrder),
        Of(current.AvgOrderValue, baseline.AvgOrderValue), Of(current.Buyers, baseline.Buyers), Of(current.BuyerCoverage, baseline.BuyerCoverage),
        Of(current.BasketSize, baseline.BasketSize), Of(current.RepeatRate, baseline.RepeatRate), Of(current.Provinces, baseline.Provinces));

    public static double? Of(decimal? current, decimal? baseline) =>
        current is null || baseline is null || baseline == 0 ? null : Math.Round((double)((current.Value - baseline.Value) / baseline.Value), 4);

    public static double? Of(double? current, double? baseline) =>
        current is null || baseline is null || baseline == 0 ? null : Math.Round((current.Value - baseline.Value) / baseline.Value, 4);

    public static double? Of(long current, long baseline) => Of((decimal)current, baseline);
}
