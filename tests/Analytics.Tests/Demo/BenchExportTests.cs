using Analytics.Tools.Demo;

namespace Analytics.Tests.Demo;

public sealed class BenchExportTests
{
    private string _path = "";

    [SetUp]
    public void ChoosePath() => _path = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.csv");

    [TearDown]
    public void DeleteFile() => File.Delete(_path);

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2_500)]
    public void WritesExactlyTheRequestedNumberOfLines(int lines)
    {
        BenchExport.WriteDouyin(_path, lines, seed: 7);

        var table = ExportTable.Read(_path);
        Assert.That(table.Rows, Has.Count.EqualTo(lines));
        Assert.That(string.Join(",", table.Header), Is.EqualTo(VerbatimHeaders.Douyin74));
    }

    [Test]
    public void IsADouyinExportWithBomAndTabWrappedIds()
    {
        BenchExport.WriteDouyin(_path, 1_000, seed: 7);

        var bytes = File.ReadAllBytes(_path);
        var table = ExportTable.Read(_path);
        Assert.That(ExportTable.HasUtf8Bom(bytes), Is.True);
        Assert.That(table.Rows.Select(r => table.Raw(r, "主订单编号")), Has.All.Match(@"^\t\d{19}$"));
        Assert.That(table.Rows.Select(r => table.Get(r, "主订单编号")).Distinct().Count(), Is.LessThan(1_000), "some orders have several lines");
    }

    [Test]
    public void SameSeedWritesTheSameBytes()
    {
        var other = _path + ".2.csv";
        try
        {
            BenchExport.WriteDouyin(_path, 3_000, seed: 7);
            BenchExport.WriteDouyin(other, 3_000, seed: 7);
            Assert.That(File.ReadAllBytes(other), Is.EqualTo(File.ReadAllBytes(_path)));
        }
        finally
        {
            File.Delete(other);
        }
    }
}
