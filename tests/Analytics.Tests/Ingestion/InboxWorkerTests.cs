using System.Text;
using Analytics.Ingestion.Formats;
using Analytics.Api.Inbox;
using Analytics.Store;
using Analytics.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Analytics.Tests.Ingestion;

/// <summary>Operators copy exports to inbox/&lt;shop&gt;/&lt;file&gt;; each file is imported once and ends in done/ or failed/ with its receipt.</summary>
public sealed class InboxWorkerTests
{
    private const string Shop = "老醋坊抖音店";

    private static byte[] OneDouyinOrder() => new ExportBytes(DouyinExport.Current74, "-")
        .Row(("主订单编号", "\t6937841205567283410"), ("子订单编号", "\t6937841205567283410"), ("商品数量", "1"),
            ("订单应付金额", "20.00"), ("支付完成时间", "2025-03-02 20:15:40"), ("订单状态", "已发货"), ("省", "山西省"))
        .Utf8WithBom();

    private static InboxOptions Inbox(TestStore store) =>
        new() { InboxPath = Path.Combine(store.Folder, "inbox"), SettleTime = TimeSpan.Zero };

    private static InboxWorker Worker(AnalyticsStore store, InboxOptions options) =>
        new(store, options, TimeProvider.System, NullLogger<InboxWorker>.Instance);

    /// <summary>Drops a file as an operator would: <paramref name="shop"/> null puts it in the inbox root.</summary>
    private static string Drop(InboxOptions options, string? shop, string fileName, byte[] bytes)
    {
        var folder = shop is null ? options.InboxPath : Path.Combine(options.InboxPath, shop);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Test]
    public async Task AnExportDroppedIntoAShopFolderIsImportedUnderThatShopAndMovedToDoneWithItsReceipt()
    {
        using var store = new TestStore();
        var inbox = Inbox(store);
        var dropped = Drop(inbox, Shop, "x.csv", OneDouyinOrder());
        using var worker = Worker(store.Store, inbox);

        var receipts = await worker.ScanOnceAsync(CancellationToken.None);

        var receipt = receipts.Single();
        Assert.That((receipt.Landed, receipt.Source, receipt.Shop, receipt.LinesNew), Is.EqualTo((true, "inbox", Shop, 1)), receipt.ToText());
        Assert.That(store.Orders().Select(o => (o.Shop, o.OrderId)), Is.EqualTo(new[] { (Shop, "6937841205567283410") }));
        var done = Path.Combine(inbox.DonePath, Shop, "x.csv");
        Assert.That(File.Exists(dropped), Is.False, "the inbox is emptied");
        Assert.That(File.ReadAllBytes(done), Is.EqualTo(OneDouyinOrder()));
        Assert.That(File.ReadAllText(done + ".receipt.txt"), Does.Contain("x.csv：已导入").And.Contain("订单行 新增 1"));
        Assert.That(Directory.Exists(inbox.FailedPath), Is.False);
    }

