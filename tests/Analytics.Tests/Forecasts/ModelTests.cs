using Analytics.Api.Forecasts;

namespace Analytics.Tests.Forecasts;

public sealed class ModelTests
{
    [Test]
    public void SeasonalNaiveRepeatsTheSameWeekdayOfTheLastWeek()
    {
        double[] history = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];

        var forecast = SeasonalNaive.Forecast(history, 9);

        Assert.That(forecast, Is.EqualTo(new double[] { 8, 9, 10, 11, 12, 13, 14, 8, 9 }));
        Assert.That(SeasonalNaive.Scale(history), Is.EqualTo(7.0), "each day is 7 more than a week before");
    }

    [Test]
    public void HoltWintersStartsALineWithAWeeklyPatternAtItsTrueState()
    {
        double[] pattern = [3, -1, 0, -2, 1, 4, -5];
        var series = Enumerable.Range(0, 28).Select(t => 10 + 2.0 * t + pattern[t % 7]).ToArray();
        Span<double> season = stackalloc double[7];

        HoltWinters.Initialise(series, season, out var level, out var trend);

        Assert.That((level, trend), Is.EqualTo((22.0, 2.0)), "level at day 6 is 10 + 2·6");
        Assert.That(season.ToArray(), Is.EqualTo(pattern).Within(1e-12));
        // Undamped, the recursions keep it exact: the forecast continues the line and the pattern.
        var forecast = HoltWinters.Forecast(series, new HoltWintersWeights(0.3, 0.1, 0.2, 1.0), 8);
        Assert.That(forecast, Is.EqualTo(Enumerable.Range(28, 8).Select(t => 10 + 2.0 * t + pattern[t % 7])).Within(1e-9));
    }

    [Test]
    public void HoltWintersFollowsItsRecursionsOneDayByHand()
    {
        // Two flat weeks of 10 then one day of 17: L0 = 10, T0 = 0, S = 0.
        var series = Enumerable.Repeat(10.0, 14).Append(17.0).ToArray();
        var weights = new HoltWintersWeights(0.5, 0.2, 0.1, 0.9);

        var forecast = HoltWinters.Forecast(series, weights, 2);

        // L = 0.5·17 + 0.5·10 = 13.5; T = 0.2·3.5 = 0.7; S(day 0) = 0.1·(17 − 13.5) = 0.35.
        // Day 15 (slot 1, S = 0): 13.5 + 0.9·0.7 = 14.13. Day 16: 13.5 + (0.9 + 0.81)·0.7 = 14.697.
        Assert.That(forecast, Is.EqualTo(new[] { 14.13, 14.697 }).Within(1e-9));
    }

    [Test]
    public void AnEventEffectIsMeasuredAgainstTheNearestOrdinarySameWeekdaysAndPutBack()
    {
        var start = new DateOnly(2022, 10, 1);
        var values = Enumerable.Range(0, 120).Select(i => start.AddDays(i) == new DateOnly(2022, 11, 11) ? 500.0 : 100.0).ToArray();
        var history = new DailySeries(start, values);

        var effects = EventEffects.Measure(history);

        Assert.That(effects.Effects["双11"], Is.EqualTo(5.0));
        Assert.That(effects.Effects["双11开门红"], Is.EqualTo(1.0));
        Assert.That(effects.Remove(history).Distinct(), Is.EqualTo(new[] { 100.0 }), "the history without its events is flat");
        Assert.That(effects.Apply([100, 100], new DateOnly(2023, 11, 10)), Is.EqualTo(new[] { 500.0, 100.0 }), "双11 a year later, then 11-12 (双11返场, measured as ordinary)");
    }

    [Test]
    public void TheSpringFestivalComesFromTheTableNotAFormula()
    {
        Assert.That(SalesCalendar.SpringFestivalOf(2023), Is.EqualTo(new DateOnly(2023, 1, 22)));
        Assert.That(SalesCalendar.SpringFestivalOf(2024), Is.EqualTo(new DateOnly(2024, 2, 10)));
        Assert.That(SalesCalendar.EventOf(new DateOnly(2024, 2, 10)), Is.EqualTo("春节"));
        Assert.That(SalesCalendar.EventOf(new DateOnly(2024, 1, 20)), Is.EqualTo("年货节前段"));
        Assert.That(SalesCalendar.EventOf(new DateOnly(2023, 10, 25)), Is.EqualTo("双11预售"));
        Assert.That(SalesCalendar.EventOf(new DateOnly(2023, 3, 14)), Is.Null);
    }

    [Test]
    public void WhenNothingBeatsSeasonalNaiveItIsWhatIsShown()
    {
        // A seasonal random walk: each day is the same weekday last week plus a shock, so last week's value is the best guess.
        var random = new Random(7);
        var values = new double[200];
        for (var t = 0; t < values.Length; t++)
            values[t] = t < 7 ? 1000 + 100 * t : values[t - 7] + 80 * (random.NextDouble() - 0.5) * 2;
        var series = new DailySeries(new DateOnly(2023, 2, 6), values);

        var forecast = SeriesForecaster.Forecast(series, 14, 14)!;

        Assert.That(forecast.Method, Is.EqualTo(ForecastMethod.SeasonalNaive), string.Join(", ", forecast.Candidates.Select(c => $"{c.Method} {c.Mase:0.000}")));
        Assert.That(forecast.Values, Is.EqualTo(SeasonalNaive.Forecast(values, 14)));
    }

    [Test]
    public void AModelIsChosenOnlyWhenItsBacktestBeatsSeasonalNaive()
    {
        var start = new DateOnly(2023, 2, 6);
        var series = new DailySeries(start, SalesDays.Steady(start, 150, 1000, seed: 3));

        var forecast = SeriesForecaster.Forecast(series, 14, 14)!;

        Assert.That(forecast.Method, Is.Not.EqualTo(ForecastMethod.SeasonalNaive), "a noisy level is forecast better smoothed than by last week");
        Assert.That(forecast.Score.Mase, Is.LessThan(forecast.SeasonalNaiveScore.Mase!.Value));
        Assert.That(forecast.Bands.All(b => b.Lower95 <= b.Lower && b.Lower <= b.Upper && b.Upper <= b.Upper95), Is.True);
    }

    [Test]
    public void UnderEightWeeksOfHistoryThereIsNoForecast()
    {
        var series = new DailySeries(new DateOnly(2023, 1, 1), [.. new double[30], .. Enumerable.Repeat(100.0, 55)]);

        Assert.That(SeriesForecaster.Forecast(series, 7, 7), Is.Null, "55 days from the first sale");
    }
}
