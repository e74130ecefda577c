using System.Collections.Concurrent;
using System.Net.Http.Json;
using Analytics.Store;
using Analytics.Tests.Support;
using Microsoft.Playwright;

namespace Analytics.Tests.Accounts;

/// <summary>
/// In Chromium, as the people who use them: an operator signs in, previews a real export, confirms it, sees the
/// receipt and takes it back; a TV box opens the screen through its kiosk URL.
/// </summary>
[Category("Browser")]
[NonParallelizable]
public sealed class PeoplesPagesBrowserTests
{
    private const string Shop = "禾丰富硒小米旗舰店";
    private const string File1 = "1678243395_orders.csv";

    private string _folder = "";
    private string _database = "";
    private LiveApp _app = null!;
    private HeadlessChromium _chromium = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;
    private readonly ConcurrentQueue<string> _browserErrors = new();

    [SetUp]
    public async Task StartAFreshServiceAndBrowser()
    {
        _folder = Directory.CreateTempSubdirectory("analytics-pages-").FullName;
        _database = Path.Combine(_folder, "analytics.db");
        AccountSessions.AddUser(_database, "王芳", "correct horse 1", Roles.Operator, Shop);
        _app = LiveApp.Start(_database, new TestClock(new DateTimeOffset(2023, 3, 20, 10, 0, 0, TimeSpan.FromHours(8))));
        _chromium = await HeadlessChromium.LaunchAsync();
        _context = await _chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 }, Locale = "zh-CN" });
        _context.SetDefaultTimeout(15_000);
        _page = await _context.NewPageAsync();
        _page.Console += (_, message) =>
        {
            if (message.Type == "error")
                _browserErrors.Enqueue($"console error: {message.Text}");
        };
        _page.PageError += (_, error) => _browserErrors.Enqueue($"uncaught: {error}");
    }

    [TearDown]
    public async Task StopThem()
    {
        await _context.CloseAsync();
        await _chromium.DisposeAsync();
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Uploads the sample export over the API, as a script with a bureau key would, so the page has an import to show.</summary>
    private static async Task LandTheSampleAsync(HttpClient bureau)
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(SampleFiles.Bytes(Shop, File1)), "file", File1 },
            { new StringContent(Shop), "shop" },
        };
        using var landed = await bureau.PostAsync(new Uri("/api/imports", UriKind.Relative), form);
        Assert.That(landed.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Created));
    }

    [Test]
    public async Task AnOperatorPreviewsConfirmsAndWithdrawsAnExport()
    {
        await _page.GotoAsync(new Uri(_app.Address, "/upload").ToString());
        Assert.That(_page.Url, Does.Contain("/login"), "not signed in: the login page first");
        await _page.FillAsync("input[name=name]", "王芳");
        await _page.FillAsync("input[name=password]", "correct horse 1");
        await _page.ClickAsync("button[type=submit]");
        await _page.WaitForURLAsync("**/upload");

        await _page.SelectOptionAsync("#shop", Shop);
        await _page.SetInputFilesAsync("#files", SampleFiles.Path(Shop, File1));
        await _page.ClickAsync("#preview");
        var panel = _page.Locator("[data-staged]");
        await panel.WaitForAsync();
        var previewText = await panel.InnerTextAsync();
        Screenshots.Save(await _page.ScreenshotAsync(new() { FullPage = true }), "upload-preview", 1366, 900);
        Assert.That(previewText, Does.Contain(File1).And.Contain("抖音").And.Contain("2023-03").And.Contain("订单行 新增 / 更新 / 未变"));
        Assert.That(await _page.Locator("#imports tbody tr").CountAsync(), Is.Zero, "nothing has landed yet");

        await panel.Locator("button", new() { HasText = "确认导入" }).ClickAsync();
        await _page.Locator("#message.ok").WaitForAsync();
        Assert.That(await _page.Locator("#message").InnerTextAsync(), Does.Contain("已入库：导入 #1"));
        var row = _page.Locator("#imports tbody tr[data-import='1']");
        await row.WaitForAsync();
        Assert.That(await row.InnerTextAsync(), Does.Contain("已入库").And.Contain("用户 王芳"));

        _page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await row.Locator("button", new() { HasText = "撤回" }).ClickAsync();
        await _page.Locator("#imports tbody tr[data-import='1']", new() { HasText = "已撤回" }).WaitForAsync();
        Screenshots.Save(await _page.ScreenshotAsync(new() { FullPage = true }), "upload-withdrawn", 1366, 900);
        Assert.That(await _page.Locator("#message").InnerTextAsync(), Does.Contain("已撤回导入 #1"));
        Assert.That(_browserErrors, Is.Empty);
    }

    [Test]
    public async Task AnAdminSeesEveryImportAndMakesADisplayKeyWithItsKioskAddress()
    {
        AccountSessions.AddUser(_database, "管理员", "correct horse 9", Roles.Admin);
        using (var bureau = _app.CreateApiClient())
            await LandTheSampleAsync(bureau);

        await _page.GotoAsync(new Uri(_app.Address, "/login").ToString());
        await _page.FillAsync("input[name=name]", "管理员");
        await _page.FillAsync("input[name=password]", "correct horse 9");
        await _page.ClickAsync("button[type=submit]");
        await _page.WaitForURLAsync("**/admin");
        await _page.Locator("#imports tbody tr[data-import='1']").WaitForAsync();
        await _page.Locator("#users tbody tr", new() { HasText = "管理员" }).WaitForAsync();

        await _page.FillAsync("#key-form input[name=name]", "一楼大屏");
        await _page.ClickAsync("#key-form button[type=submit]");
        var newKey = _page.Locator("#new-key.ok");
        await newKey.WaitForAsync();
        await _page.Locator("#keys tbody tr", new() { HasText = "一楼大屏" }).WaitForAsync();
        Screenshots.Save(await _page.ScreenshotAsync(new() { FullPage = true }), "admin-page", 1366, 900);

        Assert.That(await newKey.InnerTextAsync(), Does.Contain("只显示这一次").And.Contain("/?key=cek_"));
        Assert.That(await _page.Locator("table", new() { HasText = "归属企业" }).InnerTextAsync(), Does.Contain(Shop));
        Assert.That(await _page.Locator("#audit").InnerTextAsync(), Does.Contain("生成密钥").And.Contain("登录"));
        Assert.That(_browserErrors, Is.Empty);
    }

    [Test]
    public async Task TheBureauPutsAProductInAnotherCategoryOnItsPage()
    {
        AccountSessions.AddUser(_database, "商务局", "correct horse 7", Roles.Bureau);
        using var bureau = _app.CreateApiClient();
        await LandTheSampleAsync(bureau);

        await _page.GotoAsync(new Uri(_app.Address, "/login").ToString());
        await _page.FillAsync("input[name=name]", "商务局");
        await _page.FillAsync("input[name=password]", "correct horse 7");
        await _page.ClickAsync("button[type=submit]");
        await _page.WaitForURLAsync("**/admin");
        var first = _page.Locator("#categories tbody tr").First;
        await first.WaitForAsync();
        var title = await first.Locator("td").Nth(2).InnerTextAsync();

        await first.Locator("select").SelectOptionAsync("调味品");
        await first.Locator("input[type=checkbox]").SetCheckedAsync(false);
        await first.Locator("button", new() { HasText = "保存" }).ClickAsync();
        await _page.Locator("#message.ok").WaitForAsync();
        var fixedRow = _page.Locator("#categories tbody tr", new() { HasText = "人工更正" });
        await fixedRow.WaitForAsync();
        Screenshots.Save(await _page.ScreenshotAsync(new() { FullPage = true }), "admin-categories", 1366, 900);

        Assert.That(await fixedRow.Locator("td").Nth(2).InnerTextAsync(), Is.EqualTo(title));
        var products = await bureau.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri("/api/categories/products?from=2022-03-21&to=2023-03-20", UriKind.Relative));
        var product = products.EnumerateArray().Single(p => p.GetProperty("source").GetString() == "fixed");
        Assert.That((product.GetProperty("title").GetString(), product.GetProperty("category").GetString(), product.GetProperty("farm").GetBoolean()),
            Is.EqualTo((title, "调味品", false)));
        Assert.That(_browserErrors, Is.Empty);
    }

    [Test]
    public async Task TheKioskUrlOpensTheScreenAndDropsTheKeyFromTheAddress()
    {
        var key = _app.CreateKey(Roles.Display);

        var response = await _page.GotoAsync(new Uri(_app.Address, $"/?period=month&key={key}").ToString());
        await _page.WaitForFunctionAsync("() => window.bigScreen && window.bigScreen.ready");
        await _page.EvaluateAsync("() => window.bigScreen.ready.then(() => true)");
        var reopened = await _page.GotoAsync(new Uri(_app.Address, "/?period=month").ToString());

        Assert.That(response?.Status, Is.EqualTo(200));
        Assert.That(_page.Url, Does.Not.Contain("key="));
        Assert.That(reopened?.Status, Is.EqualTo(200), "the cookie keeps the wall signed in");
        Assert.That(_browserErrors, Is.Empty);
    }
}
