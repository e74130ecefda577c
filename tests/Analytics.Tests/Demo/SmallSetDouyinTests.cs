namespace Analytics.Tests.Demo;

/// <summary>The small set's Douyin exports: the four layouts and their quirks.</summary>
[TestFixture]
public sealed class SmallSetDouyinTests : SmallSetFixture
{
    // What the importer needs from any Douyin layout.
    private static readonly string[] Essential =
        ["主订单编号", "子订单编号", "商品数量", "商品ID", "订单应付金额", "省", "市", "区", "支付完成时间", "订单状态", "售后状态", "收件人", "收件人手机号"];

    private static readonly string[] DouyinStatuses = ["待支付", "待发货", "已发货", "已完成", "已关闭"];

    [Test]
    public void DouyinCurrentLayoutIsUtf8WithBomAnd74VerbatimColumnsAndTabWrappedIds()
    {
        var file = FilesOf("禾丰富硒小米旗舰店")[0];
        var table = ExportTable.Read(file);
        var text = File.ReadAllText(file);

        Assert.That(Path.GetFileName(file), Does.Match(@"^\d{10}_orders\.csv$"));
        Assert.That(ExportTable.HasUtf8Bom(File.ReadAllBytes(file)), Is.True);
        Assert.That(string.Join(",", table.Header), Is.EqualTo(VerbatimHeaders.Douyin74));
        Assert.That(text, Does.Contain("\"\t48"), "ids are quoted cells starting with a TAB");
        Assert.That(table.Rows.Select(r => table.Raw(r, "主订单编号")), Has.All.Match(@"^\t\d{19}$"));
        Assert.That(table.Rows.Select(r => table.Raw(r, "商品ID")), Has.All.Match(@"^\t\d{19}$"));
    }

    [Test]
    public void DouyinSingleLineOrdersRepeatTheirIdAndMultiLineOrdersHaveOwnSubOrderIds()
    {
        var rows = TablesOf("禾丰富硒小米旗舰店").Concat(TablesOf("石磨坊面粉抖音小店"))
            .SelectMany(t => t.Rows.Select(r => (Order: t.Get(r, "主订单编号")!, Line: t.Get(r, "子订单编号")!))).Distinct().ToList();
        var byOrder = rows.GroupBy(r => r.Order).ToList();

        Assert.That(byOrder.Where(g => g.Count() == 1).Select(g => g.Single()), Has.All.Matches<(string Order, string Line)>(r => r.Order == r.Line));
        Assert.That(byOrder.Where(g => g.Count() > 1), Is.Not.Empty);
        Assert.That(byOrder.Where(g => g.Count() > 1).SelectMany(g => g), Has.None.Matches<(string Order, string Line)>(r => r.Order == r.Line));
    }

    [Test]
    public void DouyinLegacyLayoutHas54ColumnsWithTheOldNames()
    {
        var table = TablesOf("石磨坊面粉抖音小店")[0];
        Assert.That(table.Header, Has.Length.EqualTo(54));
        Assert.That(table.Header, Does.Contain("商品名称").And.Contain("商品金额").And.Contain("货号"));
        Assert.That(table.Header, Does.Not.Contain("选购商品").And.Not.Contain("商品单价").And.Not.Contain("商家编码"));
        Assert.That(table.Header, Is.SupersetOf(Essential));
    }

    [Test]
    public void DouyinCustomReportIsTwentyColumnsInItsOwnOrder()
    {
        var table = TablesOf("老醋坊醋糕直播间")[0];
        Assert.That(table.Header, Has.Length.EqualTo(20));
        Assert.That(table.Header, Is.SupersetOf(Essential));
        Assert.That(table.Header[0], Is.EqualTo("订单提交时间"));
    }

    [Test]
    public void OneDouyinShopIsResavedAsGb18030WithoutBom()
    {
        var bytes = File.ReadAllBytes(FilesOf("乡味优选抖音店")[0]);
        Assert.That(ExportTable.HasUtf8Bom(bytes), Is.False);
        Assert.That(ExportTable.Gb18030.GetString(bytes), Does.StartWith(VerbatimHeaders.Douyin74 + "\r\n"));
    }

    [Test]
    public void DouyinProvincesMixFullAndShortSpellingsAndReceiversAreMasked()
    {
        var rows = TablesOf("禾丰富硒小米旗舰店").Concat(TablesOf("乡味优选抖音店")).SelectMany(t => t.Rows.Select(r => (t, r))).ToList();
        var provinces = rows.Select(x => x.t.Get(x.r, "省")!).ToList();
        Assert.That(provinces, Has.Some.EndsWith("省").And.Some.Not.EndsWith("省"));
        Assert.That(rows.Select(x => x.t.Get(x.r, "收件人")), Has.All.Match(@"^\p{IsCJKUnifiedIdeographs}\*{1,2}$"));
        Assert.That(rows.Select(x => x.t.Get(x.r, "收件人手机号")), Has.All.Match(@"^1\d{2}\*{4}\d{4}$"));
    }

    [Test]
    public void UnpaidDouyinOrdersHaveNoPaymentTime()
    {
        var rows = RowsOf("禾丰富硒小米旗舰店", "石磨坊面粉抖音小店", "老醋坊醋糕直播间", "乡味优选抖音店").ToList();
        Assert.That(rows.Select(x => x.Table.Get(x.Row, "订单状态")).Distinct(), Is.SubsetOf(DouyinStatuses).And.Contain("待支付"));
        var unpaid = rows.Where(x => x.Table.Get(x.Row, "订单状态") == "待支付" || (x.Table.Get(x.Row, "订单状态") == "已关闭" && x.Table.Get(x.Row, "售后状态") is null));
        Assert.That(unpaid.Select(x => x.Table.Raw(x.Row, "支付完成时间")), Has.All.EqualTo("-"));
        Assert.That(rows.Select(x => x.Table.Get(x.Row, "售后状态")), Does.Contain("售后关闭"));
    }
}
