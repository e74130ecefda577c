using System.Text;
using Analytics.Ingestion.Formats;
using Analytics.Store;
using Analytics.Tests.Support;

namespace Analytics.Tests.Ingestion;

/// <summary>
/// Shop operators read Chinese: a rejected row says in Chinese where it is (line or sheet row, column letter and
/// header) and what is wrong with the cell, and the English is kept beside it for the service's maintainers.
/// </summary>
public sealed class ReaderMessageTests
{
    private static (string, string)[] Douyin(string order, params (string Column, string Value)[] changed)
    {
        var cells = new Dictionary<string, string>
        {
            ["主订单编号"] = "\t" + order, ["子订单编号"] = "\t" + order, ["选购商品"] = "富硒小米", ["商品数量"] = "1",
            ["订单应付金额"] = "20.00", ["支付完成时间"] = "2025-03-02 20:15:40", ["订单状态"] = "已完成",
        };
        foreach (var (column, value) in changed)
            cells[column] = value;
        return cells.Select(c => (c.Key, c.Value)).ToArray();
    }

    // Letters are those of the current 74-column 抖店 export: A 主订单编号, B 子订单编号, E 商品数量, I 订单应付金额, AH 支付完成时间.
    private static readonly object[] BadCells =
    [
        new object[] { "订单应付金额", "二十元", "第3行，I列（订单应付金额）：“二十元”不是以元为单位的金额", "line 3, column I (订单应付金额): '二十元' is not an amount in yuan" },
        new object[] { "商品数量", "1.5", "第3行，E列（商品数量）：“1.5”不是整数数量", "line 3, column E (商品数量): '1.5' is not a whole quantity" },
        new object[] { "支付完成时间", "昨天晚上", "第3行，AH列（支付完成时间）：“昨天晚上”不是日期和时间", "line 3, column AH (支付完成时间): '昨天晚上' is not a date and time" },
        new object[] { "子订单编号", "-", "第3行，B列（子订单编号）：子订单编号为空，这个单元格必须填写", "line 3, column B (子订单编号): 子订单编号 is empty" },
    ];

    [TestCaseSource(nameof(BadCells))]
    public async Task ABadCellIsReportedInChineseWithLineColumnLetterAndHeaderAndTheEnglishKept(string column, string value, string chinese, string english)
    {
        using var store = new TestStore();
        var export = new ExportBytes(DouyinExport.Current74, "-")
            .Row(Douyin("6937841205567283410"))
            .Row(Douyin("6937841205567283411", (column, value)));

        var receipt = await store.ImportAsync("orders.csv", export.Utf8WithBom());

        Assert.That(receipt.RowsRejected, Is.EqualTo(1), receipt.ToText());
        var problem = receipt.Problems.Single();
        Assert.That(problem.ToString(), Is.EqualTo(chinese));
        Assert.That(problem.ToString(english: true), Is.EqualTo(english));
        Assert.That(problem.ReasonEn, Is.EqualTo(english[(english.IndexOf("): ", StringComparison.Ordinal) + 3)..]));
        Assert.That(problem.Reason, Does.Not.Match("[A-Za-z]{3,}"), "the Chinese reason carries no English words");
        Assert.That(receipt.ToText(), Does.Contain("拒收 " + chinese));
        Assert.That(receipt.ToText(english: true), Does.Contain("rejected " + english));
    }

    [Test]
    public async Task AProblemReadBackFromTheImportLogReadsTheSameInBothLanguages()
    {
        using var store = new TestStore();
        var export = new ExportBytes(DouyinExport.Current74, "-")
            .Row(Douyin("6937841205567283410"))
            .Row(Douyin("6937841205567283411", ("订单应付金额", "二十元")));
        var receipt = await store.ImportAsync("orders.csv", export.Utf8WithBom());

        using var connection = store.Store.Open();
        var stored = ImportLog.Find(connection, receipt.ImportId)!.Problems.Single();

        Assert.That(stored, Is.EqualTo(receipt.Problems.Single()));
        Assert.That(stored.ToString(), Is.EqualTo("第3行，I列（订单应付金额）：“二十元”不是以元为单位的金额"));
        Assert.That(stored.ToString(english: true), Is.EqualTo("line 3, column I (订单应付金额): '二十元' is not an amount in yuan"));
    }

    [Test]
    public async Task AWorkbookRowIsNamedByItsSheetAndAHeaderWithBracketsKeepsThem()
    {
        using var store = new TestStore();
        string[] header = ["订单号", "商品", "用户实付金额(元)", "订单状态", "支付时间"];
        var workbook = Workbook.Create(("订单", header,
        [
            ["250302-000000000000001", "醋糕", "10.00", "已签收", "2025-03-02 10:00:00"],
            ["250302-000000000000002", "醋糕", "十元", "已签收", "2025-03-02 11:00:00"],
        ]));

        var receipt = await store.ImportAsync("pdd.xlsx", workbook);

        var problem = receipt.Problems.Single();
        Assert.That(problem.ToString(), Is.EqualTo("工作表“订单”第3行，C列（用户实付金额(元)）：“十元”不是以元为单位的金额"));
        Assert.That(problem.ToString(english: true), Is.EqualTo("sheet '订单' row 3, column C (用户实付金额(元)): '十元' is not an amount in yuan"));
    }

    [Test]
    public async Task ARepeatedLineNamesBothLinesInChinese()
    {
        using var store = new TestStore();
        var export = new ExportBytes(DouyinExport.Current74, "-")
            .Row(Douyin("6937841205567283410"))
            .Row(Douyin("6937841205567283410", ("售后状态", "退款成功")));

        var receipt = await store.ImportAsync("dup.csv", export.Utf8WithBom());

        var problem = receipt.Problems.Single();
        Assert.That(problem.ToString(), Is.EqualTo(
            "第2行：订单 6937841205567283410 的订单行 6937841205567283410 在第3行又出现了一次，已保留后面那一行"));
        Assert.That(problem.ReasonEn, Is.EqualTo(
            "line 6937841205567283410 of order 6937841205567283410 appears again on line 3; the later row was kept"));
    }

    [Test]
    public async Task AFileWithABomAndBrokenUtf8IsRejectedInChineseNamingTheLine()
    {
        using var store = new TestStore();
        byte[] broken = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("主订单编号,订单状态\n1,已"), 0xE5, 0x2C, (byte)'\n'];

        var receipt = await store.ImportAsync("broken.csv", broken);

        Assert.That(receipt.Rejected, Is.True);
        Assert.That(receipt.Reason, Does.StartWith("文件以UTF-8字节顺序标记开头，但在第2行（字节偏移").And.EndWith("有无效的UTF-8字节，请从商家后台重新导出。"));
        Assert.That(receipt.ReasonEn, Does.StartWith("The file starts with a UTF-8 byte-order mark but has invalid UTF-8 bytes at line 2, byte offset"));
    }
}
