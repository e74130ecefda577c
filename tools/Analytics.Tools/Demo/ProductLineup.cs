namespace Analytics.Tools.Demo;

/// <summary>
/// The county's farm products by enterprise, at gift-box prices; an order averages 120–160 yuan.
/// The line-up follows keywords in the enterprise name, so a renamed or new enterprise still gets products.
/// </summary>
internal static class ProductLineup
{
    private sealed record Item(string Title, string Spec, long PriceFen, string Code, double Popularity);

    private static readonly Item[] Grains =
    [
        new("禾丰富硒小米 新米 山西特产", "2.5kg礼盒装", 89_90, "HF-XM-2500", 3),
        new("禾丰富硒小米 月子米 家庭装", "5kg", 139_00, "HF-XM-5000", 2),
        new("富硒黄小米 小包装礼盒", "500g×6袋", 128_00, "HF-XM-500X6", 2),
        new("禾丰五谷杂粮礼盒 年货送礼", "3kg礼盒", 168_00, "HF-ZL-3000", 1.5),
        new("富硒小米 尝鲜装", "1kg", 39_90, "HF-XM-1000", 2),
    ];

    private static readonly Item[] Flour =
    [
        new("禾丰石磨全麦面粉 无添加", "5kg", 69_90, "SM-QM-5000", 3),
        new("石磨小麦粉 家庭装 馒头饺子粉", "10kg", 119_00, "SM-XM-10000", 2),
        new("石磨杂粮面礼盒 荞麦燕麦高粱", "4.5kg礼盒", 158_00, "SM-ZL-4500", 1.5),
        new("手工石磨面条礼盒", "2kg", 79_00, "SM-MT-2000", 1.5),
    ];

    private static readonly Item[] Vinegar =
    [
        new("老醋坊醋糕 传统手工 礼盒", "500g×2盒", 98_00, "LCF-CG-1000", 3),
        new("醋糕+五年陈酿老陈醋 年货礼盒", "礼盒装", 188_00, "LCF-LH-01", 1.5),
        new("黑芝麻丸 九蒸九晒 礼盒", "36丸", 129_00, "LCF-ZMW-36", 2),
        new("五年陈酿老陈醋", "2.5L", 89_00, "LCF-CC-2500", 1.5),
        new("红枣醋糕 尝鲜装", "250g", 39_90, "LCF-CG-250", 2),
    ];

    private static readonly Item[] Mixed =
    [
        new("槐花饼 农家手工 礼盒", "12枚", 79_00, "XW-HHB-12", 2.5),
        new("骏枣 特级 红枣礼盒", "2.5kg", 128_00, "XW-HZ-2500", 2),
        new("薄皮核桃 新货", "2.5kg", 118_00, "XW-HT-2500", 2),
        new("土蜂蜜 槐花蜜 礼盒", "1kg×2瓶", 168_00, "XW-FM-2000", 1.5),
        new("黑芝麻丸 礼盒", "30丸", 119_00, "XW-ZMW-30", 1.5),
        new("禾丰杂粮礼盒 年货款", "4kg", 198_00, "XW-ZL-4000", 1),
    ];

    private static readonly Item[] Honey =
    [
        new("槐乡土蜂蜜 槐花蜜", "500g×2瓶", 99_00, "HX-FM-1000", 3),
        new("槐乡原蜜 礼盒", "2kg", 238_00, "HX-YM-2000", 1),
        new("核桃红枣礼盒", "3kg", 158_00, "HX-HTHZ-3000", 1.5),
        new("槐花饼", "8枚", 59_00, "HX-HHB-8", 2),
        new("红枣 灰枣", "1.5kg", 69_00, "HX-HZ-1500", 2),
    ];

    /// <summary>The shop's products, with platform ids drawn from <paramref name="rng"/>.</summary>
    public static IReadOnlyList<Product> For(DemoShop shop, Random rng)
    {
        var items = Of(shop.Enterprise);
        return items.Select(item => new Product(
                ProductId(shop.Platform, rng),
                shop.Platform == DemoPlatform.Jd ? Digits(rng, 8, "2000") : Digits(rng, 13, "1"),
                item.Title,
                item.Spec,
                item.PriceFen,
                item.Code,
                item.Popularity))
            .ToArray();
    }

    private static Item[] Of(string enterprise) =>
        enterprise.Contains("谷物", StringComparison.Ordinal) || enterprise.Contains("富硒", StringComparison.Ordinal) ? Grains
        : enterprise.Contains("石磨", StringComparison.Ordinal) ? Flour
        : enterprise.Contains('醋', StringComparison.Ordinal) ? Vinegar
        : enterprise.Contains('槐', StringComparison.Ordinal) ? Honey
        : Mixed;

    private static string ProductId(DemoPlatform platform, Random rng) => platform switch
    {
        DemoPlatform.Douyin => Digits(rng, 17, "37"),
        DemoPlatform.Jd => Digits(rng, 8, "1000"),
        _ => Digits(rng, 10, "61"),
    };

    private static string Digits(Random rng, int count, string prefix) =>
        prefix + string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + rng.Next(10))));
}
