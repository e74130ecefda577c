using Analytics.Ingestion.Formats;
using Analytics.Ingestion.Formats.Mapping;
using Analytics.Tests.Support;

namespace Analytics.Tests.Ingestion;

/// <summary>Mapping files are read at start: a good one adds its platform, a bad one is refused with its file, line and reason.</summary>
public sealed class MappingFileTests
{
    /// <summary>The county mall's file with one line replaced (or, with an empty replacement, removed).</summary>
    private static string CountyMallWith(string line, string replacement) =>
        MappingFiles.CountyMall.Contains(line, StringComparison.Ordinal)
            ? MappingFiles.CountyMall.Replace(line, replacement, StringComparison.Ordinal)
            : throw new ArgumentException($"the county mall's file has no line '{line}'", nameof(line));

    private static int LineOf(string text, string fragment) =>
        text.Split('\n').Select((line, i) => (line, i)).First(l => l.line.Contains(fragment, StringComparison.Ordinal)).i + 1;

    [Test]
    public void TheShippedFilesAddXiaohongshuAndLecuntaoByTheirChineseNames()
    {
        var catalog = ExportCatalog.Load(MappingFiles.Shipped, bureauFolder: null);

        Assert.That(catalog.MappedPlatforms.Select(p => (p.Code, p.Name)), Is.EquivalentTo(new[] { ("lecuntao", "乐村淘"), ("xiaohongshu", "小红书") }));
        Assert.That(catalog.StatesRefundAmounts("lecuntao"), Is.True, "乐村淘's export has a 退款金额 column");
        Assert.That(catalog.StatesRefundAmounts("xiaohongshu"), Is.False);
        Assert.That(catalog.StatesRefundAmounts("kuaishou"), Is.False);
        Assert.That(catalog.StatesRefundAmounts("wechat"), Is.True);
    }

    [Test]
    public void AFileInNotepadsAnsiEncodingReadsAsWellAsUtf8()
    {
        using var folder = new TemporaryFolder();
        MappingFiles.Write(folder.Path, "hefeng_mall.ini", MappingFiles.CountyMall, ExportBytes.Gbk);

        var catalog = ExportCatalog.Load(MappingFiles.Shipped, folder.Path);

        Assert.That(catalog.MappedPlatforms.Single(p => p.Code == "hefeng_mall").Aliases, Is.EqualTo(new[] { "县商城", "禾丰优选商城" }));
    }

    [Test]
    public void TheBureausFileForAShippedPlatformReplacesTheShippedOne()
    {
        using var folder = new TemporaryFolder();
        var shipped = File.ReadAllText(Path.Combine(MappingFiles.Shipped, "lecuntao.ini"));
        var path = MappingFiles.Write(folder.Path, "我县乐村淘.ini", shipped.Replace("名称 = 乐村淘", "名称 = 乐村淘（县级馆）", StringComparison.Ordinal));

        var catalog = ExportCatalog.Load(MappingFiles.Shipped, folder.Path);

        Assert.That(catalog.MappedPlatforms.Single(p => p.Code == "lecuntao"), Has.Property("Name").EqualTo("乐村淘（县级馆）").And.Property("File").EqualTo(path));
    }

