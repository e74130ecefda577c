using System.Globalization;
using Analytics.Tools.Demo;

namespace Analytics.Tests.Demo;

/// <summary>The small set's PDD exports: the default CSV with its title and 总计 rows, and the XLSX selections.</summary>
[TestFixture]
public sealed class SmallSetPddTests : SmallSetFixture
{
    private static readonly string[] PddStatuses = ["待支付", "待发货", "已发货，待签收", "已签收", "未发货，退款成功", "已发货，退款成功", "已取消"];
    private static readonly string[] PddCustomRequired =
        ["商品", "订单号", "订单状态", "商品数量(件)", "支付时间", "订单成交时间", "商品id", "商品规格", "售后状态", "用户实付金额(元)", "商品总价(元)",
        "邮费(元)", "省", "市", "区", "街道/镇"];

    [Test]
    public void PddDefaultCsvHasTitleAndTotalRowsInOneFileAndTabsAroundIds()
    {
        var files = FilesOf("禾丰小米杂粮拼多多店");
        var titled = ExportTable.Read(files[0]);
        var plain = ExportTable.Read(files[1]);
        Assert.That(ExportTable.HasUtf8Bom(File.ReadAllBytes(files[0])), Is.False);
        Assert.That(titled.Title, Is.EqualTo("名称：拼多多订单导出"));
        Assert.That(string.Join(",", titled.Header), Is.EqualTo(VerbatimHeaders.Pdd27));
        Assert.That(titled.TotalRow?[0], Is.EqualTo("总计"), "the last row is the 总计 row an importer must drop");
        var sum = titled.Rows.Sum(r => ExportTable.Fen(titled.Get(r, "用户实付金额(元)")!));
        Assert.That(ExportTable.Fen(titled.Get(titled.TotalRow!, "用户实付金额(元)")!), Is.EqualTo(sum));
        Assert.That((plain.Title, plain.TotalRow), Is.EqualTo(((string?)null, (string[]?)null)));
        Assert.That(plain.Rows.Select(r => plain.Raw(r, "订单号")), Has.All.Match(@"^\t\d{6}-\d{15}$"));
    }

    [Test]
    public void PddOrderNumbersCarryTheOrderDateAndSomePaidRowsLackTheDealTime()
    {
        var rows = RowsOf("禾丰小米杂粮拼多多店").ToList();
        var paid = rows.Where(x => x.Table.Get(x.Row, "订单状态") is not ("待支付" or "已取消")).ToList();
        var blank = paid.Where(x => x.Table.Get(x.Row, "订单成交时间") is null).ToList();
        Assert.That(blank, Is.Not.Empty);
        Assert.That(blank.Select(x => x.Table.Raw(x.Row, "订单成交时间")).Distinct(), Is.EquivalentTo(new[] { "", "\t" }), "empty or a lone TAB");
        foreach (var (table, row) in paid.Except(blank))
        {
            var dealDay = DateTime.ParseExact(table.Get(row, "订单成交时间")!, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture).ToString("yyMMdd", CultureInfo.InvariantCulture);
            Assert.That(table.Get(row, "订单号"), Does.StartWith(dealDay + "-"));
        }
    }

    [Test]
    public void PddWorkbooksHaveOneSheetOfTextCellsAndOneUsesFullWidthParentheses()
    {
        var half = FilesOf("老醋坊特产拼多多店")[0];
        var full = FilesOf("乡味优选拼多多店")[0];
        ExportTable.ReadXlsx(half, out var sheets);
        Assert.That(sheets, Is.EqualTo(new[] { "订单" }));
        Assert.That(ExportTable.Read(half).Header, Is.SupersetOf(PddCustomRequired));
        Assert.That(ExportTable.Read(full).Header, Does.Contain("用户实付金额（元）").And.Not.Contain("用户实付金额(元)"));
        Assert.That(ExportTable.ReadXlsx(full).Skip(1).Select(r => r[1]), Has.All.Match(@"^\d{6}-\d{15}$"), "订单号 read back as text");
        Assert.That(RowsOf("老醋坊特产拼多多店", "乡味优选拼多多店").Select(x => x.Table.Get(x.Row, "订单状态")).Distinct(), Is.SubsetOf(PddStatuses));
    }
}
