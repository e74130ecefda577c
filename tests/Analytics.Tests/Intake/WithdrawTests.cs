using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Api.Cli;
using Analytics.Ingestion.Importing;
using Analytics.Store;
using Analytics.Tests.Api;
using Analytics.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Intake;

/// <summary>
/// Withdrawing import X leaves every figure, ranking, rollup and buyer count equal to what importing every other
/// landed import in its original order gives — checked on every endpoint, for each link of a chain of three.
/// </summary>
public sealed class WithdrawTests
{
    public enum Chain { Douyin, Pdd }

    private static (IReadOnlyList<(string Name, byte[] Bytes)> Files, string Shop) ChainOf(Chain chain) => chain == Chain.Douyin
        ? (OverlappingExports.DouyinChain(), OverlappingExports.DouyinShop)
        : (OverlappingExports.PddChain(), OverlappingExports.PddShop);

    /// <summary>Imports the JD file and the chain's files, in that order, leaving out the links named.</summary>
    private static async Task<List<ImportReceipt>> ImportChain(TestStore store, Chain chain, params int[] leaveOut)
    {
        var (files, shop) = ChainOf(chain);
        var jd = OverlappingExports.JdExport();
        var receipts = new List<ImportReceipt> { await store.ImportAsync(jd.Name, jd.Bytes, OverlappingExports.JdShop) };
        for (var i = 0; i < files.Count; i++)
        {
            if (!leaveOut.Contains(i))
                receipts.Add(await store.ImportAsync(files[i].Name, files[i].Bytes, shop));
        }
        Assert.That(receipts.Where(r => !r.Landed || r.RowsRejected > 0).Select(r => r.ToText()), Is.Empty);
        return receipts;
    }

    [Test]
    public async Task WithdrawingAnyLinkOfAChainGivesWhatImportingTheOtherTwoGivesOnEveryEndpoint(
        [Values] Chain chain, [Values(0, 1, 2)] int link)
    {
        using var withdrawn = new TestStore();
        var receipts = await ImportChain(withdrawn, chain);
        using var others = new TestStore();
        await ImportChain(others, chain, leaveOut: link);

        var receipt = await withdrawn.Store.WithdrawAsync(receipts[link + 1].ImportId, "测试");

        Assert.That(receipt.Status, Is.EqualTo(ImportStatus.Withdrawn));
        var expected = await EndpointAnswers.OfAsync(others.Options.DatabasePath, OverlappingExports.From, OverlappingExports.To);
        var actual = await EndpointAnswers.OfAsync(withdrawn.Options.DatabasePath, OverlappingExports.From, OverlappingExports.To);
        Assert.That(actual, Is.EqualTo(expected), EndpointAnswers.Differences(expected, actual));
        var fromOrders = await EndpointAnswers.OfAsync(withdrawn.Options.DatabasePath, OverlappingExports.From, OverlappingExports.To, raw: true);
        Assert.That(fromOrders, Is.EqualTo(actual), "the rollups equal their definition over the orders: " + EndpointAnswers.Differences(fromOrders, actual));
        Assert.That(withdrawn.Orders(), Is.EqualTo(others.Orders()));
        Assert.That(withdrawn.Lines(), Is.EqualTo(others.Lines()));
    }

    [Test]
    public async Task AWithdrawalIsRecordedAndImportingTheFileAgainBringsEverythingBack()
    {
        using var store = new TestStore();
        var receipts = await ImportChain(store, Chain.Douyin);
        var before = await EndpointAnswers.OfAsync(store.Options.DatabasePath, OverlappingExports.From, OverlappingExports.To);
        var middle = receipts[2];

        var withdrawn = await store.Store.WithdrawAsync(middle.ImportId, "命令行 clerk");
        var (name, bytes) = OverlappingExports.DouyinChain()[1];
        var again = await store.ImportAsync(name, bytes, OverlappingExports.DouyinShop);

        Assert.That((withdrawn.Status, withdrawn.WithdrawnBy), Is.EqualTo((ImportStatus.Withdrawn, "命令行 clerk")));
        Assert.That(withdrawn.WithdrawnAt, Is.Not.Null.And.Not.Empty);
        Assert.That(withdrawn.ToText(), Does.Contain("已撤回").And.Contain("由 命令行 clerk 撤回"));
        Assert.That(again.Status, Is.EqualTo(ImportStatus.Landed), "a withdrawn file's bytes no longer count as landed before: " + again.ToText());
        var after = await EndpointAnswers.OfAsync(store.Options.DatabasePath, OverlappingExports.From, OverlappingExports.To);
        Assert.That(after, Is.EqualTo(before), EndpointAnswers.Differences(before, after));
        using var connection = store.Store.Open();
        Assert.That(StoreEvents.List(connection).Select(e => (e.Kind, e.Actor)), Does.Contain(("withdraw", "命令行 clerk")));
    }