    public static IEnumerable<TestCaseData> BadFiles()
    {
        TestCaseData Case(string name, string text, string fragmentOnLine, string reason) =>
            new TestCaseData(text, LineOf(text, fragmentOnLine), reason).SetName(name);

        yield return Case("AnUnknownKeyIsNamedWithTheKeysThatExist", CountyMallWith("支付时间 = 付款时间", "付款时间 = 付款时间"),
            "付款时间 = 付款时间", "“[列]”节中没有“付款时间”这一项。可用的项：订单号、订单行号、支付时间");
        yield return Case("AMissingOrderIdIsReportedAtItsSection", CountyMallWith("订单号 = 商城订单号\n", ""), "[列]", "缺少“[列]”节中的“订单号”");
        yield return Case("ACodeWithCapitalsIsRefused", CountyMallWith("代码 = hefeng_mall", "代码 = HefengMall"), "代码 =", "只能用小写英文字母");
        yield return Case("ABuiltInPlatformsCodeIsRefused", CountyMallWith("代码 = hefeng_mall", "代码 = kuaishou"), "代码 =", "已由程序自带的“快手小店订单导出”使用");
        yield return Case("ASignatureOfOneColumnIsRefused", CountyMallWith("表头 = 商城订单号, 商品编码, 行实付金额", "表头 = 商城订单号"), "表头 =", "至少要写两个列名");
        yield return Case("ASignatureABuiltInReaderWouldClaimFirstIsRefused",
            CountyMallWith("表头 = 商城订单号, 商品编码, 行实付金额", "表头 = 订单号, 实付款, 成交数量, 商城订单号"), "表头 =",
            "包含了程序自带的“快手小店订单导出”的全部识别列");
        yield return Case("AnAmountScopeOtherThanPerRowOrPerOrderIsRefused", CountyMallWith("实付金额 = 行实付金额", "实付金额 = 行实付金额\n实付金额口径 = 每件"),
            "实付金额口径", "“实付金额口径”只能是“每行”");
        yield return Case("AStatusWithTwoMeaningsIsRefused", CountyMallWith("已退款 = 已退款", "已退款 = 已退款, 已签收"), "已退款 =", "状态“已签收”同时写在了“已付款”和“已退款”中");
        yield return Case("ALineThatIsNotKeyEqualsValueIsRefused", CountyMallWith("数量 = 数量", "数量：数量"), "数量：数量", "看不懂这一行：“数量：数量”");
        yield return Case("AnUnknownSectionIsRefused", CountyMallWith("[状态]", "[订单状态]"), "[订单状态]", "没有“[订单状态]”这一节");
        yield return Case("AKeyGivenTwiceIsRefused", CountyMallWith("数量 = 数量", "数量 = 数量\n数量 = 件数"), "数量 = 件数", "“数量”在“[列]”节中写了两次（另一次在第");
        yield return Case("AnOrderTimeWithoutPaidStatusesCouldCountUnpaidOrdersAndIsRefused",
            CountyMallWith("支付时间 = 付款时间", "下单时间 = 下单时间").Replace("已付款 = 已付款, 已发货, 已签收\n", "", StringComparison.Ordinal).Replace("已退款 = 已退款", "", StringComparison.Ordinal),
            "下单时间 =", "必须在“[状态]”中用“已付款”列出");
    }

    [TestCaseSource(nameof(BadFiles))]
    public void ABadMappingFileIsRefusedWithItsFileLineAndReason(string text, int line, string reason)
    {
        using var folder = new TemporaryFolder();
        var path = MappingFiles.Write(folder.Path, "hefeng_mall.ini", text);

        var refused = Assert.Throws<MappingFileException>(() => ExportCatalog.Load(MappingFiles.Shipped, folder.Path))!;

        Assert.That((refused.File, refused.Line), Is.EqualTo((path, line)));
        Assert.That(refused.Message, Does.StartWith($"映射文件 {path} 第{line}行：").And.Contain(reason));
        Assert.That(refused.MessageEn, Does.StartWith($"Mapping file {path} line {line}: "));
    }

    [Test]
    public void TwoFilesForOnePlatformInOneFolderAreRefusedNamingBoth()
    {
        using var folder = new TemporaryFolder();
        var first = MappingFiles.Write(folder.Path, "a.ini", MappingFiles.CountyMall);
        var second = MappingFiles.Write(folder.Path, "b.ini", MappingFiles.CountyMall.Replace("名称 = 禾丰优选", "名称 = 县商城", StringComparison.Ordinal));

        var refused = Assert.Throws<MappingFileException>(() => ExportCatalog.Load(MappingFiles.Shipped, folder.Path))!;

        Assert.That((refused.File, refused.Line), Is.EqualTo((second, LineOf(MappingFiles.CountyMall, "代码 ="))));
        Assert.That(refused.Reason, Does.Contain($"平台代码“hefeng_mall”已在 {first} 中使用"));
    }

    [Test]
    public void TwoPlatformsWhoseHeadersCannotBeToldApartAreRefused()
    {
        using var folder = new TemporaryFolder();
        MappingFiles.Write(folder.Path, "a.ini", MappingFiles.CountyMall);
        var other = MappingFiles.CountyMall.Replace("代码 = hefeng_mall", "代码 = other_mall", StringComparison.Ordinal)
            .Replace("表头 = 商城订单号, 商品编码, 行实付金额", "表头 = 商城订单号, 商品编码", StringComparison.Ordinal);
        var second = MappingFiles.Write(folder.Path, "b.ini", other);

        var refused = Assert.Throws<MappingFileException>(() => ExportCatalog.Load(MappingFiles.Shipped, folder.Path))!;

        Assert.That((refused.File, refused.Line), Is.EqualTo((second, LineOf(other, "表头 ="))));
        Assert.That(refused.Reason, Does.Contain("无法区分"));
    }

    [Test]
    public void AMappingFolderThatDoesNotExistIsRefused()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-mapping-folder-" + Guid.NewGuid().ToString("N"));

        var refused = Assert.Throws<MappingFileException>(() => ExportCatalog.Load(MappingFiles.Shipped, missing))!;

        Assert.That(refused.Message, Is.EqualTo($"{missing}：映射文件夹（Formats:Path）不存在，请检查路径。"));
    }
}
