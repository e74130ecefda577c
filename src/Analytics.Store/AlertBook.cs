using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Store;

/// <summary>
/// 预警 episodes and what each webhook was told of them. The service decides what fires; the store keeps one open
/// episode per rule and scope, and the history.
/// </summary>
public sealed class AlertBook
{
    private const string Columns = """
        id AS Id, rule AS Rule, scope_kind AS ScopeKind, scope_key AS ScopeKey, scope_name AS ScopeName, since AS Since,
        raised_at AS RaisedAt, checked_at AS CheckedAt, unit AS Unit, figure_fen AS FigureFen, expected_fen AS ExpectedFen,
        bound_fen AS BoundFen, figure_value AS FigureValue, expected_value AS ExpectedValue, bound_value AS BoundValue,
        message AS Message, cause AS Cause, acknowledged_at AS AcknowledgedAt, acknowledged_by AS AcknowledgedBy, resolved_at AS ResolvedAt
        """;

    private readonly AnalyticsStore _store;

    internal AlertBook(AnalyticsStore store) => _store = store;

    /// <summary>Open episodes (<paramref name="all"/>: every episode), newest first.</summary>
    public IReadOnlyList<StoredAlert> List(bool all, int limit = 500)
    {
        using var connection = _store.Open();
        return connection.Query<StoredAlert>(
            $"SELECT {Columns} FROM alerts WHERE @all OR resolved_at IS NULL ORDER BY id DESC LIMIT @limit", new { all, limit }).ToList();
    }

    public StoredAlert? Find(long id)
    {
        using var connection = _store.Open();
        return connection.QuerySingleOrDefault<StoredAlert>($"SELECT {Columns} FROM alerts WHERE id = @id", new { id });
    }

    /// <summary>
    /// Records one evaluation: a finding with no open episode raises one; an open episode still found gets its figures
    /// and <c>checked_at</c> refreshed (never raised again); an open episode of a rule that was evaluated and no longer
    /// fires is resolved. Returns the episodes raised and resolved.
    /// </summary>
    public async Task<AlertChanges> RecordAsync(IReadOnlyList<AlertFinding> findings, IReadOnlyCollection<string> rulesEvaluated, string at, CancellationToken cancellationToken)
    {
        return await _store.WriteAloneAsync(connection =>
        {
            using var transaction = connection.BeginTransaction();
            var open = connection.Query<StoredAlert>($"SELECT {Columns} FROM alerts WHERE resolved_at IS NULL", transaction: transaction)
                .ToDictionary(a => (a.Rule, a.ScopeKind, a.ScopeKey));
            var raised = new List<long>();
            var found = new HashSet<(string, string, string)>();
            foreach (var finding in findings)
            {
                var key = (finding.Rule, finding.ScopeKind, finding.ScopeKey);
                if (!found.Add(key))
                    continue;
                if (open.TryGetValue(key, out var episode))
                {
                    connection.Execute("""
                        UPDATE alerts SET checked_at = @at, figure_fen = @FigureFen, expected_fen = @ExpectedFen, bound_fen = @BoundFen,
                            figure_value = @FigureValue, expected_value = @ExpectedValue, bound_value = @BoundValue, message = @Message, cause = @Cause
                        WHERE id = @id
                        """, new { at, finding.FigureFen, finding.ExpectedFen, finding.BoundFen, finding.FigureValue, finding.ExpectedValue,
                            finding.BoundValue, finding.Message, finding.Cause, id = episode.Id }, transaction);
                    continue;
                }
                raised.Add(connection.ExecuteScalar<long>("""
                    INSERT INTO alerts (rule, scope_kind, scope_key, scope_name, since, raised_at, checked_at, unit, figure_fen, expected_fen,
                        bound_fen, figure_value, expected_value, bound_value, message, cause)
                    VALUES (@Rule, @ScopeKind, @ScopeKey, @ScopeName, @Since, @at, @at, @Unit, @FigureFen, @ExpectedFen,
                        @BoundFen, @FigureValue, @ExpectedValue, @BoundValue, @Message, @Cause)
                    RETURNING id
                    """, new { finding.Rule, finding.ScopeKind, finding.ScopeKey, finding.ScopeName, finding.Since, at, finding.Unit,
                        finding.FigureFen, finding.ExpectedFen, finding.BoundFen, finding.FigureValue, finding.ExpectedValue,
                        finding.BoundValue, finding.Message, finding.Cause }, transaction));
            }
            var resolved = open.Where(o => rulesEvaluated.Contains(o.Key.Rule) && !found.Contains(o.Key)).Select(o => o.Value.Id).ToList();
            foreach (var id in resolved)
                connection.Execute("UPDATE alerts SET resolved_at = @at WHERE id = @id", new { at, id }, transaction);
            transaction.Commit();
            return new AlertChanges(raised, resolved);
        }, cancellationToken);
    }

