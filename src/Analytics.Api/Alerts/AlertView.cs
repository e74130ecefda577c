using Analytics.Store;

namespace Analytics.Api.Alerts;

/// <summary>An alert as the API and the JSON webhook show it: money in yuan, shares 0…1, hours.</summary>
internal sealed record AlertView(
    long Id, string Rule, string RuleName, AlertScope Scope, string Status, string Since, string RaisedAt, string CheckedAt,
    string? ResolvedAt, string? AcknowledgedAt, string? AcknowledgedBy, string Unit, decimal? Figure, decimal? Expected, decimal? Bound,
    string Message, string? Cause)
{
    public static AlertView Of(StoredAlert alert)
    {
        var money = alert.Unit == "fen";
        decimal? Value(long? fen, double? value) => money
            ? fen is { } f ? f / 100m : null
            : value is { } v ? Math.Round((decimal)v, 4) : null;
        return new AlertView(alert.Id, alert.Rule, AlertRules.ChineseName(alert.Rule), new AlertScope(alert.ScopeKind, alert.ScopeKey, alert.ScopeName),
            alert.ResolvedAt is not null ? "resolved" : alert.AcknowledgedAt is not null ? "acknowledged" : "open",
            alert.Since, alert.RaisedAt, alert.CheckedAt, alert.ResolvedAt, alert.AcknowledgedAt, alert.AcknowledgedBy,
            money ? "yuan" : alert.Unit, Value(alert.FigureFen, alert.FigureValue), Value(alert.ExpectedFen, alert.ExpectedValue),
            Value(alert.BoundFen, alert.BoundValue), alert.Message, alert.Cause);
    }
}

/// <summary>What an alert is about: county, platform, enterprise, shop (platform/shop), province (code) or product (platform/shop/id).</summary>
internal sealed record AlertScope(string Kind, string Key, string Name);

internal sealed record AlertList(string State, IReadOnlyList<AlertView> Alerts);
