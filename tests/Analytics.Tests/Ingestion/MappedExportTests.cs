using Analytics.Ingestion.Importing;
using Analytics.Tests.Support;

namespace Analytics.Tests.Ingestion;

/// <summary>Exports of platforms that mapping files describe, read as the files say: amounts per row or per order, refunds, buyers.</summary>
public sealed class MappedExportTests
{
    private static (string, string)[] MallRow(string orderId, string code, string spec, string amount, string status = "已签收",
        string paidAt = "2024-06-01 10:00:05", string quantity = "1", string receiver = "钱**") =>
    [
        ("商城订单号", orderId), ("下单时间", "2024-06-01 10:00:00"), ("付款时间", paidAt), ("状态", status), ("商品编码", code), ("商品", "富硒小米"),
        ("规格", spec), ("数量", quantity), ("行实付金额", amount), ("收货人", receiver), ("手机", "139****0000"), ("省份", "山西"), ("城市", "运城市"),
        ("区县", "盐湖区"),
    ];

    [Test]
    public async Task ACountyMallIsReadAsItsMappingSaysAndItsReceiptSaysItsName()
    {
        using var folder = new TemporaryFolder();
        MappingFiles.Write(folder.Path, "hefeng_mall.ini", MappingFiles.CountyMall);
        using var store = new TestStore(folder.Path);
        var export = new ExportBytes(MappingFiles.CountyMallHeader)
            .Row(MallRow("M0001", "XM-1", "1kg", "20.00", quantity: "2"))
            .Row(MallRow("M0001", "XM-1", "5kg", "60.00"))
            .Row(MallRow("M0002", "XM-1", "1kg", "10.00", status: "已退款"))
            .Row(MallRow("M0003", "XM-1", "1kg", "10.00", status: "未付款", paidAt: ""))
            .Row(MallRow("M0004", "XM-1", "1kg", "10.00", status: "已取消", paidAt: "2024-06-01 10:00:05"))
            .Row(MallRow("M0005", "XM-1", "1kg", "10.00", status: "待评价", receiver: "孙**"));

        var receipt = await store.ImportAsync("商城订单.csv", export.Utf8WithBom(), shop: "禾丰优选自营店");

        Assert.That(receipt is { Landed: true, RowsRejected: 0 }, Is.True, receipt.ToText());
        Assert.That((receipt.Platform, receipt.PlatformName, receipt.Layout), Is.EqualTo(("hefeng_mall", "禾丰优选", "映射文件 hefeng_mall.ini（14列）")));
        Assert.That(receipt.ToText(), Does.StartWith("新店铺已登记: 禾丰优选自营店 (禾丰优选)").And.Contain("导出：禾丰优选，映射文件 hefeng_mall.ini（14列）"));
        Assert.That(receipt.Fallbacks, Is.EqualTo("状态“待评价”不在映射文件 hefeng_mall.ini 的[状态]中：1 行，按支付时间计入"));
        Assert.That(store.Lines().Select(l => (l.OrderId, l.LineId, l.AmountFen, l.RefundFen, l.Quantity)), Is.EqualTo(new[]
        {
            ("M0001", "XM-1|1kg", 2000L, 0L, 2L), ("M0001", "XM-1|5kg", 6000L, 0L, 1L), ("M0002", "XM-1|1kg", 1000L, 1000L, 1L),
            ("M0003", "XM-1|1kg", 1000L, 0L, 1L), ("M0004", "XM-1|1kg", 1000L, 0L, 1L), ("M0005", "XM-1|1kg", 1000L, 0L, 1L),
        }));
        Assert.That(store.Orders().Select(o => (o.OrderId, o.PaidAt is not null, o.ProvinceCode, o.BuyerSource)), Is.EqualTo(new[]
        {
            ("M0001", true, "14", "receiver-fingerprint"), ("M0002", true, "14", "receiver-fingerprint"),
            ("M0003", false, "14", "receiver-fingerprint"), ("M0004", false, "14", "receiver-fingerprint"), // 已取消: never counts, whatever the time cell says
            ("M0005", true, "14", "receiver-fingerprint"), // an unlisted status counts by its payment time, and the receipt says so
        }));
    }