    /// <summary>Marks an episode as seen by the bureau; false when there is no such episode.</summary>
    public async Task<bool> AcknowledgeAsync(long id, string by, string at, CancellationToken cancellationToken) =>
        await _store.WriteAloneAsync(connection => connection.Execute(
            "UPDATE alerts SET acknowledged_at = coalesce(acknowledged_at, @at), acknowledged_by = coalesce(acknowledged_by, @by) WHERE id = @id",
            new { id, by, at }) > 0, cancellationToken);

    /// <summary>
    /// What a webhook has yet to be told: episodes raised (still open, or resolved since) and episodes resolved, without a
    /// delivered notification, raised or resolved at or after <paramref name="since"/> (older ones are not news).
    /// </summary>
    public IReadOnlyList<PendingNotification> Pending(string webhook, IReadOnlyCollection<string> rules, string since)
    {
        using var connection = _store.Open();
        return connection.Query<PendingNotification>($"""
            SELECT e.event AS Event, {Columns.Replace("id AS Id", "a.id AS Id", StringComparison.Ordinal)}
            FROM alerts a
            JOIN (SELECT 'raised' AS event UNION ALL SELECT 'resolved') e ON e.event = 'raised' OR a.resolved_at IS NOT NULL
            WHERE a.rule IN @rules AND (CASE e.event WHEN 'raised' THEN a.raised_at ELSE a.resolved_at END) >= @since
              AND NOT EXISTS (SELECT 1 FROM alert_notifications n
                              WHERE n.alert_id = a.id AND n.webhook = @webhook AND n.event = e.event AND n.sent_at IS NOT NULL)
            ORDER BY a.id, e.event DESC
            """, new { webhook, rules, since }).ToList();
    }

    /// <summary>Records a delivery attempt to a webhook: delivered (<paramref name="sentAt"/>) or failed with an error.</summary>
    public async Task RecordDeliveryAsync(long alertId, string webhook, string @event, string? sentAt, int attempts, string? error, CancellationToken cancellationToken) =>
        await _store.WriteAloneAsync(connection => connection.Execute("""
            INSERT INTO alert_notifications (alert_id, webhook, event, sent_at, attempts, last_error)
            VALUES (@alertId, @webhook, @event, @sentAt, @attempts, @error)
            ON CONFLICT (alert_id, webhook, event) DO UPDATE SET sent_at = excluded.sent_at,
                attempts = alert_notifications.attempts + excluded.attempts, last_error = excluded.last_error
            """, new { alertId, webhook, @event, sentAt, attempts, error }), cancellationToken);

    /// <summary>Deliveries to a webhook: (alert, event, delivered at or null, attempts).</summary>
    public IReadOnlyList<(long AlertId, string Event, string? SentAt, int Attempts)> Deliveries(string webhook)
    {
        using var connection = _store.Open();
        return connection.Query<(long, string, string?, int)>(
            "SELECT alert_id, event, sent_at, attempts FROM alert_notifications WHERE webhook = @webhook ORDER BY alert_id, event", new { webhook }).ToList();
    }
}

/// <summary>A rule firing for a scope, as an evaluation found it.</summary>
public record AlertFinding
{
    public required string Rule { get; init; }
    public required string ScopeKind { get; init; }
    public required string ScopeKey { get; init; }
    public required string ScopeName { get; init; }
    public required string Since { get; init; }
    public required string Unit { get; init; }
    public long? FigureFen { get; init; }
    public long? ExpectedFen { get; init; }
    public long? BoundFen { get; init; }
    public double? FigureValue { get; init; }
    public double? ExpectedValue { get; init; }
    public double? BoundValue { get; init; }
    public required string Message { get; init; }
    public string? Cause { get; init; }
}

/// <summary>An episode as stored: the finding that raised it, kept up to date while it lasts, and what became of it.</summary>
public record StoredAlert : AlertFinding
{
    public long Id { get; init; }
    public required string RaisedAt { get; init; }
    public required string CheckedAt { get; init; }
    public string? AcknowledgedAt { get; init; }
    public string? AcknowledgedBy { get; init; }
    public string? ResolvedAt { get; init; }
}

/// <summary>An episode a webhook has not yet been told about, and which event (raised or resolved).</summary>
public sealed record PendingNotification : StoredAlert
{
    public required string Event { get; init; }
}

public sealed record AlertChanges(IReadOnlyList<long> Raised, IReadOnlyList<long> Resolved);
