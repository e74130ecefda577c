using System.Globalization;
using Analytics.Api.Metrics;
using Analytics.Ingestion.Formats;
using Analytics.Store;
using Analytics.Store.Sales;
using static Analytics.Api.Reports.BureauNumbers;

namespace Analytics.Api.Reports;

/// <summary>
/// 数据说明: which shops' exports the figures rest on and for which days, and which figures are estimates and why
/// (METRICS.md), so a reader can trust or question every number.
/// </summary>
internal static class ReportCoverageText
{
    /// <summary>A shop whose orders start or stop this many days inside the period probably has an export missing.</summary>
    private const int GapDays = 7;

    public static ReportSection Section(ReportFacts facts)
    {
        var coverage = facts.Coverage;
        var period = facts.Period;
        var selling = coverage.Shops.Where(s => s.Orders > 0).ToList();
        var paragraphs = new List<string>
        {
            $"本报告数据来自{selling.Count}家店铺在{selling.Select(s => s.Platform).Distinct().Count()}个平台的订单导出文件" +
            $"（累计导入{coverage.FilesImported}个文件{(coverage.LastImportAt is { } last ? $"，最近一次导入于{DayText(last[..10])}" : "")}）。" +
            "网络零售额为买家实付金额扣除退款，订单按支付时间计入统计期，同一订单多次导出只计一次；指标定义与数据大屏、查询接口一致。",
        };

        var gaps = Gaps(coverage.Shops, period.From, period.To);
        paragraphs.Add(gaps.Count == 0
            ? "各店铺的订单数据均覆盖整个统计期。"
            : $"以下店铺本期的数据不完整，可能缺少导出文件，相关数字偏低：{string.Join("；", gaps)}。");
        // Data collection that began inside the year-before window makes every 同比 look better than it is.
        var yearAgoFrom = facts.Period.From.AddYears(-1);
        if (facts.HasYearAgo && coverage.FirstDayEver is { } firstDay && Day(firstDay) > yearAgoFrom.AddDays(GapDays - 1))
            paragraphs.Add($"本系统的数据自{DayText(firstDay)}起，上年同期（自{DayText(SalesScope.Text(yearAgoFrom))}起）的数据不完整，同比增幅偏高，仅供参考。");
        if (facts.HasYearAgo && Gaps(coverage.YearAgoShops, facts.Period.From.AddYears(-1), DateOnly.ParseExact(facts.YearAgo.To, "yyyy-MM-dd", CultureInfo.InvariantCulture)) is { Count: > 0 } yearAgoGaps)
            paragraphs.Add($"上年同期，以下店铺的数据不完整，同比增幅可能因此偏高：{string.Join("；", yearAgoGaps)}。");

        if (Names(facts, "netSales") is { } refundPlatforms)
            paragraphs.Add($"{refundPlatforms}的导出文件没有退款金额，售后或订单状态为“退款成功”的商品按全额退款计，退款金额和网络零售额为估算值。");
        if (Names(facts, "buyers") is { } fingerprintPlatforms)
            paragraphs.Add($"{fingerprintPlatforms}的导出文件没有买家账号，买家按收货人信息（经加密处理）识别，支付买家数、客单价和复购率为估算值。");
        if (facts.Current.BuyerCoverage is { } buyerCoverage && buyerCoverage < 1)
            paragraphs.Add($"本期买家识别率为{Percent(buyerCoverage)}，其余订单的导出文件既无买家账号也无收货人信息，计入订单量和网络零售额，不计入支付买家数、客单价和复购率。");
        foreach (var fallback in coverage.Fallbacks)
            paragraphs.Add($"{facts.PlatformNames.GetValueOrDefault(fallback.Platform, fallback.Platform)}有{fallback.Orders.ToString(CultureInfo.InvariantCulture)}笔订单的导出文件没有支付时间，" +
                           $"{(fallback.Source == PaymentTimeSource.OrderNumberDate ? "按订单编号中的日期" : "按订单成交时间")}计入统计期。");
        if (facts.Provinces.Current.FirstOrDefault(r => r.Key == "") is { Orders: > 0 } unknown)
            paragraphs.Add($"有{unknown.Orders.ToString(CultureInfo.InvariantCulture)}笔订单（网络零售额{Amount(WindowFigures.Yuan(unknown.NetSalesFen))}）的收货省份被隐去或缺失，不计入覆盖省份数和地图，在分省份表中单列为“未能识别省份”。");

        return new ReportSection
        {
            Heading = "九、数据说明",
            Paragraphs = paragraphs,
            Table = new ReportTable("数据来源", ["平台", "店铺", "企业", "本期数据日期", "订单量（单）", "网络零售额（万元）"],
                coverage.Shops.Select(s => (IReadOnlyList<ReportCell>)
                [
                    s.PlatformName, s.Shop, s.Enterprise,
                    s.FirstDay is null ? $"本期无数据{(s.LastMonthEver is { } month ? $"（最近：{MonthText(month)}）" : "")}" : $"{ShortDayText(s.FirstDay)}—{ShortDayText(s.LastDay!)}",
                    new ReportCell(s.Orders.ToString("#,##0", CultureInfo.InvariantCulture), s.Orders, CellFormat.Integer),
                    new ReportCell((s.NetSalesFen / 1_000_000m).ToString("#,##0.00", CultureInfo.InvariantCulture), (double)Math.Round(s.NetSalesFen / 1_000_000m, 2), CellFormat.Decimal),
                ]).ToList()),
        };
    }

