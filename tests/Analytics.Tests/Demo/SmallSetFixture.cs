using Analytics.Tools.Demo;

namespace Analytics.Tests.Demo;

/// <summary>Writes the small set (what sample-data holds) once per fixture into a temporary folder.</summary>
public abstract class SmallSetFixture
{
    protected string Root { get; private set; } = "";

    [OneTimeSetUp]
    public void WriteSmallSet()
    {
        Root = Path.Combine(Path.GetTempPath(), "demo-small-" + Guid.NewGuid().ToString("N"));
        DemoExports.Write(Root, seed: 1, DemoScope.Small, DemoLedger.SeedsDirectory());
    }

    [OneTimeTearDown]
    public void DeleteSmallSet() => Directory.Delete(Root, recursive: true);

    protected IEnumerable<string> Shops => Directory.GetDirectories(Root).Select(d => Path.GetFileName(d));

    /// <summary>A shop's exports in export order; a 千牛 export by its 订单报表, the 宝贝报表 beside it left out.</summary>
    protected string[] FilesOf(string shop) => Directory.GetFiles(Path.Combine(Root, shop))
        .Where(f => !Path.GetFileName(f).StartsWith("ExportOrderDetailList", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();

    protected ExportTable[] TablesOf(string shop) => FilesOf(shop).Select(ExportTable.Read).ToArray();

    protected IEnumerable<(ExportTable Table, string[] Row)> RowsOf(params string[] shops) =>
        shops.SelectMany(TablesOf).SelectMany(t => t.Rows.Select(r => (t, r)));
}
