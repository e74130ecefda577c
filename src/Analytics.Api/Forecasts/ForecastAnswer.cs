namespace Analytics.Api.Forecasts;

/// <summary>
/// GET /api/forecast: the days after <see cref="AsOf"/> with their 80% and 95% bands, the model and its backtest, and
/// 本月预计 / 全年预计. Without enough history, <see cref="Model"/> is null, <see cref="Points"/> empty and
/// <see cref="Message"/> says why, and <see cref="Reason"/> says it in a few Chinese words for the screen's tile.
/// </summary>
internal sealed record ForecastAnswer(
    string Metric, string AsOf, int Horizon, string? DataThrough, string? Model, string? ModelName, string? Message, string? Reason,
    string Bands, IReadOnlyList<ForecastPoint> Points, ForecastBacktest? Backtest, PeriodProjection? MonthEnd, PeriodProjection? YearEnd);

/// <summary>One forecast day: the value, its 80% band (lower, upper) and its 95% band.</summary>
internal sealed record ForecastPoint(string Date, decimal Value, decimal Lower, decimal Upper, decimal Lower95, decimal Upper95);

/// <summary>
/// The chosen model's rolling-origin backtest before asOf over horizons 1…<see cref="Horizons"/>: MASE (below 1 beats
/// the in-sample weekly naive forecast), sMAPE (0…2), the share of actual days inside the 80% band, and how many origins;
/// with the seasonal naive forecast's MASE on the same origins and every candidate's.
/// </summary>
internal sealed record ForecastBacktest(
    double? Mase, double? Smape, double? Coverage80, int Origins, int Horizons, double? SeasonalNaiveMase, IReadOnlyList<CandidateScore> Candidates);

internal sealed record CandidateScore(string Model, double? Mase, double? Smape);

/// <summary>
/// 本月预计 or 全年预计: the actual so far (through <see cref="ActualThrough"/>) plus the forecast of the rest of the
/// period, with the 80% band of that sum; the same period a year earlier and the change against it.
/// </summary>
internal sealed record PeriodProjection(
    string Period, string From, string To, string ActualThrough, decimal Actual, decimal Value, decimal Lower, decimal Upper,
    decimal? LastYear, double? Change);
