using System.Globalization;
using Analytics.Api.Metrics;
using static Analytics.Api.Reports.BureauNumbers;

namespace Analytics.Api.Reports;

/// <summary>The report's tables, each with 同比; amounts in 万元 as the statement writes them.</summary>
internal static class ReportTables
{
    public const int TopEnterprises = 10;
    public const int TopProducts = 10;

    public static ReportTable KeyFigures(ReportFacts facts)
    {
        var (now, before, ytd, ytdBefore) = (facts.Current, facts.YearAgo, facts.YearToDate, facts.YearToDateYearAgo);
        string Name(string text, string figure) => facts.Estimates.TryGetValue(figure, out var platforms) && platforms.Count > 0 ? text + "※" : text;
        // With no data at all a year before, its column says so (—) rather than showing zeros.
        var hasBefore = facts.HasYearAgo;
        IReadOnlyList<ReportCell> Money(string name, Func<WindowFigures, decimal?> of) =>
            [name, WanCell(of(now)), hasBefore ? WanCell(of(before)) : "—", ChangeCell(of(now), of(before), facts.HasYearAgo), WanCell(of(ytd)),
             ChangeCell(of(ytd), of(ytdBefore), facts.HasYearToDateYearAgo)];
        IReadOnlyList<ReportCell> Figure(string name, Func<WindowFigures, decimal?> of, CellFormat format) =>
            [name, NumberCell(of(now), format), hasBefore ? NumberCell(of(before), format) : "—", ChangeCell(of(now), of(before), facts.HasYearAgo),
             NumberCell(of(ytd), format), ChangeCell(of(ytd), of(ytdBefore), facts.HasYearToDateYearAgo)];
        IReadOnlyList<ReportCell> Rate(string name, Func<WindowFigures, double?> of) =>
            [name, RateCell(of(now)), hasBefore ? RateCell(of(before)) : "—", PointsCell(of(now), of(before), facts.HasYearAgo), RateCell(of(ytd)),
             PointsCell(of(ytd), of(ytdBefore), facts.HasYearToDateYearAgo)];

        return new ReportTable("主要指标", ["指标", "本期", "上年同期", "同比", $"累计（{facts.Period.YearToDateName}）", "累计同比"],
        [
            Money(Name("网络零售额（万元）", "netSales"), f => f.NetSales),
            Money("成交额（万元）", f => f.Gmv),
            Money(Name("退款金额（万元）", "refunds"), f => f.Refunds),
            Figure("订单量（单）", f => f.Orders, CellFormat.Integer),
            Figure(Name("支付买家数（人）", "buyers"), f => f.Buyers, CellFormat.Integer),
            Figure(Name("客单价（元）", "basketSize"), f => f.BasketSize, CellFormat.Decimal),
            Figure("笔单价（元）", f => f.AvgOrderValue, CellFormat.Decimal),
            Rate(Name("复购率", "repeatRate"), f => f.RepeatRate),
            Rate("买家识别率", f => f.BuyerCoverage),
            Figure("覆盖省份数（个）", f => f.Provinces, CellFormat.Integer),
        ]);
    }

    public static ReportTable Platforms(ReportFacts facts) => new("分平台",
        ["平台", "订单量（单）", "网络零售额（万元）", "占比", "上年同期（万元）", "同比"],
        facts.Platforms.Ranked().Select(row => (IReadOnlyList<ReportCell>)
        [
            row.Name ?? row.Key, NumberCell(row.Orders, CellFormat.Integer), WanCell(WindowFigures.Yuan(row.NetSalesFen)),
            ShareCell(row.NetSalesFen, facts), facts.HasYearAgo ? WanCell(WindowFigures.Yuan(facts.Platforms.YearAgoNetSalesFen(row))) : "—",
            ChangeCell(row.NetSalesFen, facts.Platforms.YearAgoNetSalesFen(row), facts.HasYearAgo),
        ]).ToList());

    public static ReportTable Enterprises(ReportFacts facts) => new("企业前十",
        ["位次", "企业", "订单量（单）", "网络零售额（万元）", "占比", "同比"],
        facts.Enterprises.Ranked().Take(TopEnterprises).Select((row, index) => (IReadOnlyList<ReportCell>)
        [
            Position(index), row.Name ?? row.Key, NumberCell(row.Orders, CellFormat.Integer), WanCell(WindowFigures.Yuan(row.NetSalesFen)),
            ShareCell(row.NetSalesFen, facts), ChangeCell(row.NetSalesFen, facts.Enterprises.YearAgoNetSalesFen(row), facts.HasYearAgo),
        ]).ToList());

