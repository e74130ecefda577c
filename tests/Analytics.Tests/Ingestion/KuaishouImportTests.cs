using Analytics.Ingestion.Formats;
using Analytics.Tests.Support;

namespace Analytics.Tests.Ingestion;

/// <summary>快手小店 exports in the shapes of docs/export-formats.md §5: 61 and 64 columns, CSV and many-sheet workbooks.</summary>
public sealed class KuaishouImportTests
{
    private static (string, string)[] Order(string orderId, string paid, string paidAt = "2023-03-02 20:15:40", string status = "交易成功",
        string afterSale = "-", string quantity = "1", string province = "甘肃省", string receiver = "张**", string note = "-") =>
    [
        ("订单号", orderId), ("订单创建时间", "2023-03-02 20:15:31"), ("订单支付时间", paidAt), ("订单状态", status), ("实付款", paid),
        ("快递费", "¥0.00"), ("店铺优惠", "¥5.00"), ("支付方式", "微信支付"), ("成交数量", quantity), ("订单备注", note), ("售后状态", afterSale),
        ("商品名称", "定西马铃薯粉条 500g"), ("商品ID", "21234567890123"), ("商品规格", "500g*1袋"), ("SKU编码", "DX-FT-500"),
        ("商品单价", "¥32.40"), ("渠道", "分销"), ("预估推广佣金", "¥11.96"), ("预估推广者分佣比例", "20.0%"),
        // A receiver the export leaves out ("/") leaves out the phone and the address too.
        ("收货人姓名", receiver), ("收货人电话", receiver == "/" ? "/" : "138****5678"), ("收货地址-省", province), ("收货地址-市", "定西市"),
        ("收货地址-区", "安定区"), ("收货地址-街道", "凤翔镇"), ("收货地址", receiver == "/" ? "/" : "甘肃省定西市安定区凤翔镇****"), ("国补/类国补/消费券", "¥0.00"),
    ];

    [Test]
    public async Task CsvOf61ColumnsCountsPaidOrdersByPaymentTimeWithYuanSignsAndPlaceholders()
    {
        using var store = new TestStore();
        var export = new ExportBytes(KuaishouExport.Current61, "-")
            .Row(Order("2303021234567890", "¥59.80", quantity: "2"))
            .Row(Order("2303021234567891", "¥1,299.90", status: "已发货", note: "退差价 5元，小额打款金额 5.00"))
            .Row(Order("2303021234567892", "¥32.40", paidAt: "--", status: "待付款"))
            .Row(Order("2303021234567893", "¥32.40", paidAt: "—", status: "交易关闭"))
            .Row(Order("2303021234567894", "¥45.90", status: "交易关闭", afterSale: "退款成功"))
            .Row(Order("2303021234567895", "¥10.00", status: "已收货", province: "/", receiver: "/"));

        var receipt = await store.ImportAsync("kuaishou.csv", export.Utf8WithBom());

        Assert.That(receipt is { Landed: true, RowsRejected: 0 }, Is.True, receipt.ToText());
        Assert.That((receipt.Platform, receipt.Layout, receipt.Encoding), Is.EqualTo(("kuaishou", "订单导出 61列", "UTF-8 (BOM)")));
        Assert.That((receipt.RowsRead, receipt.OrdersTouched, receipt.UnpaidLines), Is.EqualTo((6, 6, 2)));
        Assert.That(store.Orders().Select(o => (o.OrderId, o.PaidAt, o.GmvFen, o.RefundFen, o.Units)), Is.EqualTo(new (string, string?, long, long, long)[]
        {
            ("2303021234567890", "2023-03-02 20:15:40", 5980, 0, 2),
            ("2303021234567891", "2023-03-02 20:15:40", 129990, 0, 1), // a partial refund written only in 订单备注 is not counted
            ("2303021234567892", null, 3240, 0, 1),
            ("2303021234567893", null, 3240, 0, 1), // closed before payment: no 订单支付时间
            ("2303021234567894", "2023-03-02 20:15:40", 4590, 4590, 1), // closed after payment: 退款成功, refunded in full
            ("2303021234567895", "2023-03-02 20:15:40", 1000, 0, 1),
        }));
        var lines = store.Lines();
        Assert.That(lines.Select(l => (l.LineId, l.ProductId, l.ProductTitle)).First(),
            Is.EqualTo(("2303021234567890", "21234567890123", "定西马铃薯粉条 500g")), "one SKU per order: the order is its own line");
        var first = store.Orders()[0];
        Assert.That((first.ProvinceCode, first.City, first.District, first.BuyerSource), Is.EqualTo(("62", "定西市", "安定区", "receiver-fingerprint")));
        Assert.That(first.BuyerKey, Has.Length.EqualTo(32));
        var unknownPlace = store.Orders()[5];
        Assert.That((unknownPlace.ProvinceCode, unknownPlace.BuyerKey), Is.EqualTo(((string?)null, (string?)null)), "/ is an empty cell, never a place or a person");
        Assert.That(store.Snapshot(), Does.Not.Contain("张**").And.Not.Contain("138****5678"), "receivers are only ever hashed");
    }

