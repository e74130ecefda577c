using Analytics.Tools.Demo;

namespace Analytics.Tests.Demo;

/// <summary>The small set's JD exports: GB18030, 30 and 40 columns, Excel-style ids, order-level columns per SKU row.</summary>
[TestFixture]
public sealed class SmallSetJdTests : SmallSetFixture
{
    private static readonly string[] JdStatuses = ["完成", "等待出库", "等待确认收货", "等待付款", "已取消", "(删除)完成"];
    private static readonly string[] JdOrderColumns = ["应付金额", "订单金额", "下单帐号", "客户地址", "付款确认时间", "订单状态"];

    [Test]
    public void JdFilesAreGb18030WithThe30Or40VerbatimColumns()
    {
        var base30 = FilesOf("禾丰石磨坊京东旗舰店")[0];
        var extended = FilesOf("禾丰富硒谷物京东自营店")[0];
        Assert.That(Path.GetFileName(base30), Is.EqualTo("jd_orders_2023-03-08.csv"));
        Assert.That(ExportTable.Gb18030.GetString(File.ReadAllBytes(base30)), Does.StartWith("订单号,商品ID,商品名称"));
        Assert.That(ExportTable.HasUtf8Bom(File.ReadAllBytes(base30)), Is.False);
        Assert.That(string.Join(",", ExportTable.Read(base30).Header), Is.EqualTo(VerbatimHeaders.Jd30));
        Assert.That(string.Join(",", ExportTable.Read(extended).Header), Is.EqualTo(VerbatimHeaders.Jd30 + "," + VerbatimHeaders.JdAdded10));
    }

    [Test]
    public void OneJdShopWrapsIdsExcelStyle()
    {
        var rows = RowsOf("槐乡农品京东店").ToList();
        Assert.That(rows.Select(x => x.Table.Raw(x.Row, "订单号")), Has.All.Match("^=\"\\d{16}\"$"));
        Assert.That(rows.Select(x => x.Table.Raw(x.Row, "商品ID")), Has.All.Match("^=\"\\d{12}\"$"));
        Assert.That(RowsOf("禾丰石磨坊京东旗舰店", "禾丰富硒谷物京东自营店").Select(x => x.Table.Raw(x.Row, "订单号")), Has.All.Match(@"^\d{12,16}$"));
    }

    [Test]
    public void JdRepeatsOrderLevelColumnsOnEverySkuRow()
    {
        var rows = RowsOf("禾丰富硒谷物京东自营店", "禾丰石磨坊京东旗舰店", "槐乡农品京东店").ToList();
        var multi = rows.GroupBy(x => (x.Table, x.Table.Get(x.Row, "订单号"))).Where(g => g.Select(x => x.Table.Get(x.Row, "商品ID")).Distinct().Count() > 1).ToList();
        Assert.That(multi, Is.Not.Empty);
        foreach (var order in multi)
        {
            var levels = order.Select(x => string.Join("|", JdOrderColumns.Select(c => x.Table.Get(x.Row, c))));
            Assert.That(levels.Distinct().Count(), Is.EqualTo(1), order.Key.Item2);
        }

        Assert.That(rows.Select(x => x.Table.Get(x.Row, "下单帐号")), Has.All.Match("^jd_[0-9a-f]{8}$"));
        Assert.That(rows.Select(x => x.Table.Get(x.Row, "客户地址")), Has.All.EndsWith("****"));
        Assert.That(rows.Select(x => DemoLedger.Province(x.Table.Get(x.Row, "客户地址"))), Has.None.Null);
        Assert.That(rows.Select(x => x.Table.Get(x.Row, "订单状态")).Distinct(), Is.SubsetOf(JdStatuses));
        Assert.That(rows.Select(x => x.Table.Get(x.Row, "订单状态")), Does.Contain("(删除)完成"));
        Assert.That(rows.Where(x => x.Table.Get(x.Row, "订单状态") is "已取消" or "等待付款").Select(x => x.Table.Get(x.Row, "付款确认时间")), Has.All.Null);
    }
}
