using System.Text.Json;
using Analytics.Ingestion.Formats;
using Analytics.Ingestion.Importing;
using Analytics.Store;
using Analytics.Tests.Api;
using Analytics.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Metrics;

/// <summary>Buyer counts follow orders that a later export changes: paid at last, another buyer, another payment day.</summary>
public sealed class BuyerCountTests
{
    private static byte[] Douyin(params (string Order, string PaidAt, string Receiver)[] orders)
    {
        var export = new ExportBytes(DouyinExport.Current74, "-");
        foreach (var (order, paidAt, receiver) in orders)
        {
            export.Row(("主订单编号", "\t" + order), ("子订单编号", "\t" + order), ("商品数量", "1"), ("订单应付金额", "10.00"),
                ("支付完成时间", paidAt), ("订单状态", paidAt == "-" ? "待支付" : "已发货"), ("收件人", receiver), ("收件人手机号", "138****0001"),
                ("省", "山西省"), ("市", "太原市"), ("区", "小店区"));
        }
        return export.Utf8WithBom();
    }

    [Test]
    public async Task BuyerCountsFollowOrdersThatChangeAfterImport()
    {
        using var app = new AnalyticsApp();
        using var client = app.CreateClient();
        var store = app.Services.GetRequiredService<AnalyticsStore>();
        async Task Import(string name, byte[] bytes)
        {
            var path = Path.Combine(app.Folder, name);
            await File.WriteAllBytesAsync(path, bytes);
            Assert.That((await store.ImportAsync(path, new ImportRequest("test", "店"))).Landed, Is.True);
        }
        async Task<(long Buyers, double? Repeat)> Buyers(string from, string to, bool raw = false)
        {
            var summary = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/summary?from={from}&to={to}{(raw ? "&source=raw" : "")}", UriKind.Relative))).RootElement;
            var repeat = summary.GetProperty("repeatRate");
            return (summary.GetProperty("buyers").GetInt64(), repeat.ValueKind == JsonValueKind.Null ? null : repeat.GetDouble());
        }

        await Import("1710000000_a.csv", Douyin(("1", "-", "甲**"), ("2", "2024-03-05 10:00:00", "甲**"), ("3", "2024-03-06 10:00:00", "乙**")));
        Assert.That(await Buyers("2024-03-01", "2024-03-31"), Is.EqualTo((2L, (double?)0.0)));
        // Order 1 is paid, order 2's payment moved to the 8th, order 3 turns out to be 甲's.
        await Import("1711000000_b.csv", Douyin(("1", "2024-03-07 10:00:00", "甲**"), ("2", "2024-03-08 10:00:00", "甲**"), ("3", "2024-03-06 10:00:00", "甲**")));

        Assert.That(await Buyers("2024-03-01", "2024-03-31"), Is.EqualTo((1L, (double?)1.0)), "甲 bought three times");
        Assert.That(await Buyers("2024-03-05", "2024-03-05"), Is.EqualTo((0L, (double?)null)), "nothing is paid on the 5th any more");
        Assert.That(await Buyers("2024-03-01", "2024-03-06"), Is.EqualTo((1L, (double?)0.0)));
        foreach (var (from, to) in new[] { ("2024-03-01", "2024-03-31"), ("2024-03-04", "2024-03-10"), ("2024-01-01", "2024-03-07"), ("2024-03-08", "2024-03-08") })
            Assert.That(await Buyers(from, to), Is.EqualTo(await Buyers(from, to, raw: true)), $"{from}..{to}");
    }
}