    [Test]
    public async Task WorkbookOf64ColumnsWithTheHeaderRepeatedOnEverySheetReadsEverySheet()
    {
        using var store = new TestStore();
        var header = KuaishouExport.Extended64;
        string[] Row(string orderId, string paid, string paidAt, string status) => [.. header.Select(column => column switch
        {
            "订单号" => orderId,
            "实付款" => paid,
            "订单支付时间" => paidAt,
            "订单状态" => status,
            "成交数量" => "1",
            "商品ID" => "21234567890123",
            "收货人姓名" => "王**",
            "收货人电话" => "137****9012",
            "收货地址-省" => "内蒙古",
            "收货地址-市" => "呼和浩特市",
            "收货地址-区" => "赛罕区",
            "国补类型" => "--",
            _ => "-",
        })];
        var workbook = Workbook.Create(
            ("订单列表1", [.. header], [Row("2303081123456709", "¥87.00", "2023-03-08 10:10:31", "交易成功"), Row("2303081123456710", "¥16.20", "-", "待付款")]),
            ("订单列表2", [.. header], [Row("2303091123456711", "¥1,299.90", "2023-03-09 13:33:19", "已发货")]),
            ("订单列表3", [.. header], [Row("2303101123456712", "¥45.90", "2023-03-10 18:00:25", "交易关闭"), [.. header], Row("2303101123456713", "¥16.20", "2023-03-10 18:30:00", "已收货")]));

        var receipt = await store.ImportAsync("kuaishou.xlsx", workbook);

        Assert.That(receipt is { Landed: true, RowsRejected: 0 }, Is.True, receipt.ToText());
        Assert.That((receipt.Layout, receipt.Encoding, receipt.RowsRead), Is.EqualTo(("订单导出 64列", "XLSX", 5)), "a header repeated inside a sheet is no data row");
        var orders = store.Orders();
        Assert.That(orders.Select(o => o.OrderId), Is.EqualTo(new[] { "2303081123456709", "2303081123456710", "2303091123456711", "2303101123456712", "2303101123456713" }));
        Assert.That(orders.Where(o => o.PaidAt is not null).Sum(o => o.GmvFen), Is.EqualTo(8700 + 129990 + 4590 + 1620));
        Assert.That(orders.Select(o => o.ProvinceCode), Is.All.EqualTo("15"), "内蒙古 is 内蒙古自治区");
    }

    [Test]
    public async Task ACsvWhoseOrderNumbersExcelRoundedIsRefusedWhole()
    {
        using var store = new TestStore();
        var export = new ExportBytes(KuaishouExport.Current61, "-")
            .Row(Order("2303021234567890", "¥59.80"))
            .Row(Order("2.30302E+15", "¥32.40"));

        var receipt = await store.ImportAsync("kuaishou.csv", export.Utf8WithBom());

        Assert.That(receipt.Rejected, Is.True, receipt.ToText());
        Assert.That(receipt.Reason, Does.Contain("第3行，A列（订单号）是“2.30302E+15”").And.Contain("Excel"));
        Assert.That(store.Orders(), Is.Empty, "the good first row does not land without the second");
    }

    [Test]
    public async Task ASelectionWithoutThePaymentTimeIsRefusedNamingTheColumn()
    {
        using var store = new TestStore();
        var export = new ExportBytes(["订单号", "订单创建时间", "订单状态", "实付款", "成交数量"]).Row(("订单号", "2303081123456709"), ("实付款", "¥87.00"));

        var receipt = await store.ImportAsync("kuaishou.csv", export.Utf8());

        Assert.That(receipt.Rejected, Is.True);
        Assert.That(receipt.Reason, Does.StartWith("快手小店订单导出的表头（第1行）缺少“订单支付时间”列"));
    }

    [Test]
    public async Task ACsvReSavedByExcelInGbkStillReads()
    {
        using var store = new TestStore();
        var export = new ExportBytes(KuaishouExport.Current61, "-").Row(Order("2303021234567890", "¥59.80", quantity: "2"));

        var receipt = await store.ImportAsync("kuaishou.csv", export.Gb18030());

        Assert.That((receipt.Landed, receipt.Encoding), Is.EqualTo((true, "GB18030 (GBK)")), receipt.ToText());
        Assert.That(store.Orders().Single().GmvFen, Is.EqualTo(5980));
    }
}
