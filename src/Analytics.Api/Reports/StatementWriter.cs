using static Analytics.Api.Reports.BureauNumbers;

namespace Analytics.Api.Reports;

/// <summary>
/// Writes the statement in the bureau's register: "2022年，全县实现网络零售额3091万元，同比增长39.1%；…". Every clause
/// of 同比 is left out when there is no data a year before (and one sentence says so), and a figure whose base is
/// zero says 上年同期为零 instead of a percentage.
/// </summary>
internal static class StatementWriter
{
    public static IReadOnlyList<string> Paragraphs(StatementFacts facts)
    {
        var paragraphs = new List<string> { Overall(facts) };
        // 其中农产品 speaks of the period's figure, so it follows the period's sentence before 累计 does.
        if (Categories(facts) is { } categories) paragraphs.Add(categories);
        if (YearToDate(facts) is { } yearToDate) paragraphs.Add(yearToDate);
        if (Platforms(facts) is { } platforms) paragraphs.Add(platforms);
        if (Enterprises(facts) is { } enterprises) paragraphs.Add(enterprises);
        if (Products(facts) is { } products) paragraphs.Add(products);
        if (Regions(facts) is { } regions) paragraphs.Add(regions);
        return paragraphs;
    }

    private static string Overall(StatementFacts facts)
    {
        var (now, before) = (facts.Current, facts.YearAgo);
        var clauses = new List<string>
        {
            $"{facts.County}实现网络零售额{Amount(now.NetSales)}{Compared(before is null ? null : ChangeOf(now.NetSales, before.NetSales), before)}",
            $"订单量{Count(now.Orders, "单")}{Compared(before is null ? null : ChangeOf(now.Orders, before.Orders), before)}",
        };
        // No buyers a year before means no buyer could be identified then (PDD's default export), not that nobody
        // bought: like 客单价, such a figure gets no 同比 clause rather than "上年同期为零".
        if (now.Buyers > 0)
            clauses.Add($"支付买家{Count(now.Buyers, "人")}{(before is { Buyers: > 0 } ? Compared(ChangeOf(now.Buyers, before.Buyers), before) : "")}");
        if (now.BasketSize is { } basket)
            // 客单价 a year before is undefined (not zero) when nobody could be identified then: no clause at all.
            clauses.Add($"客单价{Yuan(basket)}{(before?.BasketSize is { } b ? Compared(ChangeOf(basket, b), before) : "")}");
        if (now.RepeatRate is { } repeat)
            clauses.Add($"复购率{Percent(repeat)}{(Points(repeat, before?.RepeatRate) is { } points ? $"，较上年同期{points}" : "")}");

        var provinces = now.Provinces == 0 ? "订单的收货省份均未能识别（导出文件未含收货地址）" : $"商品覆盖全国{now.Provinces}个省市";
        if (now.Provinces > 0 && before is not null && before.Provinces > 0 && now.Provinces != before.Provinces)
            provinces += $"，较上年同期{(now.Provinces > before.Provinces ? "增加" : "减少")}{Math.Abs(now.Provinces - before.Provinces)}个";
        var estimated = facts.BuyerFiguresEstimated && now.Buyers > 0 ? "（支付买家数、客单价和复购率含估算，见“数据说明”）" : "";
        var text = $"{facts.Period.Name}，{string.Join("；", clauses)}{estimated}。{provinces}。";
        return before is null ? text + $"{facts.Period.Year - 1}年同期无销售数据，不作同比。" : text;
    }

    private static string? YearToDate(StatementFacts facts)
    {
        if (!facts.Period.HasSeparateYearToDate || facts.YearToDate is not { } now)
            return null;
        var before = facts.YearToDateYearAgo;
        return $"{facts.Period.YearToDateName}，{facts.County}累计实现网络零售额{Amount(now.NetSales)}" +
               $"{Compared(before is null ? null : ChangeOf(now.NetSales, before.NetSales), before)}；" +
               $"累计订单量{Count(now.Orders, "单")}{Compared(before is null ? null : ChangeOf(now.Orders, before.Orders), before)}。";
    }

