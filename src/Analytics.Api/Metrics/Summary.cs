using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Analytics.Api.Metrics;

/// <summary>GET /api/summary: the window's figures, which of them are estimates, and 环比 / 同比 / 累计 with their windows.</summary>
internal sealed record Summary : WindowFigures
{
    [SetsRequiredMembers]
    public Summary(WindowFigures current, IReadOnlyDictionary<string, IReadOnlyList<string>> estimates,
        ComparedFigures previous, ComparedFigures yearAgo, YearToDateFigures yearToDate) : base(current) =>
        (Estimates, Previous, YearAgo, YearToDate) = (estimates, previous, yearAgo, yearToDate);

    [JsonPropertyOrder(1)]
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Estimates { get; init; }

    [JsonPropertyOrder(2)]
    public ComparedFigures Previous { get; init; }

    [JsonPropertyOrder(3)]
    public ComparedFigures YearAgo { get; init; }

    [JsonPropertyOrder(4)]
    public YearToDateFigures YearToDate { get; init; }
}

internal sealed record TrendPoint(string Start, string End, long Orders, decimal Gmv, decimal NetSales, long Buyers);

internal sealed record Trend(string From, string To, string Interval, IReadOnlyList<TrendPoint> Points);
