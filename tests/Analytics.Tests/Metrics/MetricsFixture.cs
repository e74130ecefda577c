using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Ingestion.Formats;
using Analytics.Ingestion.Importing;
using Analytics.Store;
using Analytics.Tests.Api;
using Analytics.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Metrics;

/// <summary>
/// A few real-shaped exports whose every figure is computed by hand in the tests. Two shops of one enterprise
/// (seeds/shops.csv maps 禾丰富硒小米旗舰店 and 禾丰富硒谷物京东自营店 to 禾丰县富硒谷物农业专业合作社) and one unmapped PDD shop.
/// March 2024 holds: Douyin D1 (two lines 40.00 + 30.00, the second refunded; buyer X, 山西), D2 (20.00 paid 23:59:59 on
/// 31 March; buyer Y, 陕西), D3 (50.00, buyer X, refunded by a later overlapping export); JD J1 (two SKU rows repeating
/// 应付金额 139.70; account jd_a, 内蒙古) and J2 (59.90, jd_a, 北京); PDD P1 (25.00) and P2 (35.00, time from its order number),
/// no buyer, no province. Unpaid: D4, J3, P3. Elsewhere: D5 2024-04-01 00:00:00 (10.00), D11 2024-02-29 (45.00),
/// D9 2023-03-15 (50.00) and D10 2023-02-28 (30.00).
/// </summary>
internal sealed class MetricsFixture : IDisposable
{
    public const string DouyinShop = "禾丰富硒小米旗舰店";
    public const string JdShop = "禾丰富硒谷物京东自营店";
    public const string PddShop = "测试拼多多店";
    public const string Enterprise = "禾丰县富硒谷物农业专业合作社";

    private MetricsFixture(AnalyticsApp app, HttpClient client) => (App, Client) = (app, client);

    public AnalyticsApp App { get; }
    public HttpClient Client { get; }

    public static async Task<MetricsFixture> CreateAsync()
    {
        var app = new AnalyticsApp();
        var client = app.CreateClient();
        var store = app.Services.GetRequiredService<AnalyticsStore>();
        async Task Import(string name, byte[] bytes, string shop)
        {
            var path = Path.Combine(app.Folder, name);
            await File.WriteAllBytesAsync(path, bytes);
            var receipt = await store.ImportAsync(path, new ImportRequest("test", shop));
            Assert.That(receipt is { Landed: true, RowsRejected: 0 }, Is.True, receipt.ToText());
        }

        await Import("1710000000_douyin.csv", Douyin(
            ("1001", "1001-A", "P1", "2", "40.00", "2024-03-05 10:00:00", "-", "X"),
            ("1001", "1001-B", "P2", "1", "30.00", "2024-03-05 10:00:00", "退款成功", "X"),
            ("1002", "1002", "P1", "1", "20.00", "2024-03-31 23:59:59", "-", "Y"),
            ("1003", "1003", "P2", "1", "50.00", "2024-03-20 12:00:00", "-", "X"),
            ("1004", "1004", "P1", "1", "99.00", "-", "-", "X"),
            ("1005", "1005", "P1", "1", "10.00", "2024-04-01 00:00:00", "-", "Z"),
            ("1011", "1011", "P1", "1", "45.00", "2024-02-29 08:00:00", "-", "Z"),
            ("0901", "0901", "P1", "1", "50.00", "2023-03-15 10:00:00", "-", "W"),
            ("0902", "0902", "P1", "1", "30.00", "2023-02-28 12:00:00", "-", "W")), DouyinShop);
        // A later export overlapping the first: D3's refund has gone through.
        await Import("1711300000_douyin.csv", Douyin(("1003", "1003", "P2", "1", "50.00", "2024-03-20 12:00:00", "退款成功", "X")), DouyinShop);
        await Import("jd.csv", Jd(), JdShop);
        await Import("pdd.csv", Pdd(), PddShop);
        return new MetricsFixture(app, client);
    }

    public async Task<JsonElement> Get(string url)
    {
        using var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(response.IsSuccessStatusCode, Is.True, $"{url}: {(int)response.StatusCode} {body}");
        return body;
    }

    private static byte[] Douyin(params (string Order, string Line, string Product, string Quantity, string Payable, string PaidAt, string AfterSale, string Buyer)[] rows)
    {
        var export = new ExportBytes(DouyinExport.Current74, "-");
        foreach (var row in rows)
        {
            var (province, city, district) = row.Buyer switch
            {
                "Y" => ("陕西省", "西安市", "雁塔区"),
                _ => ("山西省", "太原市", "小店区"),
            };
            export.Row(("主订单编号", "\t" + row.Order), ("子订单编号", "\t" + row.Line), ("商品ID", "\t" + row.Product),
                ("选购商品", "\t商品" + row.Product), ("商品数量", row.Quantity), ("订单应付金额", row.Payable),
                ("支付完成时间", row.PaidAt), ("订单状态", row.PaidAt == "-" ? "待支付" : "已完成"), ("售后状态", row.AfterSale),
                ("收件人", row.Buyer is "X" or "Y" ? "张**" : row.Buyer + "**"), ("收件人手机号", "138****0001"),
                ("省", province), ("市", city), ("区", district));
        }
        return export.Utf8WithBom();
    }

    private static byte[] Jd()
    {
        (string, string)[] Row(string order, string sku, string quantity, string price, string payable, string account, string address, string paidAt, string status) =>
        [
            ("订单号", order), ("商品ID", sku), ("商品名称", "京东商品" + sku), ("订购数量", quantity), ("京东价", price), ("应付金额", payable),
            ("下单帐号", account), ("客户地址", address), ("付款确认时间", paidAt), ("订单状态", status),
        ];
        return new ExportBytes(JdExport.Classic30)
            .Row(Row("2001", "S1", "2", "59.90", "139.70", "jd_a", "内蒙古呼和浩特市新城区****", "2024-03-10 09:00:00", "完成"))
            .Row(Row("2001", "S2", "1", "29.90", "139.70", "jd_a", "内蒙古呼和浩特市新城区****", "2024-03-10 09:00:00", "完成"))
            .Row(Row("2002", "S1", "1", "59.90", "59.90", "jd_a", "北京市朝阳区****", "2024-03-11 10:00:00", "完成"))
            .Row(Row("2003", "S1", "1", "59.90", "59.90", "jd_b", "北京市朝阳区****", "", "等待付款"))
            .Gb18030();
    }

    private static byte[] Pdd()
    {
        (string, string)[] Row(string order, string paid, string dealAt, string status) =>
            [("商品", "拼多多商品"), ("订单号", order), ("订单状态", status), ("用户实付金额(元)", paid), ("商品数量(件)", "1"), ("商品id", "6001"), ("订单成交时间", dealAt)];
        return new ExportBytes(PddExport.Default27)
            .Row(Row("240305-000000000000001", "25.00", "2024-03-05 08:00:00", "已签收"))
            .Row(Row("240306-000000000000002", "35.00", "", "已签收"))
            .Row(Row("240307-000000000000003", "15.00", "", "已取消"))
            .Utf8();
    }

    public void Dispose()
    {
        Client.Dispose();
        App.Dispose();
    }
}