    public static ReportTable Products(ReportFacts facts) => new("商品前十",
        ["位次", "商品", "平台", "店铺", "订单量（单）", "网络零售额（万元）", "同比"],
        facts.Products.Ranked().Take(TopProducts).Select((row, index) => (IReadOnlyList<ReportCell>)
        [
            Position(index), row.Name ?? row.Key, facts.PlatformNames.GetValueOrDefault(row.Platform ?? "", row.Platform ?? ""), row.Shop ?? "",
            NumberCell(row.Orders, CellFormat.Integer), WanCell(WindowFigures.Yuan(row.NetSalesFen)),
            ChangeCell(row.NetSalesFen, facts.Products.YearAgoNetSalesFen(row), facts.HasYearAgo),
        ]).ToList());

    /// <summary>By category, largest first; then 其中农产品, and the part no product line carries when there is one.</summary>
    public static ReportTable Categories(ReportFacts facts)
    {
        var categories = facts.Categories;
        var rows = categories.Categories.Select(c => (IReadOnlyList<ReportCell>)
        [
            c.Name, NumberCell(c.Products, CellFormat.Integer), WanCell(c.NetSales), ShareCell(c.NetSales, facts),
            ChangeCell(c.NetSales, c.YearAgoNetSales, facts.HasYearAgo),
        ]).ToList();
        if (categories.WithoutProductDetail != 0)
            rows.Add(["无商品明细", "—", WanCell(categories.WithoutProductDetail), ShareCell(categories.WithoutProductDetail, facts), "—"]);
        var farm = categories.FarmProducts;
        rows.Add(["其中：农产品", NumberCell(farm.Products, CellFormat.Integer), WanCell(farm.NetSales),
            ShareCell(farm.NetSales, facts), ChangeCell(farm.NetSales, farm.YearAgoNetSales, facts.HasYearAgo)]);
        return new ReportTable("分品类", ["品类", "商品数（个）", "网络零售额（万元）", "占比", "同比"], rows);
    }

    public static ReportTable Provinces(ReportFacts facts)
    {
        var rows = facts.Provinces.Ranked().Select((row, index) => (IReadOnlyList<ReportCell>)
        [
            Position(index), row.Name ?? row.Key, NumberCell(row.Orders, CellFormat.Integer), WanCell(WindowFigures.Yuan(row.NetSalesFen)),
            ShareCell(row.NetSalesFen, facts), ChangeCell(row.NetSalesFen, facts.Provinces.YearAgoNetSalesFen(row), facts.HasYearAgo),
        ]).ToList();
        if (facts.Provinces.Current.FirstOrDefault(r => r.Key == "") is { } unknown)
            rows.Add(["", "未能识别省份", NumberCell(unknown.Orders, CellFormat.Integer), WanCell(WindowFigures.Yuan(unknown.NetSalesFen)),
                ShareCell(unknown.NetSalesFen, facts), ChangeCell(unknown.NetSalesFen, facts.Provinces.YearAgoNetSalesFen(unknown), facts.HasYearAgo)]);
        return new ReportTable("分省份", ["位次", "省份", "订单量（单）", "网络零售额（万元）", "占比", "同比"], rows);
    }

    private static ReportCell Position(int index) => NumberCell(index + 1, CellFormat.Integer);

    private static ReportCell WanCell(decimal? yuan) =>
        yuan is { } value ? new ReportCell((value / 10_000m).ToString("#,##0.00", CultureInfo.InvariantCulture), (double)Math.Round(value / 10_000m, 2), CellFormat.Decimal) : "—";

    private static ReportCell NumberCell(decimal? value, CellFormat format) => value switch
    {
        null => "—",
        _ when format == CellFormat.Integer => new ReportCell(value.Value.ToString("#,##0", CultureInfo.InvariantCulture), (double)value.Value, format),
        _ => new ReportCell(value.Value.ToString("#,##0.00", CultureInfo.InvariantCulture), (double)value.Value, format),
    };

    private static ReportCell RateCell(double? rate) => rate is { } value ? new ReportCell(Percent(value), value, CellFormat.Percent) : "—";

    private static ReportCell ShareCell(long netSalesFen, ReportFacts facts) => ShareCell(WindowFigures.Yuan(netSalesFen), facts);

    private static ReportCell ShareCell(decimal netSales, ReportFacts facts) =>
        facts.Current.NetSales == 0 ? "—" : RateCell((double)(netSales / facts.Current.NetSales));

    /// <summary>同比 as a signed percentage; — where there is nothing a year before (or the base is zero).</summary>
    private static ReportCell ChangeCell(decimal? current, decimal? baseline, bool hasYearAgo) =>
        hasYearAgo && current is { } now && baseline is { } before && ChangeOf(now, before) is { } change
            ? new ReportCell(Math.Round(change, 4) == 0 ? "持平" : (change > 0 ? "+" : "") + Percent(change), change, CellFormat.Percent)
            : "—";

    private static ReportCell PointsCell(double? current, double? baseline, bool hasYearAgo) =>
        hasYearAgo && Points(current, baseline) is { } points ? points : "—";
}