    /// <summary>
    /// Shops whose data does not cover the window: none at all although they sold before and after it (or stopped
    /// within the last year), starting late although they sold before, a whole month missing inside, or ending a week
    /// or more before the window's end. A shop that opened after the window is not a gap.
    /// </summary>
    private static List<string> Gaps(IReadOnlyList<ShopCoverage> shops, DateOnly from, DateOnly to)
    {
        var (firstMonth, lastMonth) = (SalesScope.Text(from)[..7], SalesScope.Text(to)[..7]);
        var gaps = new List<string>();
        foreach (var shop in shops.Where(s => s.FirstMonthEver is not null && string.CompareOrdinal(s.FirstMonthEver, lastMonth) <= 0))
        {
            var name = $"{shop.PlatformName}“{shop.Shop}”";
            if (shop.FirstDay is null || shop.LastDay is null)
            {
                var stoppedLongAgo = string.CompareOrdinal(shop.LastMonthEver, SalesScope.Text(from.AddYears(-1))[..7]) < 0;
                if (!stoppedLongAgo)
                    gaps.Add($"{name}（本期无数据，最近数据为{MonthText(shop.LastMonthEver!)}）");
                continue;
            }
            var problems = new List<string>();
            var (first, last) = (Day(shop.FirstDay), Day(shop.LastDay));
            if (first > from.AddDays(GapDays - 1) && string.CompareOrdinal(shop.FirstMonthEver, firstMonth) < 0)
                problems.Add($"数据自{DayText(shop.FirstDay)}起");
            for (var month = new DateOnly(first.Year, first.Month, 1); month <= last; month = month.AddMonths(1))
                if (!shop.MonthsWithData.Contains(SalesScope.Text(month)[..7]))
                    problems.Add($"缺少{MonthText(SalesScope.Text(month)[..7])}数据");
            if (last.AddDays(GapDays) <= to)
                problems.Add($"数据截至{DayText(shop.LastDay)}");
            if (problems.Count > 0)
                gaps.Add($"{name}（{string.Join("，", problems)}）");
        }
        return gaps;
    }

    private static DateOnly Day(string day) => DateOnly.ParseExact(day[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The platforms whose value of a figure is an estimate, as 抖音、京东; null when none.</summary>
    private static string? Names(ReportFacts facts, string figure) =>
        facts.Estimates.TryGetValue(figure, out var platforms) && platforms.Count > 0
            ? string.Join("、", platforms.Select(p => facts.PlatformNames.GetValueOrDefault(p, p)))
            : null;

    /// <summary>3月31日: in the table the period's year goes without saying.</summary>
    private static string ShortDayText(string day) => DayText(day)[5..];

    /// <summary>2023-03-31 → 2023年3月31日.</summary>
    private static string DayText(string day)
    {
        var date = DateOnly.ParseExact(day[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"{date.Year}年{date.Month}月{date.Day}日";
    }

    private static string MonthText(string month) => $"{month[..4]}年{int.Parse(month[5..7], CultureInfo.InvariantCulture)}月";
}
