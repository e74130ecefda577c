namespace Analytics.Tests.Demo;

/// <summary>Every shop's two small-set exports overlap, and the second one shows what became of the shared orders.</summary>
[TestFixture]
public sealed class SmallSetOverlapTests : SmallSetFixture
{
    [Test]
    public void EveryShopHasTwoOverlappingExportsOfAtMostSixtyRows()
    {
        var shops = Shops.ToArray();
        Assert.That(shops, Has.Length.EqualTo(12));
        foreach (var shop in shops)
        {
            var tables = TablesOf(shop);
            Assert.That(tables, Has.Length.EqualTo(2), shop);
            Assert.That(tables.Select(t => t.Rows.Count), Has.All.InRange(10, 60), shop);
        }
    }

    [Test]
    public void TheSecondExportShowsLaterStatesOfTheOverlappingOrders()
    {
        foreach (var shop in Shops)
        {
            var (first, second) = (States(FilesOf(shop)[0]), States(FilesOf(shop)[1]));
            var overlap = first.Keys.Intersect(second.Keys).ToList();
            Assert.That(overlap, Is.Not.Empty, shop);
            Assert.That(overlap.Where(k => first[k] != second[k]), Is.Not.Empty, shop);
        }
    }

    [Test]
    public void RefundsAppearInTheLaterExportOnEveryPlatformButJd()
    {
        var refundedLater = new List<string>();
        foreach (var shop in Shops)
        {
            var (first, second) = (States(FilesOf(shop)[0]), States(FilesOf(shop)[1]));
            refundedLater.AddRange(first.Keys.Where(k => second.TryGetValue(k, out var later) && !Refunded(first[k]) && Refunded(later)).Select(_ => shop));
        }

        Assert.That(refundedLater, Has.Some.EqualTo("禾丰富硒小米旗舰店").And.Some.EqualTo("禾丰小米杂粮拼多多店")
            .And.Some.EqualTo("禾丰石磨坊天猫旗舰店").And.Some.EqualTo("乡味优选快手小店"));
    }

    private static Dictionary<string, string> States(string file)
    {
        var table = ExportTable.Read(file);
        var order = table.Has("主订单编号") ? "主订单编号" : table.Has("订单编号") ? "订单编号" : "订单号";
        var line = table.Has("子订单编号") ? "子订单编号" : table.Has("商品ID") ? "商品ID" : order;
        return table.Rows.GroupBy(r => table.Get(r, order) + "/" + table.Get(r, line))
            .ToDictionary(g => g.Key, g => table.Get(g.First(), "订单状态") + "/" + (table.Has("售后状态") ? table.Get(g.First(), "售后状态") : "")
                + "/" + (table.Has("退款金额") ? table.Get(g.First(), "退款金额") : ""));
    }

    // 千牛 states the refund as an amount (退款金额), the others as a status that says 退款成功.
    private static bool Refunded(string state) =>
        state.Contains("退款成功", StringComparison.Ordinal) || !(state.EndsWith('/') || state.EndsWith("/0.00", StringComparison.Ordinal));
}