    [Test]
    public async Task AnOrderAmountAndAnOrderRefundAreTakenOnceAndSharedByPriceTimesQuantity()
    {
        using var folder = new TemporaryFolder();
        MappingFiles.Write(folder.Path, "hefeng_mall.ini", MappingFiles.CountyMall
            .Replace("实付金额 = 行实付金额", "实付金额 = 订单实付\n实付金额口径 = 每单\n单价 = 单价\n退款金额 = 订单退款\n退款金额口径 = 每单", StringComparison.Ordinal)
            .Replace("表头 = 商城订单号, 商品编码, 行实付金额", "表头 = 商城订单号, 商品编码, 订单实付", StringComparison.Ordinal));
        using var store = new TestStore(folder.Path);
        var export = new ExportBytes(["商城订单号", "付款时间", "状态", "商品编码", "规格", "商品", "数量", "单价", "订单实付", "订单退款", "收货人", "手机", "省份", "城市", "区县"])
            .Row(("商城订单号", "M0010"), ("付款时间", "2024-06-02 08:00:00"), ("状态", "已发货"), ("商品编码", "A"), ("数量", "2"), ("单价", "30.00"), ("订单实付", "95.00"), ("订单退款", "19.00"))
            .Row(("商城订单号", "M0010"), ("付款时间", "2024-06-02 08:00:00"), ("状态", "已发货"), ("商品编码", "B"), ("数量", "1"), ("单价", "40.00"), ("订单实付", "95.00"), ("订单退款", "19.00"));

        var receipt = await store.ImportAsync("商城订单.csv", export.Utf8(), shop: "禾丰优选自营店");

        Assert.That(receipt is { Landed: true, RowsRejected: 0 }, Is.True, receipt.ToText());
        // 95.00 (shipping in, discount out) shared 60 : 40; the refund 19.00 shared as the amounts are.
        Assert.That(store.Lines().Select(l => (l.LineId, l.AmountFen, l.RefundFen)), Is.EqualTo(new[] { ("A", 5700L, 1140L), ("B", 3800L, 760L) }));
        Assert.That(store.Orders().Single(), Has.Property("GmvFen").EqualTo(9500L).And.Property("RefundFen").EqualTo(1900L));
    }

    [Test]
    public async Task WithoutAPaymentTimeOnlyAPaidStatusMakesTheOrderTimeCount()
    {
        using var folder = new TemporaryFolder();
        MappingFiles.Write(folder.Path, "hefeng_mall.ini", MappingFiles.CountyMall.Replace("支付时间 = 付款时间", "下单时间 = 下单时间", StringComparison.Ordinal));
        using var store = new TestStore(folder.Path);
        string[] header = [.. MappingFiles.CountyMallHeader.Where(h => h != "付款时间")];
        (string, string)[] Row(string id, string status) => [.. MallRow(id, "XM-1", "1kg", "10.00", status).Where(c => c.Item1 != "付款时间")];
        var export = new ExportBytes(header).Row(Row("M0020", "已发货")).Row(Row("M0021", "未付款")).Row(Row("M0022", "待评价"));

        var receipt = await store.ImportAsync("商城订单.csv", export.Utf8(), shop: "禾丰优选自营店");

        Assert.That(receipt.Landed, Is.True, receipt.ToText());
        Assert.That(store.Orders().Select(o => (o.OrderId, o.PaidAt, o.PaymentTimeSource)), Is.EqualTo(new (string, string?, string)[]
        {
            ("M0020", "2024-06-01 10:00:00", "order-created-column"), ("M0021", null, "none"), ("M0022", null, "none"),
        }));
        Assert.That(receipt.Fallbacks, Does.Contain("支付时间取自订单成交时间（文件无支付时间列）：1 单").And.Contain("状态“待评价”不在映射文件"));
    }

    [Test]
    public async Task AFileWithoutAColumnTheMappingNamesIsRefusedNamingTheColumn()
    {
        using var folder = new TemporaryFolder();
        MappingFiles.Write(folder.Path, "hefeng_mall.ini", MappingFiles.CountyMall);
        using var store = new TestStore(folder.Path);
        var export = new ExportBytes([.. MappingFiles.CountyMallHeader.Where(h => h != "区县")]).Row(("商城订单号", "M0001"), ("行实付金额", "1.00"), ("商品编码", "A"));

        var receipt = await store.ImportAsync("商城订单.csv", export.Utf8(), shop: "禾丰优选自营店");

        Assert.That(receipt.Rejected, Is.True);
        Assert.That(receipt.Reason, Does.StartWith("禾丰优选订单导出的表头（第1行）缺少“区县”列：映射文件 hefeng_mall.ini 第21行要用这一列。"));
        Assert.That(receipt.ReasonEn, Does.Contain("line 21 of the mapping file hefeng_mall.ini"));
        Assert.That(store.Orders(), Is.Empty);
    }

