using Analytics.Api.Reports;

namespace Analytics.Tests.Reports;

/// <summary>The statement's wording on the cases a bureau writes differently: growth, decline, zero base, no year before.</summary>
public sealed class StatementWriterTests
{
    private static readonly PeriodFigures LastYear = new(22_221_400m, 150_722, 85_361, 185.51m, 0.1608, 19);

    private static StatementFacts Facts(PeriodFigures current, PeriodFigures? yearAgo) => new()
    {
        County = "全县",
        Period = ReportPeriod.Annual(2022),
        Current = current,
        YearAgo = yearAgo,
        Platforms = [new NamedSales("抖音", 13_915_500m, 9_988_300m), new NamedSales("拼多多", 9_386_500m, 0m)],
        Enterprises = [new NamedSales("禾丰石磨坊食品有限公司", 5_976_500m, 4_414_300m)],
        Provinces = [new NamedSales("山西", 8_004_100m, 5_735_700m), new NamedSales("陕西", 2_091_000m, 1_521_300m)],
        GrowingProducts = [new NamedSales("富硒黄小米 小包装礼盒", 966_600m, 654_000m)],
        ProductPoolSize = 20,
    };

    [Test]
    public void GrowthIsWrittenInWanYuanWithOneOrTwoDecimalsAndRatesInPercentagePoints()
    {
        var current = new PeriodFigures(30_910_000m, 210_943, 119_267, 184.02m, 0.1567, 21);

        var overall = StatementWriter.Paragraphs(Facts(current, LastYear))[0];

        Assert.That(overall, Does.StartWith("2022年，全县实现网络零售额3091万元，同比增长39.1%；订单量21.09万单，同比增长39.96%；"));
        Assert.That(overall, Does.Contain("客单价184.02元，同比下降0.8%"));
        Assert.That(overall, Does.Contain("复购率15.67%，较上年同期下降0.41个百分点"));
        Assert.That(overall, Does.EndWith("商品覆盖全国21个省市，较上年同期增加2个。"));
    }

    [Test]
    public void ADeclineSaysXiaJiangWithThePositiveFigure()
    {
        var current = new PeriodFigures(20_000_000m, 140_000, 80_000, 185.51m, 0.1708, 19);

        var overall = StatementWriter.Paragraphs(Facts(current, LastYear))[0];

        Assert.That(overall, Does.Contain("实现网络零售额2000万元，同比下降10%"));
        Assert.That(overall, Does.Contain("订单量14万单，同比下降7.11%"));
        Assert.That(overall, Does.Contain("客单价185.51元，与上年同期持平"));
        Assert.That(overall, Does.Contain("复购率17.08%，较上年同期提高1个百分点"));
        Assert.That(overall, Does.Not.Contain("-"));
    }

    [Test]
    public void AZeroBaseGivesNoPercentage()
    {
        var current = new PeriodFigures(30_910_000m, 210_943, 119_267, 184.02m, 0.1567, 21);
        var everythingRefundedAndNoBuyerKnown = LastYear with { NetSales = 0m, Buyers = 0, BasketSize = null, RepeatRate = null };

        var paragraphs = StatementWriter.Paragraphs(Facts(current, everythingRefundedAndNoBuyerKnown));

        Assert.That(paragraphs[0], Does.StartWith("2022年，全县实现网络零售额3091万元，上年同期为零；订单量21.09万单，同比增长39.96%；"));
        Assert.That(paragraphs[0], Does.Contain("支付买家11.93万人；客单价184.02元；复购率15.67%。"),
            "no buyer could be identified a year before: no 同比 for buyer figures, and not 上年同期为零");
        var platforms = paragraphs.Single(p => p.StartsWith("分平台看", StringComparison.Ordinal));
        Assert.That(platforms, Does.Contain("拼多多实现网络零售额938.65万元，占全县的30.37%，上年同期无销售"));
        Assert.That(platforms, Does.Contain("抖音实现网络零售额1391.55万元，占全县的45.02%，同比增长39.32%"));
    }

