using System.Globalization;
using Analytics.Api.Metrics;
using Analytics.Ingestion.Normalising;
using Analytics.Store.Sales;

namespace Analytics.Api.Reports;

/// <summary>Puts the report together from its facts and its chart images: the statement first, then tables, charts and coverage.</summary>
internal static class ReportComposer
{
    /// <summary>The fastest-growing products are chosen among this many best sellers, so a tiny base cannot top the list.</summary>
    public const int ProductPoolSize = 20;

    public static ReportDocument Compose(ReportFacts facts, RenderedCharts charts, string county, DateTimeOffset madeAt)
    {
        var period = facts.Period;
        var title = $"{county}网络零售运行情况（{period.Name}）";
        var subtitle = $"统计期：{period.From.Year}年{period.From.Month}月{period.From.Day}日至{period.To.Month}月{period.To.Day}日　" +
                       $"生成时间：{madeAt.ToOffset(BeijingTime.Offset).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture)}";
        return new ReportDocument
        {
            Title = title,
            Subtitle = subtitle,
            FileStem = period.Stem,
            Sections =
            [
                new ReportSection { Heading = "一、总体情况", Paragraphs = StatementWriter.Paragraphs(Statement(facts)) },
                new ReportSection
                {
                    Heading = "二、主要指标", Table = ReportTables.KeyFigures(facts),
                    Notes = ["※ 为估算值，见“九、数据说明”。同比为与上年同期相比；比率之差以个百分点计。“—”表示上年同期为零或无数据。"],
                },
                new ReportSection { Heading = "三、月度走势", Chart = charts.Trend },
                new ReportSection { Heading = "四、分平台销售情况", Table = ReportTables.Platforms(facts) },
                new ReportSection { Heading = "五、企业销售排行（前十位）", Table = ReportTables.Enterprises(facts) },
                new ReportSection { Heading = "六、商品销售排行（前十位）", Table = ReportTables.Products(facts) },
                new ReportSection
                {
                    Heading = "七、分品类销售情况", Table = ReportTables.Categories(facts),
                    Notes = ["品类和是否农产品按商品标题的关键词归类（seeds/product-categories.csv），局方可逐个商品更正。"],
                },
                new ReportSection { Heading = "八、销售区域分布", Chart = charts.Provinces, Table = ReportTables.Provinces(facts) },
                ReportCoverageText.Section(facts),
            ],
        };
    }

    public static StatementFacts Statement(ReportFacts facts)
    {
        NamedSales Named(RankingRow row, ComparedRows rows, string name) =>
            new(name, WindowFigures.Yuan(row.NetSalesFen), WindowFigures.Yuan(rows.YearAgoNetSalesFen(row)));
        // The same title often sells on two platforms at different rates: the platform says which one grew.
        var pool = facts.Products.Ranked().Take(ProductPoolSize)
            .Select(row => Named(row, facts.Products, $"{facts.PlatformNames.GetValueOrDefault(row.Platform ?? "", row.Platform ?? "")}“{row.Name ?? row.Key}”"))
            .ToList();
        return new StatementFacts
        {
            County = "全县",
            Period = facts.Period,
            Current = Figures(facts.Current),
            YearAgo = facts.HasYearAgo ? Figures(facts.YearAgo) : null,
            YearToDate = Figures(facts.YearToDate),
            YearToDateYearAgo = facts.HasYearToDateYearAgo ? Figures(facts.YearToDateYearAgo) : null,
            Platforms = facts.Platforms.Ranked().Select(row => Named(row, facts.Platforms, row.Name ?? row.Key)).ToList(),
            Enterprises = facts.Enterprises.Ranked().Select(row => Named(row, facts.Enterprises, row.Name ?? row.Key)).ToList(),
            Provinces = facts.Provinces.Ranked()
                .Select(row => Named(row, facts.Provinces, facts.ProvinceShortNames.GetValueOrDefault(row.Key) ?? row.Name ?? row.Key)).ToList(),
            GrowingProducts = pool.Where(p => p.YearAgoNetSales > 0 && p.NetSales > p.YearAgoNetSales)
                .OrderByDescending(p => (p.NetSales - p.YearAgoNetSales) / p.YearAgoNetSales).Take(3).ToList(),
            ProductPoolSize = pool.Count,
            Categories = facts.Categories.Categories.Select(c => new NamedSales(c.Name, c.NetSales, c.YearAgoNetSales)).ToList(),
            FarmProducts = new NamedSales("农产品", facts.Categories.FarmProducts.NetSales, facts.Categories.FarmProducts.YearAgoNetSales),
            BuyerFiguresEstimated = facts.Estimates.TryGetValue("buyers", out var fingerprinted) && fingerprinted.Count > 0,
        };
    }

    private static PeriodFigures Figures(WindowFigures f) => new(f.NetSales, f.Orders, f.Buyers, f.BasketSize, f.RepeatRate, f.Provinces);
}
