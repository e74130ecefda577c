namespace Analytics.Api.Forecasts;

/// <summary>Smoothing weights of <see cref="HoltWinters"/>: level α, trend β, season γ, trend damping φ.</summary>
internal readonly record struct HoltWintersWeights(double Alpha, double Beta, double Gamma, double Phi);

/// <summary>
/// Additive Holt-Winters with a damped trend and a weekly season (Hyndman and Athanasopoulos, FPP ch. 8):
/// <code>
/// L(t) = α (y(t) − S(t−m)) + (1−α)(L(t−1) + φ T(t−1))
/// T(t) = β (L(t) − L(t−1)) + (1−β) φ T(t−1)
/// S(t) = γ (y(t) − L(t)) + (1−γ) S(t−m)
/// ŷ(t+h) = L(t) + (φ + φ² + … + φ^h) T(t) + S(t+h−m(k+1)),  k = ⌊(h−1)/m⌋
/// </code>
/// Initial state from the first two weeks, derived here rather than copied: T = (mean₂ − mean₁)/m; a week's mean sits
/// (m−1)/2 days before its last day, so L at the end of week one is mean₁ + (m−1)/2·T; S(j) is the average over both
/// weeks of y minus that week's trend line at day j. A series that is exactly a line plus a weekly pattern therefore
/// starts with its true level, trend and season.
/// </summary>
internal static class HoltWinters
{
    public const int Period = SeasonalNaive.Period;

    /// <summary>Two full weeks to start from, and at least one more day to learn from.</summary>
    public const int MinimumLength = 2 * Period + 1;

    // A coarse grid is enough at this size (research notes §1); φ within [0.8, 0.98].
    private static readonly double[] Alphas = [0.05, 0.1, 0.2, 0.35, 0.5];
    private static readonly double[] Betas = [0.01, 0.05, 0.15];
    private static readonly double[] Gammas = [0.05, 0.15, 0.3];
    private static readonly double[] Phis = [0.8, 0.9, 0.98];

    /// <summary>
    /// The weights with the least one-step squared error over the history (after its first two weeks), by coordinate
    /// descent on the grid: each weight in turn takes its best grid value with the others held, twice over. 28 runs instead
    /// of the grid's 135, and on sales series the same choice or one as good.
    /// </summary>
    public static HoltWintersWeights Search(ReadOnlySpan<double> history)
    {
        var best = new HoltWintersWeights(0.2, 0.05, 0.15, 0.9);
        if (history.Length < MinimumLength)
            return best;
        Span<double> season = stackalloc double[Period];
        var bestError = Run(history, best, season, out _, out _);
        for (var pass = 0; pass < 2; pass++)
        {
            for (var weight = 0; weight < 4; weight++)
            {
                foreach (var value in Grid[weight])
                {
                    var candidate = weight switch
                    {
                        0 => best with { Alpha = value },
                        1 => best with { Beta = value },
                        2 => best with { Gamma = value },
                        _ => best with { Phi = value },
                    };
                    var error = Run(history, candidate, season, out _, out _);
                    if (error < bestError)
                        (bestError, best) = (error, candidate);
                }
            }
        }
        return best;
    }

    private static readonly double[][] Grid = [Alphas, Betas, Gammas, Phis];

    /// <summary>Fits the state over the history with these weights and forecasts the next <paramref name="horizon"/> days.</summary>
    public static double[] Forecast(ReadOnlySpan<double> history, HoltWintersWeights weights, int horizon)
    {
        if (history.Length < MinimumLength)
            return SeasonalNaive.Forecast(history, horizon);
        Span<double> season = stackalloc double[Period];
        Run(history, weights, season, out var level, out var trend);
        var forecast = new double[horizon];
        var damped = 0.0;
        var power = 1.0;
        for (var h = 1; h <= horizon; h++)
        {
            power *= weights.Phi;
            damped += power;
            // season[] is indexed by position in the week counted from the series' first day.
            forecast[h - 1] = level + damped * trend + season[(history.Length - 1 + h) % Period];
        }
        return forecast;
    }

    /// <summary>Runs the recursions; returns the one-step squared error and leaves the final state in the out values.</summary>
    private static double Run(ReadOnlySpan<double> y, HoltWintersWeights w, Span<double> season, out double level, out double trend)
    {
        Initialise(y, season, out level, out trend);
        var error = 0.0;
        for (int t = Period, slot = 0; t < y.Length; t++, slot = slot == Period - 1 ? 0 : slot + 1)
        {
            var predicted = level + w.Phi * trend + season[slot];
            if (t >= 2 * Period)
                error += (y[t] - predicted) * (y[t] - predicted);
            var previousLevel = level;
            level = w.Alpha * (y[t] - season[slot]) + (1 - w.Alpha) * (previousLevel + w.Phi * trend);
            trend = w.Beta * (level - previousLevel) + (1 - w.Beta) * w.Phi * trend;
            season[slot] = w.Gamma * (y[t] - level) + (1 - w.Gamma) * season[slot];
        }
        return error;
    }

    /// <summary>The state at the end of the first week (see the class notes); season[j] for day j of the week.</summary>
    internal static void Initialise(ReadOnlySpan<double> y, Span<double> season, out double level, out double trend)
    {
        double first = 0, second = 0;
        for (var j = 0; j < Period; j++)
        {
            first += y[j];
            second += y[j + Period];
        }
        first /= Period;
        second /= Period;
        trend = (second - first) / Period;
        const double middle = (Period - 1) / 2.0;
        for (var j = 0; j < Period; j++)
            season[j] = ((y[j] - (first + (j - middle) * trend)) + (y[j + Period] - (second + (j - middle) * trend))) / 2;
        level = first + middle * trend;
    }
}