    [Test]
    public async Task AMappingWithTheWholeHeaderNamesTheColumnsAChangedExportDroppedOrAdded()
    {
        using var folder = new TemporaryFolder();
        var whole = string.Join(", ", MappingFiles.CountyMallHeader);
        MappingFiles.Write(folder.Path, "hefeng_mall.ini", MappingFiles.CountyMall
            .Replace("表头 = 商城订单号, 商品编码, 行实付金额", $"表头 = 商城订单号, 商品编码, 行实付金额\n完整表头 = {whole}", StringComparison.Ordinal));
        using var store = new TestStore(folder.Path);
        var changed = MappingFiles.CountyMallHeader.Where(h => h != "下单时间").Append("达人昵称").ToArray();
        var export = new ExportBytes(changed).Row(MallRow("M0001", "XM-1", "1kg", "20.00").Where(c => c.Item1 != "下单时间").Append(("达人昵称", "禾丰小李")).ToArray());

        var receipt = await store.ImportAsync("商城订单.csv", export.Utf8(), shop: "禾丰优选自营店");
        var unchanged = await store.ImportAsync("商城订单2.csv", new ExportBytes(MappingFiles.CountyMallHeader).Row(MallRow("M0002", "XM-1", "1kg", "10.00")).Utf8(),
            shop: "禾丰优选自营店");

        Assert.That(receipt is { Landed: true, RowsRejected: 0 }, Is.True, receipt.ToText());
        Assert.That(receipt.ToText(), Does.Contain("导出格式有变化：缺少列 “下单时间”；新增列 “达人昵称”"));
        Assert.That(store.Orders().Select(o => o.GmvFen), Is.EqualTo(new[] { 2000L, 1000L }), "the figures are read by name as before");
        Assert.That(unchanged.ToText(), Does.Not.Contain("导出格式有变化"), "the export as the mapping knows it");
    }

    [Test]
    public async Task TheCommittedLecuntaoSampleLandsAsItsMappingSays()
    {
        using var store = new TestStore();
        var folder = Path.Combine(SampleFiles.Folder(), "禾丰县乐村淘特色馆");
        var file = Directory.GetFiles(folder, "*.csv").Single();

        var receipt = await store.Store.ImportAsync(file, new ImportRequest("test", "禾丰县乐村淘特色馆"));

        Assert.That(receipt is { Landed: true, RowsRejected: 0, Fallbacks: "" }, Is.True, receipt.ToText());
        Assert.That((receipt.Platform, receipt.Encoding, receipt.ExportedAt), Is.EqualTo(("lecuntao", "GB18030 (GBK)", "2023-03-15 09:30:00")));
        var orders = store.Orders();
        Assert.That(orders.Select(o => (o.OrderId, o.PaidAt is not null, o.GmvFen, o.RefundFen, o.Units)), Is.EqualTo(new[]
        {
            ("23030210150001", true, 15670L, 0L, 3L), // 69.90 + 2 × 45.90 − 5.00, the order's amount taken once from its two rows
            ("23030311200002", false, 5460L, 0L, 3L), // 待付款
            ("23030514050003", true, 14970L, 7980L, 3L), // one line refunded, the amount its row states
            ("23030609300004", false, 4590L, 0L, 1L), // 已取消
            ("23030816220005", true, 3840L, 3840L, 2L), // 已退款, shipping refunded too
            ("23031008080006", true, 12980L, 0L, 2L),
            ("23031221000007", true, 15000L, 0L, 6L),
        }));
        Assert.That(orders.Select(o => o.BuyerSource), Is.All.EqualTo("account"));
        Assert.That(orders[0].BuyerKey, Is.EqualTo(orders[5].BuyerKey), "lct_138001 bought twice");
        Assert.That(orders.Select(o => o.ProvinceCode).Distinct(), Is.EquivalentTo(new[] { "62", "14", "15", "11" }), "甘肃, 山西, 内蒙古, 北京 from one address string");
    }

