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
            foreach (var file in SampleFiles.Exports(shopFolder))
                receipts.Add(await store.Store.ImportAsync(file, new ImportRequest("test", Path.GetFileName(shopFolder))));
        }

        Assert.That(receipts, Has.Count.GreaterThanOrEqualTo(10));
        Assert.That(receipts.Where(r => !r.Landed || r.RowsRejected > 0 || r.Fallbacks.Contains("映射文件", StringComparison.Ordinal)).Select(r => r.ToText()), Is.Empty);
        Assert.That(receipts.Select(r => r.Platform).Distinct(), Is.EquivalentTo(new[] { "douyin", "jd", "pdd", "kuaishou", "lecuntao" }));
        Assert.That(receipts.Sum(r => r.LinesUpdated), Is.Positive, "the second export of each shop overlaps the first");
    }
}
