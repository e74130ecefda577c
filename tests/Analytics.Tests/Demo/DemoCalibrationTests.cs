using Analytics.Tools.Demo;

namespace Analytics.Tests.Demo;

/// <summary>
/// Writes the full demo set once and reads it back with <see cref="DemoLedger"/>, independently of the generator's
/// own bookkeeping: the published demo numbers must come out of the files to the fen.
/// </summary>
[TestFixture]
[Category("Demo")]
[NonParallelizable]
public sealed class DemoCalibrationTests
{
    private string _root = "";
    private DemoExportSummary _summary = null!;
    private List<LedgerOrder> _orders = [];

    [OneTimeSetUp]
    public void WriteFullSet()
    {
        _root = Path.Combine(Path.GetTempPath(), "demo-calibration-" + Guid.NewGuid().ToString("N"));
        _summary = DemoExports.Write(_root, seed: 1, DemoScope.Full, DemoLedger.SeedsDirectory());
        _orders = DemoLedger.Read(_root);
    }

    [OneTimeTearDown]
    public void DeleteFullSet() => Directory.Delete(_root, recursive: true);

    private long Net(DateTime from, DateTime toExclusive) =>
        _orders.Where(o => o.PaidAt >= from && o.PaidAt < toExclusive).Sum(o => o.NetFen);

    private static DateTime Day(int year, int month, int day = 1) => new(year, month, day);

    [Test]
    public void NetSalesHitThePublishedTargetsToTheFen()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Net(Day(2021, 1), Day(2022, 1)), Is.EqualTo(22_221_423_43L), "2021");
            Assert.That(Net(Day(2022, 1), Day(2023, 1)), Is.EqualTo(30_910_000_00L), "2022");
            Assert.That(Net(Day(2022, 1), Day(2022, 4)), Is.EqualTo(6_152_359_48L), "2022 Q1");
            Assert.That(Net(Day(2023, 1), Day(2023, 4)), Is.EqualTo(7_640_000_00L), "2023 Q1");
        });
    }

    [Test]
    public void SecondQuarterOf2023GrowsAboutTwentyPercent()
    {
        var growth = (double)Net(Day(2023, 4), Day(2023, 7)) / Net(Day(2022, 4), Day(2022, 7));
        Assert.That(growth, Is.EqualTo(1.20).Within(0.001));
    }

    [Test]
    public void EveryMonthOfThePeriodHasSalesAndNoneOutside()
    {
        var months = _orders.Where(o => o.PaidAt is not null).Select(o => o.PaidAt!.Value.ToString("yyyy-MM", null)).Distinct().Order().ToList();
        Assert.That(months, Has.Count.EqualTo(30));
        Assert.That((months[0], months[^1]), Is.EqualTo(("2021-01", "2023-06")));
    }

    [Test]
    public void PaidOrdersOfFirstQuarter2023ReachExactlyTwentyOneProvinces()
    {
        var q1 = _orders.Where(o => o.PaidAt >= Day(2023, 1) && o.PaidAt < Day(2023, 4));
        Assert.That(q1.Select(o => o.Province).OfType<string>().Distinct().Count(), Is.EqualTo(21));
        Assert.That(_orders.Select(o => o.Province).OfType<string>().Distinct().Count(), Is.EqualTo(21), "whole set");
    }

    [Test]
    public void VolumeAndOrderValueAreRealistic()
    {
        var paid = _orders.Where(o => o.PaidAt is not null).ToList();
        Assert.That(_summary.Orders, Is.EqualTo(_orders.Count), "summary counts distinct orders");
        Assert.That(_orders, Has.Count.InRange(400_000, 600_000));
        Assert.That(paid.Average(o => o.PaidFen) / 100, Is.InRange(120.0, 160.0), "average order value in yuan");
        Assert.That(1 - ((double)paid.Count / _orders.Count), Is.InRange(0.015, 0.025), "unpaid share");
    }

    [Test]
    public void FivePlatformsShareNetSalesAsTheBudgetSays()
    {
        var total = (double)_orders.Sum(o => o.NetFen);
        double Share(string platform) => _orders.Where(o => o.Platform == platform).Sum(o => o.NetFen) / total;
        Assert.Multiple(() =>
        {
            Assert.That(Share("douyin"), Is.EqualTo(0.38).Within(0.02));
            Assert.That(Share("jd"), Is.EqualTo(0.25).Within(0.02));
            Assert.That(Share("pdd"), Is.EqualTo(0.22).Within(0.02));
            Assert.That(Share("taobao"), Is.EqualTo(0.10).Within(0.01));
            Assert.That(Share("kuaishou"), Is.EqualTo(0.05).Within(0.01));
        });
    }

    [Test]
    public void AboutThreePercentOfPaidOrdersAreRefundedAndNoneOnJd()
    {
        var paid = _orders.Where(o => o.PaidAt is not null && o.Platform != "jd").ToList();
        var refundedOrders = paid.Count(o => o.RefundFen > 0);
        Assert.That((double)refundedOrders / paid.Count, Is.InRange(0.025, 0.04));
        Assert.That(_orders.Where(o => o.Platform == "jd").Sum(o => o.RefundFen), Is.Zero);
    }

    [Test]
    public void AboutFifteenPercentOfDouyinOrdersHaveSeveralSubOrders()
    {
        var douyin = _orders.Where(o => o.Platform == "douyin").ToList();
        Assert.That((double)douyin.Count(o => o.Lines > 1) / douyin.Count, Is.InRange(0.12, 0.18));
    }

    [Test]
    public void AQuarterOfJdBuyersBuyAgainWithinAYear()
    {
        var byBuyer = _orders.Where(o => o.Platform == "jd" && o.PaidAt < Day(2022, 7))
            .GroupBy(o => (o.Shop, o.Buyer)).Select(g => g.Select(o => o.PaidAt!.Value).Order().ToList()).ToList();
        var again = byBuyer.Count(times => times.Count > 1 && times[1] - times[0] <= TimeSpan.FromDays(365));
        Assert.That((double)again / byBuyer.Count, Is.InRange(0.20, 0.30));
    }

    [Test]
    public void ShoppingFestivalsShapeTheMonths()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Net(Day(2022, 11), Day(2022, 12)), Is.GreaterThan(Net(Day(2022, 10), Day(2022, 11))), "Double 11");
            Assert.That(Net(Day(2022, 6), Day(2022, 7)), Is.GreaterThan(Net(Day(2022, 7), Day(2022, 8))), "618");
            Assert.That(Net(Day(2023, 1), Day(2023, 2)), Is.GreaterThan(Net(Day(2023, 3), Day(2023, 4))), "Spring Festival");
        });
    }
}