    /// <summary>"其中，农产品网络零售额…，占全县的…，同比增长…。分品类看，粮油米面…" (the indicators a county files).</summary>
    private static string? Categories(StatementFacts facts)
    {
        if (facts.Categories.Count == 0 || facts.Current.NetSales <= 0)
            return null;
        var text = "";
        if (facts.FarmProducts is { } farm)
            text = $"其中，农产品网络零售额{Amount(farm.NetSales)}，占全县的{Percent((double)(farm.NetSales / facts.Current.NetSales))}" +
                   $"{(facts.YearAgo is null ? "" : farm.YearAgoNetSales == 0 ? "，上年同期为零" : $"，{Change(ChangeOf(farm.NetSales, farm.YearAgoNetSales))}")}。";
        var leading = facts.Categories.Take(3).Select(c =>
            $"{c.Name}{Amount(c.NetSales)}，占{Percent(Share(c.NetSales, facts))}{ItemCompared(c, facts)}");
        return text + $"分品类看，{string.Join("；", leading)}。";
    }

    private static string? Platforms(StatementFacts facts)
    {
        if (facts.Platforms.Count == 0 || facts.Current.NetSales <= 0)
            return null;
        var leading = facts.Platforms.Take(3).Select(p =>
            $"{p.Name}实现网络零售额{Amount(p.NetSales)}，占全县的{Percent(Share(p.NetSales, facts))}{ItemCompared(p, facts)}").ToList();
        var rest = facts.Platforms.Skip(3).ToList();
        if (rest.Count > 0)
            leading.Add($"其余{rest.Count}个平台合计{Amount(rest.Sum(p => p.NetSales))}，占{Percent(Share(rest.Sum(p => p.NetSales), facts))}");
        return $"分平台看，{string.Join("；", leading)}。";
    }

    private static string? Enterprises(StatementFacts facts)
    {
        if (facts.Enterprises.Count == 0 || facts.Current.NetSales <= 0)
            return null;
        var leading = facts.Enterprises.Take(3).ToList();
        var listed = Listed(leading.Select(e => $"{e.Name}（{Amount(e.NetSales)}，占全县的{Percent(Share(e.NetSales, facts))}{ItemCompared(e, facts)}）"));
        var text = leading.Count == 1 ? $"分企业看，网络零售额居首位的企业是{listed}" : $"分企业看，网络零售额居前{Ordinal(leading.Count)}位的企业是{listed}";
        // The top ten's share says something only when there are more than ten.
        if (facts.Enterprises.Count > 10)
            text += $"，前10位企业合计占全县的{Percent(Share(facts.Enterprises.Take(10).Sum(e => e.NetSales), facts))}";
        return text + "。";
    }

    private static string? Products(StatementFacts facts)
    {
        if (facts.YearAgo is null || facts.GrowingProducts.Count == 0)
            return null;
        var listed = Listed(facts.GrowingProducts.Select(p => $"{p.Name}（{Change(ChangeOf(p.NetSales, p.YearAgoNetSales))}）"));
        return $"分商品看，网络零售额前{facts.ProductPoolSize}位的商品中，同比增长最快的是{listed}。";
    }

    private static string? Regions(StatementFacts facts)
    {
        if (facts.Provinces.Count == 0 || facts.Current.NetSales <= 0)
            return null;
        var leading = facts.Provinces.Take(3).ToList();
        var listed = Listed(leading.Select(p => $"{p.Name}（{Percent(Share(p.NetSales, facts))}）"));
        var text = leading.Count == 1 ? $"分地区看，销往{listed}的网络零售额居首位" : $"分地区看，销往{listed}的网络零售额居前{Ordinal(leading.Count)}位";
        return leading.Count == 1 ? text + "。" : text + $"，合计占全县的{Percent(Share(leading.Sum(p => p.NetSales), facts))}。";
    }

    /// <summary>"，同比增长39.1%", "，上年同期为零", or nothing when there is no year-before data at all.</summary>
    private static string Compared(double? change, PeriodFigures? yearAgo) =>
        yearAgo is null ? "" : $"，{Change(change) ?? "上年同期为零"}";

    private static string ItemCompared(NamedSales item, StatementFacts facts) =>
        facts.YearAgo is null ? "" : item.YearAgoNetSales == 0 ? "，上年同期无销售" : $"，{Change(ChangeOf(item.NetSales, item.YearAgoNetSales))}";

    private static double Share(decimal netSales, StatementFacts facts) => (double)(netSales / facts.Current.NetSales);

    /// <summary>A、B和C.</summary>
    private static string Listed(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join("、", list.Take(list.Count - 1))}和{list[^1]}";
    }

    private static string Ordinal(int count) => count switch { 2 => "两", 3 => "三", _ => count.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
