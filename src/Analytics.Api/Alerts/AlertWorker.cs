using Analytics.Api.Forecasts;
using Analytics.Api.Hosting;
using Analytics.Ingestion.Normalising;
using Analytics.Store;

namespace Analytics.Api.Alerts;

/// <summary>
/// Evaluates the rules after each import lands — it looks for a new data version every minute, which sees imports by
/// the inbox, uploads and the command line alike — and every hour by the service's clock (a shop falls silent without
/// any import). Evaluation only reads, on its own thread; its one write waits its turn behind any import, so an import
/// never waits on it and nothing it does can fail one. After each evaluation the webhooks are told what is new.
/// </summary>
internal sealed partial class AlertWorker(
    AnalyticsStore store, ShopDaysCache shopDays, ServiceSettings settings, TimeProvider time, AlertWebhookSender webhooks, ILogger<AlertWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);
    private long? _evaluatedVersion;
    private DateTimeOffset _evaluatedAt = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        do
        {
            try
            {
                long version;
                using (var data = store.Read())
                    version = data.DataVersion();
                if (version != _evaluatedVersion || time.GetUtcNow() - _evaluatedAt >= Every)
                    await EvaluateAsync(stoppingToken);
                await webhooks.DeliverAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A rule that cannot be judged must not stop the service: logged, and tried again next minute or hour.
                EvaluationFailed(logger, e);
                _evaluatedAt = time.GetUtcNow();
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Judges every rule now and records what was raised and resolved.</summary>
    public async Task<AlertChanges> EvaluateAsync(CancellationToken cancellationToken)
    {
        var (evaluation, version) = await Task.Run(() =>
        {
            using var data = store.Read();
            var version = data.DataVersion();
            var evaluator = new AlertEvaluator(data, shopDays.Get(data), settings.Alerts, settings.County);
            return (evaluator.Evaluate(time.BeijingNow().DateTime, settings.ExpectedUploadHours), version);
        }, cancellationToken);
        var changes = await store.Alerts.RecordAsync(evaluation.Findings, evaluation.RulesEvaluated, time.BeijingNowText(), cancellationToken);
        (_evaluatedVersion, _evaluatedAt) = (version, time.GetUtcNow());
        if (changes.Raised.Count + changes.Resolved.Count > 0)
        {
            var judged = evaluation.LastDayJudged is { } day ? Analytics.Store.Sales.SalesScope.Text(day) : "-";
            Evaluated(logger, changes.Raised.Count, changes.Resolved.Count, judged);
        }
        return changes;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "预警：新增 {Raised} 条，解除 {Resolved} 条（数据判断至 {Day}）")]
    private static partial void Evaluated(ILogger logger, int raised, int resolved, string day);

    [LoggerMessage(Level = LogLevel.Error, Message = "预警规则评估失败，稍后重试")]
    private static partial void EvaluationFailed(ILogger logger, Exception exception);
}