    [Test]
    public void AFirstYearStatesNoComparisonAnywhere()
    {
        var current = new PeriodFigures(22_221_400m, 150_722, 85_361, 185.51m, 0.1608, 19);

        var paragraphs = StatementWriter.Paragraphs(Facts(current, null));

        Assert.That(paragraphs[0], Is.EqualTo(
            "2022年，全县实现网络零售额2222.14万元；订单量15.07万单；支付买家8.54万人；客单价185.51元；复购率16.08%。" +
            "商品覆盖全国19个省市。2021年同期无销售数据，不作同比。"));
        Assert.That(string.Concat(paragraphs), Does.Not.Contain("同比增长").And.Not.Contain("同比下降").And.Not.Contain("上年同期无销售"));
        Assert.That(paragraphs.Any(p => p.StartsWith("分商品看", StringComparison.Ordinal)), Is.False, "no fastest-growing products without a year before");
    }

    [Test]
    public void AQuarterAddsTheYearToDateFromJanuary()
    {
        var facts = Facts(new PeriodFigures(7_640_000m, 51_973, 32_939, 162.78m, 0.0363, 21), LastYear) with
        {
            Period = ReportPeriod.Quarter(2023, 2),
            YearToDate = new PeriodFigures(15_280_000m, 103_000, 60_000, 160m, 0.05, 21),
            YearToDateYearAgo = new PeriodFigures(15_280_000m, 100_000, 60_000, 160m, 0.05, 21),
        };

        var paragraphs = StatementWriter.Paragraphs(facts);

        Assert.That(paragraphs[0], Does.StartWith("2023年二季度，全县实现网络零售额764万元"));
        Assert.That(paragraphs[1], Is.EqualTo("1—6月，全县累计实现网络零售额1528万元，与上年同期持平；累计订单量10.3万单，同比增长3%。"));
    }

    [TestCase(123_456_789, "1.23亿元")]
    [TestCase(99_990_000, "9999万元")]
    [TestCase(8_500, "0.85万元")]
    [TestCase(0, "0万元")]
    public void AmountsAreInWanYuanOrYiYuan(decimal yuan, string expected) =>
        Assert.That(BureauNumbers.Amount(yuan), Is.EqualTo(expected));

    [TestCase(0.00004, "与上年同期持平")]
    [TestCase(-0.5, "同比下降50%")]
    [TestCase(0.2418, "同比增长24.18%")]
    [TestCase(2.0, "同比增长200%")]
    public void ChangesChooseTheirVerbBySign(double change, string expected) =>
        Assert.That(BureauNumbers.Change(change), Is.EqualTo(expected));

    [Test]
    public void JanuaryHasNoSeparateYearToDateAndOneOfEachIsNamedAsSuch()
    {
        var facts = Facts(new PeriodFigures(2_000_000m, 15_000, 9_000, 150m, 0.02, 1), LastYear) with
        {
            Period = ReportPeriod.Month(2023, 1),
            YearToDate = new PeriodFigures(2_000_000m, 15_000, 9_000, 150m, 0.02, 1),
            Platforms = [new NamedSales("抖音", 2_000_000m, 1_000_000m)],
            Enterprises = [new NamedSales("禾丰石磨坊食品有限公司", 2_000_000m, 1_000_000m)],
            Provinces = [new NamedSales("山西", 2_000_000m, 1_000_000m)],
            BuyerFiguresEstimated = true,
        };

        var paragraphs = StatementWriter.Paragraphs(facts);

        Assert.That(facts.Period.YearToDateName, Is.EqualTo("1月"));
        Assert.That(paragraphs.Any(p => p.Contains("累计", StringComparison.Ordinal)), Is.False);
        Assert.That(paragraphs[0], Does.Contain("（支付买家数、客单价和复购率含估算，见“数据说明”）。商品覆盖全国1个省市，较上年同期减少18个。"));
        Assert.That(paragraphs, Does.Contain("分平台看，抖音实现网络零售额200万元，占全县的100%，同比增长100%。"));
        Assert.That(paragraphs, Does.Contain("分企业看，网络零售额居首位的企业是禾丰石磨坊食品有限公司（200万元，占全县的100%，同比增长100%）。"));
        Assert.That(paragraphs, Does.Contain("分地区看，销往山西（100%）的网络零售额居首位。"));
    }

    [Test]
    public void NoKnownProvinceIsSaidPlainly()
    {
        var current = new PeriodFigures(30_910_000m, 210_943, 0, null, null, 0);

        var overall = StatementWriter.Paragraphs(Facts(current, LastYear) with { Provinces = [] })[0];

        Assert.That(overall, Does.EndWith("订单的收货省份均未能识别（导出文件未含收货地址）。"));
        Assert.That(overall, Does.Not.Contain("支付买家").And.Not.Contain("0个省市"));
    }
}