    [Test]
    public async Task OnlyALandedImportCanBeWithdrawnAndARefusalChangesNothing()
    {
        using var store = new TestStore();
        var receipts = await ImportChain(store, Chain.Douyin);
        var rejected = await store.ImportAsync("bad.csv", "动账时间,动账金额\n2025-03-02,10.00\n"u8.ToArray());
        await store.Store.WithdrawAsync(receipts[1].ImportId, "测试");
        var before = store.Snapshot();

        var twice = Assert.ThrowsAsync<WithdrawRefusedException>(() => store.Store.WithdrawAsync(receipts[1].ImportId, "测试"));
        var ofRejected = Assert.ThrowsAsync<WithdrawRefusedException>(() => store.Store.WithdrawAsync(rejected.ImportId, "测试"));
        var unknown = Assert.ThrowsAsync<WithdrawRefusedException>(() => store.Store.WithdrawAsync(999, "测试"));

        Assert.That((twice!.Refusal, ofRejected!.Refusal, unknown!.Refusal), Is.EqualTo((WithdrawRefusal.NotLanded, WithdrawRefusal.NotLanded, WithdrawRefusal.NotFound)));
        Assert.That(twice.Message, Does.Contain("已于").And.Contain("撤回"));
        Assert.That(store.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task AWithdrawalThatCannotReplayAMissingArchivedFileIsRefusedWhole()
    {
        using var store = new TestStore();
        var receipts = await ImportChain(store, Chain.Douyin);
        File.Delete(store.Store.Archive.FullPath(receipts[1].ArchivedAs!));
        var before = store.Snapshot();

        var refused = Assert.ThrowsAsync<WithdrawRefusedException>(() => store.Store.WithdrawAsync(receipts[2].ImportId, "测试"));

        Assert.That(refused!.Refusal, Is.EqualTo(WithdrawRefusal.ArchiveIncomplete));
        Assert.That(refused.Message, Does.Contain($"#{receipts[1].ImportId} {receipts[1].FileName}").And.Contain("没有作任何更改"));
        Assert.That(store.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task DeleteOnAnImportWithdrawsItOverHttp()
    {
        using var app = new AnalyticsApp();
        using var client = app.CreateClient();
        var store = app.Services.GetRequiredService<AnalyticsStore>();
        var (name, bytes) = OverlappingExports.DouyinChain()[0];
        var path = Path.Combine(app.Folder, name);
        await File.WriteAllBytesAsync(path, bytes);
        var receipt = await store.ImportAsync(path, new ImportRequest("upload", OverlappingExports.DouyinShop));
        var summary = new Uri("/api/summary?from=2025-03-01&to=2025-03-31", UriKind.Relative);
        var ordersBefore = (await client.GetFromJsonAsync<JsonElement>(summary)).GetProperty("orders").GetInt64();

        var response = await client.DeleteAsync(new Uri($"/api/imports/{receipt.ImportId}", UriKind.Relative));
        var again = await client.DeleteAsync(new Uri($"/api/imports/{receipt.ImportId}", UriKind.Relative));
        var missing = await client.DeleteAsync(new Uri("/api/imports/999", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString(), Is.EqualTo("withdrawn"));
        Assert.That(ordersBefore, Is.EqualTo(3));
        Assert.That((await client.GetFromJsonAsync<JsonElement>(summary)).GetProperty("orders").GetInt64(), Is.Zero, "the answer cache follows the withdrawal");
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(again.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), Does.StartWith($"导入 #{receipt.ImportId} 已于"));
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task TheWithdrawCommandExitsZeroWhenDoneAndOneWhenRefused()
    {
        using var store = new TestStore();
        var receipts = await ImportChain(store, Chain.Douyin);
        string[] db = ["--db", store.Options.DatabasePath, "--buyer-key-file", store.Options.BuyerKeyFile!];
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var done = await CommandLine.RunAsync(["withdraw", receipts[1].ImportId.ToString(System.Globalization.CultureInfo.InvariantCulture), .. db], output, errors);
        var refused = await CommandLine.RunAsync(["withdraw", receipts[1].ImportId.ToString(System.Globalization.CultureInfo.InvariantCulture), .. db], output, errors);
        var usage = await CommandLine.RunAsync(["withdraw", "abc", .. db], output, errors);

        Assert.That((done.ExitCode, refused.ExitCode, usage.ExitCode), Is.EqualTo(((int?)0, (int?)1, (int?)2)));
        Assert.That(output.ToString(), Does.Contain("已撤回"));
        Assert.That(errors.ToString(), Does.Contain("无需撤回"));
    }
}
