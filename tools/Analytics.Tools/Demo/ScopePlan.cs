namespace Analytics.Tools.Demo;

/// <summary>How often the rarer things happen; the small set makes them likelier so that two weeks show them all.</summary>
internal sealed record DemoRates(
    double Unpaid, double Refund, double PddDealTimeBlank, double DouyinMultiLine, double JdMultiSku, double JdDeleted);

/// <summary>What a <see cref="DemoScope"/> writes: budget periods, per-shop budgets and export schedules.</summary>
internal sealed record ScopePlan(
    DemoScope Scope,
    IReadOnlyList<Bucket> Buckets,
    DemoRates Rates,
    Func<Random, ExportSchedule> Schedule,
    Func<IReadOnlyList<DemoShop>, int, long[][]> Budgets,
    string TitledPddLabel,
    DateTime? ProvinceCoverageMonth)
{
    public static ScopePlan For(DemoScope scope) => scope switch
    {
        DemoScope.Full => Full(),
        DemoScope.Small => Small(),
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Unknown demo scope."),
    };

    private static ScopePlan Full()
    {
        var months = SalesTargets.Monthly();
        var buckets = months.Select(m => new Bucket(m.Month.ToDateTime(TimeOnly.MinValue), m.Month.AddMonths(1).ToDateTime(TimeOnly.MinValue)))
            .ToArray();
        return new ScopePlan(
            DemoScope.Full,
            buckets,
            new DemoRates(Unpaid: 0.02, Refund: 0.03, PddDealTimeBlank: 0.02, DouyinMultiLine: 0.15, JdMultiSku: 0.10, JdDeleted: 0.006),
            rng => ExportSchedule.Monthly(months[0].Month, months[^1].Month, rng),
            (shops, seed) => BudgetPlan.Calibrated(shops, months.Select(m => m.Fen).ToArray(), seed),
            TitledPddLabel: "2022-12",
            ProvinceCoverageMonth: new DateTime(2023, 1, 1));
    }

    private static ScopePlan Small()
    {
        var first = new DateOnly(2023, 3, 1);
        var bucket = new Bucket(first.ToDateTime(TimeOnly.MinValue), first.AddDays(14).ToDateTime(TimeOnly.MinValue));
        return new ScopePlan(
            DemoScope.Small,
            [bucket],
            new DemoRates(Unpaid: 0.06, Refund: 0.10, PddDealTimeBlank: 0.10, DouyinMultiLine: 0.15, JdMultiSku: 0.15, JdDeleted: 0.08),
            rng => ExportSchedule.TwoWeeks(first, rng),
            (shops, _) => BudgetPlan.Flat(shops.Count, 1, 5_200_00),
            TitledPddLabel: "2023-03-08",
            ProvinceCoverageMonth: null);
    }
}