    [Test]
    public async Task ABrokenFileGoesToFailedWithItsReasonAndTheOtherFilesOfTheScanStillLand()
    {
        using var store = new TestStore();
        var inbox = Inbox(store);
        // "bad" sorts before "good", so the good file is imported after the broken one.
        Drop(inbox, Shop, "bad.csv", Encoding.UTF8.GetBytes("动账时间,动账金额\n2025-03-02,10.00\n"));
        Drop(inbox, Shop, "good.csv", OneDouyinOrder());
        using var worker = Worker(store.Store, inbox);

        var receipts = await worker.ScanOnceAsync(CancellationToken.None);

        Assert.That(receipts.Select(r => (r.FileName, r.Landed)), Is.EqualTo(new[] { ("bad.csv", false), ("good.csv", true) }));
        var failed = Path.Combine(inbox.FailedPath, Shop, "bad.csv");
        Assert.That(File.Exists(failed), Is.True);
        Assert.That(File.ReadAllText(failed + ".receipt.txt"),
            Does.StartWith("bad.csv：被拒收").And.Contain("原因：前20行中没有找到可识别的订单导出表头"));
        Assert.That(File.Exists(Path.Combine(inbox.DonePath, Shop, "good.csv")), Is.True);
        Assert.That(File.Exists(Path.Combine(inbox.DonePath, Shop, "bad.csv")), Is.False);
        Assert.That(Directory.EnumerateFiles(inbox.InboxPath, "*", SearchOption.AllDirectories), Is.Empty);
        Assert.That(store.Orders(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ADamagedWorkbookGoesToFailedInsteadOfStayingInTheInbox()
    {
        using var store = new TestStore();
        var inbox = Inbox(store);
        var workbook = Workbook.Create(("订单", ["订单号", "订单状态"], [["250302-394857261038475", "已签收"]]));
        var dropped = Drop(inbox, Shop, "pdd.xlsx", workbook[..(workbook.Length / 2)]);
        using var worker = Worker(store.Store, inbox);

        var receipts = await worker.ScanOnceAsync(CancellationToken.None);

        Assert.That(receipts.Select(r => r.Landed), Is.EqualTo(new[] { false }), "a file that can never be read is not retried forever");
        Assert.That(File.Exists(dropped), Is.False);
        Assert.That(File.ReadAllText(Path.Combine(inbox.FailedPath, Shop, "pdd.xlsx.receipt.txt")), Does.Contain("被拒收").And.Contain("原因：工作簿无法打开"));
    }

    [Test]
    public async Task AfterARestartTheSameFileDroppedAgainChangesNothingAndGoesToDoneBesideTheFirstCopy()
    {
        using var store = new TestStore();
        var inbox = Inbox(store);
        Drop(inbox, Shop, "x.csv", OneDouyinOrder());
        long firstImportId;
        using (var worker = Worker(store.Store, inbox))
            firstImportId = (await worker.ScanOnceAsync(CancellationToken.None)).Single().ImportId;
        var firstReceipt = File.ReadAllText(Path.Combine(inbox.DonePath, Shop, "x.csv.receipt.txt"));
        var before = store.Snapshot();

        // A restart: a new store and worker over the same database and folders.
        using var restartedStore = new AnalyticsStore(store.Options, TimeProvider.System);
        using var restarted = Worker(restartedStore, inbox);
        var dropped = Drop(inbox, Shop, "x.csv", OneDouyinOrder());
        var receipts = await restarted.ScanOnceAsync(CancellationToken.None);

        var again = receipts.Single();
        Assert.That((again.Status, again.LinesNew, again.LinesUpdated, again.LinesUnchanged), Is.EqualTo(("duplicate", 0, 0, 0)), again.ToText());
        Assert.That(again.SameFileImportId, Is.EqualTo(firstImportId));
        Assert.That(store.Snapshot(), Is.EqualTo(before));
        Assert.That(File.Exists(dropped), Is.False);
        // done/ already holds an x.csv: the second copy takes the import id as a suffix and the first is left as it was.
        var second = Path.Combine(inbox.DonePath, Shop, $"x.{again.ImportId}.csv");
        Assert.That(File.ReadAllBytes(second), Is.EqualTo(OneDouyinOrder()));
        Assert.That(File.ReadAllText(second + ".receipt.txt"), Does.Contain("重复文件，未再导入").And.Contain($"与导入 #{firstImportId} 内容完全相同").And.Not.Contain("订单行"));
        Assert.That(File.ReadAllText(Path.Combine(inbox.DonePath, Shop, "x.csv.receipt.txt")), Is.EqualTo(firstReceipt));
    }

    [Test]
    public async Task AFileInTheInboxRootThatDoesNotNameItsShopFailsAskingForShop()
    {
        using var store = new TestStore();
        var inbox = Inbox(store);
        var dropped = Drop(inbox, shop: null, "orders.csv", OneDouyinOrder());
        using var worker = Worker(store.Store, inbox);

        var receipts = await worker.ScanOnceAsync(CancellationToken.None);

        Assert.That(receipts.Single().Landed, Is.False);
        Assert.That(File.Exists(dropped), Is.False);
        var failed = Path.Combine(inbox.FailedPath, "orders.csv");
        Assert.That(File.Exists(failed), Is.True);
        Assert.That(File.ReadAllText(failed + ".receipt.txt"), Does.Contain("被拒收").And.Contain("inbox/<店铺名>/"));
        Assert.That(store.Orders(), Is.Empty);
    }

    [Test]
    public async Task AFileStillBeingCopiedInWaitsForALaterScan()
    {
        using var store = new TestStore();
        var inbox = Inbox(store) with { SettleTime = TimeSpan.FromHours(1) };
        var copying = Drop(inbox, Shop, "x.csv", OneDouyinOrder());
        using var worker = Worker(store.Store, inbox);

        var receipts = await worker.ScanOnceAsync(CancellationToken.None);

        Assert.That(receipts, Is.Empty);
        Assert.That(File.Exists(copying), Is.True);
        Assert.That(store.Orders(), Is.Empty);
    }

    [Test]
    public async Task PartialDownloadsAndExcelLockFilesAreLeftAlone()
    {
        using var store = new TestStore();
        var inbox = Inbox(store);
        var partial = Drop(inbox, Shop, "y.csv.crdownload", OneDouyinOrder());
        var lockFile = Drop(inbox, Shop, "~$orders.xlsx", [1, 2, 3]);
        using var worker = Worker(store.Store, inbox);

        var receipts = await worker.ScanOnceAsync(CancellationToken.None);

        Assert.That(receipts, Is.Empty);
        Assert.That(File.Exists(partial) && File.Exists(lockFile), Is.True);
    }

    [Test]
    public async Task ATaobaoPairDroppedTogetherIsOneImportAndBothFilesGoToDoneWithTheReceipt()
    {
        using var store = new TestStore();
        var inbox = Inbox(store);
        Drop(inbox, "淘宝店", TaobaoFiles.ItemsName, TaobaoFiles.ItemsOfThreeOrders());
        Drop(inbox, "淘宝店", TaobaoFiles.OrdersName, TaobaoFiles.ThreeOrders());
        using var worker = Worker(store.Store, inbox);

        var receipts = await worker.ScanOnceAsync(CancellationToken.None);

        Assert.That(receipts.Select(r => (r.FileName, r.CompanionFileName, r.Landed)), Is.EqualTo(new[] { (TaobaoFiles.OrdersName, (string?)TaobaoFiles.ItemsName, true) }));
        foreach (var name in new[] { TaobaoFiles.OrdersName, TaobaoFiles.ItemsName })
        {
            var done = Path.Combine(inbox.DonePath, "淘宝店", name);
            Assert.That(File.Exists(done), Is.True, name);
            Assert.That(File.ReadAllText(done + ".receipt.txt"), Does.Contain($"{TaobaoFiles.OrdersName} + {TaobaoFiles.ItemsName}：已导入"));
        }
        Assert.That(store.Lines(), Has.Count.EqualTo(4));
    }

    [Test]
    public async Task AFolderWaitsWhileOneOfItsFilesIsStillBeingCopied()
    {
        using var store = new TestStore();
        var inbox = Inbox(store) with { SettleTime = TimeSpan.FromMinutes(10) };
        var items = Drop(inbox, "淘宝店", TaobaoFiles.ItemsName, TaobaoFiles.ItemsOfThreeOrders());
        File.SetLastWriteTimeUtc(items, DateTime.UtcNow.AddHours(-1));
        Drop(inbox, "淘宝店", TaobaoFiles.OrdersName, TaobaoFiles.ThreeOrders());
        using var worker = Worker(store.Store, inbox);

        var receipts = await worker.ScanOnceAsync(CancellationToken.None);

        Assert.That(receipts, Is.Empty, "the items file alone would be refused; it waits for its orders file");
        Assert.That(File.Exists(items), Is.True);
    }

    [Test]
    public async Task AZipInTheInboxIsOpenedAndGoesToFailedWhenSomethingInItWasRefused()
    {
        using var store = new TestStore();
        var inbox = Inbox(store);
        var zip = ZipBytes.Of(("x.csv", OneDouyinOrder()), ("里层.zip", ZipBytes.Of(("y.csv", OneDouyinOrder()))));
        var dropped = Drop(inbox, Shop, "导出.zip", zip);
        using var worker = Worker(store.Store, inbox);

        var receipts = await worker.ScanOnceAsync(CancellationToken.None);

        Assert.That(receipts.Select(r => (r.FileName, r.Status)), Is.EqualTo(new[] { ("x.csv", "landed"), ("里层.zip", "rejected") }));
        Assert.That(File.Exists(dropped), Is.False);
        var receiptText = File.ReadAllText(Path.Combine(inbox.FailedPath, Shop, "导出.zip.receipt.txt"));
        Assert.That(receiptText, Does.Contain("x.csv：已导入").And.Contain("里层.zip：被拒收").And.Contain("又套了一个压缩包"));
        Assert.That(store.Orders(), Has.Count.EqualTo(1));
    }
}