    [Test]
    public async Task TheShippedXiaohongshuMappingReadsTheOrderQueryExport()
    {
        using var store = new TestStore();
        var export = new ExportBytes(XiaohongshuOrderQuery72)
            .Row(XhsRow("P802335189951019482", "SKU-1", "2", "59.80", "2024-06-10 20:00:05", "已发货"))
            .Row(XhsRow("P802335189951019482", "SKU-2", "1", "19.90", "2024-06-10 20:00:05", "已发货"))
            .Row(XhsRow("P802335189951019483", "SKU-1", "1", "29.90", "", "待付款"))
            .Row(XhsRow("P802335189951019484", "SKU-1", "1", "29.90", "2024-06-11 09:00:00", "已取消", afterSale: "退款成功"));

        var receipt = await store.ImportAsync("小红书订单查询.csv", export.Utf8WithBom());

        Assert.That(receipt is { Landed: true, RowsRejected: 0 }, Is.True, receipt.ToText());
        Assert.That((receipt.Platform, receipt.PlatformName), Is.EqualTo(("xiaohongshu", "小红书")));
        Assert.That(store.Orders().Select(o => (o.OrderId, o.PaidAt is not null, o.GmvFen, o.RefundFen, o.Units, o.BuyerSource)), Is.EqualTo(new[]
        {
            ("P802335189951019482", true, 7970L, 0L, 3L, "account"),
            ("P802335189951019483", false, 2990L, 0L, 1L, "account"),
            ("P802335189951019484", true, 2990L, 2990L, 1L, "account"),
        }));
    }

    /// <summary>小红书千帆 订单查询 export as public importers list it (docs/export-formats.md §12).</summary>
    private static readonly string[] XiaohongshuOrderQuery72 =
    [
        "订单号", "订单状态", "售后状态", "订单类型", "订单标记", "收件人姓名", "收件人电话", "收件人地址", "省", "市", "区", "区域编码", "小红书编码", "条形码",
        "规格ID", "达人ID", "达人名称", "SKU名称", "SKU规格", "SKU件数", "是否为赠品", "发票/Invoice", "商品总价(元)", "用户应付金额(元)", "平台优惠(元)",
        "店铺优惠(元)", "支付渠道优惠(元)", "SKU商家改价(元)", "商家应收金额(元)（支付金额）", "支付方式", "支付渠道订单号", "支付期数", "利息费用", "手续费承担方",
        "支付时间", "sku净重(kg)", "包裹总净重(kg)", "包裹总运费(元)", "快递公司", "快递单号", "发货链接", "大头笔/Paint Marker", "集包地/Express Extend 1",
        "三段码/Express Extend 2", "订购人身份证姓名/ID Name", "订购人身份证号/ID Number", "收件人身份证姓名", "收件人身份证号", "订单创建时间",
        "预售订单开始发货时间", "预售订单截止发货时间", "承诺发货时间", "订单发货时间", "订单完成时间", "发货仓库", "确认收货类型", "是否延迟收货", "用户备注",
        "包裹备注标记", "包裹备注信息", "异常原因", "店铺名称", "用户编号", "运费模版名称", "物流方案名称", "第三方机构订单号", "国补模式", "供应商id",
        "供应商名称", "商家编码", "商品ID", "商品名称",
    ];

    private static (string, string)[] XhsRow(string orderId, string skuId, string quantity, string payable, string paidAt, string status, string afterSale = "") =>
    [
        ("订单号", orderId), ("订单状态", status), ("售后状态", afterSale), ("收件人姓名", "周**"), ("收件人电话", "136****1111"), ("收件人地址", "陕西省西安市雁塔区****"),
        ("省", "陕西省"), ("市", "西安市"), ("区", "雁塔区"), ("规格ID", skuId), ("SKU名称", "黄花菜 250g"), ("SKU件数", quantity), ("商品总价(元)", payable),
        ("用户应付金额(元)", payable), ("商家应收金额(元)（支付金额）", payable), ("支付时间", paidAt), ("订单创建时间", "2024-06-10 19:59:00"),
        ("用户编号", "5f1e0c2a0000000001"), ("商家编码", "HF-HHC-250"), ("商品ID", "64a1b2c3d4e5f6"), ("商品名称", "禾丰黄花菜 250g"),
    ];
}
