using Analytics.Ingestion.Importing;
using Analytics.Tests.Support;

namespace Analytics.Tests.Ingestion;

/// <summary>The committed sample-data/ exports are what a new user tries first: every one must land cleanly.</summary>
public sealed class SampleDataTests
{
    private static string SampleData()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "sample-data");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException("sample-data/ not found above the test binaries.");
    }

    [Test]
    public async Task EveryCommittedSampleExportLandsWithoutRejectedRows()
    {
        using var store = new TestStore();
        var receipts = new List<ImportReceipt>();
        foreach (var shopFolder in Directory.GetDirectories(SampleData()).Order(StringComparer.Ordinal))
        {
            // A folder as `import <folder>/*` gives it: a 淘宝/天猫 订单报表 with its 宝贝报表 is one import.
            var files = SampleFiles.Exports(shopFolder).Select(f => new ExportFile(f, Path.GetFileName(f))).ToList();
            receipts.AddRange(await store.Store.ImportAllAsync(files, new ImportRequest("test", Path.GetFileName(shopFolder))));
        }

        Assert.That(receipts, Has.Count.GreaterThanOrEqualTo(10));
        Assert.That(receipts.Where(r => !r.Landed || r.RowsRejected > 0 || r.Fallbacks.Contains("映射文件", StringComparison.Ordinal)).Select(r => r.ToText()), Is.Empty);
        Assert.That(receipts.Select(r => r.Platform).Distinct(), Is.EquivalentTo(new[] { "douyin", "jd", "pdd", "kuaishou", "lecuntao", "taobao" }));
        Assert.That(receipts.Sum(r => r.LinesUpdated), Is.Positive, "the second export of each shop overlaps the first");
    }

    [Test]
    public async Task TheTaobaoSampleIsAGbkPairAndALaterWorkbookThatKeepsTheItems()
    {
        using var store = new TestStore();
        const string shop = "禾丰富硒小米天猫旗舰店";
        var files = Directory.GetFiles(Path.Combine(SampleData(), shop)).Order(StringComparer.Ordinal).Select(f => new ExportFile(f, Path.GetFileName(f))).ToList();

        var receipts = await store.Store.ImportAllAsync(files, new ImportRequest("test", shop));

        Assert.That(receipts.Select(r => (r.FileName, r.CompanionFileName, r.Layout, r.Encoding)), Is.EqualTo(new[]
        {
            ("ExportOrderList202303081032.csv", (string?)"ExportOrderDetailList202303081032.csv", "订单报表 54列 + 宝贝报表 10列，天猫", "GB18030 (GBK)"),
            ("ExportOrderList202303151047.xlsx", null, "千牛订单导出 (20列)，天猫", "XLSX"),
        }));
        Assert.That(receipts[0].ExportedAt, Is.EqualTo("2023-03-08 10:32:00"));
        Assert.That(receipts[1].LinesUpdated, Is.Positive, "the workbook overlaps the pair");
        var overlapping = store.Orders().Where(o => string.CompareOrdinal(o.OrderId, "303") >= 0 && string.CompareOrdinal(o.OrderId, "308") < 0).ToList();
        Assert.That(overlapping, Is.Not.Empty);
        Assert.That(store.Lines().Where(l => overlapping.Any(o => o.OrderId == l.OrderId)).Select(l => l.ProductId), Is.All.StartsWith("HF-"),
            "orders the pair brought keep their items when the workbook, which has none, updates them");
        Assert.That(store.Orders().Select(o => o.Status), Does.Contain("交易关闭").And.Contain("等待买家付款").And.Contain("买家已付款，等待卖家发货"));
        Assert.That(store.Orders().Count(o => o.RefundFen > 0), Is.EqualTo(2), "one refunded in full, one in part");
    }
}
