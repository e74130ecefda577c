using Analytics.Ingestion.Formats;
using Analytics.Tests.Support;

namespace Analytics.Tests.Ingestion;

public sealed class PddImportTests
{
    private static (string, string)[] Order(string orderId, string paid, string dealAt, string status = "已签收", string afterSale = "无售后或售后取消") =>
    [
        ("商品", "【产地直发】富硒小米 5斤装"), ("订单号", "\t" + orderId), ("订单状态", status), ("商品总价(元)", "29.90"),
        ("用户实付金额(元)", paid), ("商家实收金额(元)", paid), ("商品数量(件)", "1"), ("商品id", "612345678901"),
        ("售后状态", afterSale), ("订单成交时间", dealAt),
    ];

    [Test]
    public async Task DefaultExportWithTitleAndTotalRowsFallsBackToTheOrderNumberDate()
    {
        using var store = new TestStore();
        var export = new ExportBytes(PddExport.Default27)
            .TitleLine("名称：拼多多订单导出")
            .Row(Order("250302-394857261038475", "26.90", "\t2025-03-02 21:05:33"))
            .Row(Order("250303-394857261038476", "19.90", "\t"))
            .Row(Order("250303-394857261038477", "15.00", "", status: "已取消"))
            .Row(Order("250304-394857261038478", "30.00", "2025-03-04 08:00:00", status: "已发货，退款成功", afterSale: "退款成功"))
            .TrailingLine("总计,,,,,,,,76.80");

        var receipt = await store.ImportAsync("pdd.csv", export.Utf8());

        Assert.That(receipt.Landed, Is.True, receipt.ToText());
        Assert.That((receipt.Platform, receipt.Layout, receipt.RowsRead, receipt.SummaryRows), Is.EqualTo(("pdd", "默认导出 27列", 4, 1)));
        Assert.That(receipt.Fallbacks, Does.Contain("支付时间取自订单号中的日期（时间为空）：1 单"));
        var orders = store.Orders();
        Assert.That(orders.Select(o => (o.OrderId, o.PaidAt, o.PaymentTimeSource)), Is.EqualTo(new (string, string?, string)[]
        {
            ("250302-394857261038475", "2025-03-02 21:05:33", "order-created-column"),
            ("250303-394857261038476", "2025-03-03 00:00:00", "order-number-date"),
            ("250303-394857261038477", null, "none"),
            ("250304-394857261038478", "2025-03-04 08:00:00", "order-created-column"),
        }));
        Assert.That(orders.Select(o => o.ProvinceCode), Is.All.Null, "the default export has no province");
        Assert.That(orders.Select(o => o.BuyerKey), Is.All.Null, "nor any buyer");
        Assert.That((orders[3].GmvFen, orders[3].RefundFen), Is.EqualTo((3000L, 3000L)));
    }

    [Test]
    public async Task CustomXlsxSelectionWithFullWidthParenthesesReadsPaymentTimeAndRegion()
    {
        using var store = new TestStore();
        string[] header = ["订单号", "商品", "商品id", "商品数量（件）", "用户实付金额（元）", "订单状态", "售后状态", "支付时间", "订单成交时间", "省", "市", "区", "街道/镇"];
        var workbook = Workbook.Create(("订单", header, [
            ["250302-394857261038475", "石磨面粉 5kg", "612345678901", "2", "59.80", "已签收", "无售后或售后取消", "2025-03-02 21:05:00", "2025-03-02 21:06:33", "山西", "运城市", "盐湖区", "****"],
        ]));

        var receipt = await store.ImportAsync("pdd.xlsx", workbook);

        Assert.That(receipt.Landed, Is.True, receipt.ToText());
        Assert.That((receipt.Encoding, receipt.Layout), Is.EqualTo(("XLSX", "自定义导出 (13列)")));
        var order = store.Orders().Single();
        Assert.That((order.PaidAt, order.PaymentTimeSource, order.GmvFen, order.Units), Is.EqualTo(("2025-03-02 21:05:00", "column", 5980L, 2L)));
        Assert.That((order.ProvinceCode, order.City, order.District), Is.EqualTo(("14", "运城市", "盐湖区")));
    }

    [Test]
    public async Task EverySheetOfAWorkbookIsImported()
    {
        using var store = new TestStore();
        string[] header = ["订单号", "商品", "用户实付金额(元)", "订单状态", "支付时间"];
        var workbook = Workbook.Create(
            ("订单1", header, [["250302-000000000000001", "醋糕", "10.00", "已签收", "2025-03-02 10:00:00"]]),
            ("订单2", header, [["250302-000000000000002", "醋糕", "12.00", "已签收", "2025-03-02 11:00:00"]]));

        var receipt = await store.ImportAsync("pdd.xlsx", workbook);

        Assert.That(receipt.RowsRead, Is.EqualTo(2));
        Assert.That(store.Orders().Sum(o => o.GmvFen), Is.EqualTo(2200L));
    }

    [Test]
    public async Task AnIdStoredAsANumberInAWorkbookIsRejectedAsExcelDamage()
    {
        using var store = new TestStore();
        string[] header = ["主订单编号", "子订单编号", "订单应付金额", "订单状态", "支付完成时间"];
        var workbook = Workbook.Create(("Sheet1", header, [[6937841205567283410d, "6937841205567283410", "10.00", "已完成", "2025-03-02 10:00:00"]]));

        var receipt = await store.ImportAsync("douyin.xlsx", workbook);

        Assert.That(receipt.Landed, Is.False);
        Assert.That(receipt.Reason, Does.Contain("工作表“Sheet1”第2行，A列（主订单编号）").And.Contain("Excel"));
        Assert.That(receipt.ReasonEn, Does.Contain("sheet 'Sheet1' row 2, column A").And.Contain("Excel"));
    }
}
