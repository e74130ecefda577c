using Analytics.Tools.Demo;

namespace Analytics.Tests.Demo;

public sealed class DemoDeterminismTests
{
    private readonly List<string> _folders = [];

    [TearDown]
    public void DeleteFolders()
    {
        foreach (var folder in _folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }

        _folders.Clear();
    }

    private string Write(int seed)
    {
        var folder = Path.Combine(Path.GetTempPath(), "demo-determinism-" + Guid.NewGuid().ToString("N"));
        _folders.Add(folder);
        DemoExports.Write(folder, seed, DemoScope.Small, DemoLedger.SeedsDirectory());
        return folder;
    }

    private static Dictionary<string, byte[]> Files(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);

    [Test]
    public void SameSeedWritesIdenticalFiles()
    {
        var first = Files(Write(seed: 1));
        var second = Files(Write(seed: 1));

        Assert.That(second.Keys, Is.EquivalentTo(first.Keys));
        Assert.That(first.Keys, Has.Some.EndsWith(".xlsx"), "workbooks too, whose zip entries carry timestamps");
        foreach (var (name, bytes) in first)
        {
            Assert.That(second[name], Is.EqualTo(bytes), name);
        }
    }

    [Test]
    public void AnotherSeedWritesOtherOrders()
    {
        var first = Files(Write(seed: 1));
        var other = Files(Write(seed: 2));

        var jd = first.Keys.First(k => k.EndsWith("jd_orders_2023-03-15.csv", StringComparison.Ordinal));
        Assert.That(other[jd], Is.Not.EqualTo(first[jd]));
    }

    [Test]
    public void SeedsFolderIsFoundWhenNotGiven()
    {
        var folder = Path.Combine(Path.GetTempPath(), "demo-determinism-" + Guid.NewGuid().ToString("N"));
        _folders.Add(folder);
        var summary = DemoExports.Write(folder, 1, DemoScope.Small, seedsDir: "");
        Assert.That(summary.Files, Is.EqualTo(24), "twelve shops, two exports each (a 天猫 export is its two files)");
    }

    /// <summary>
    /// Sample shops whose exports are written by hand, for platforms the generator does not write yet (see sample-data/README.md).
    /// </summary>
    private static readonly string[] HandWrittenSampleShops = ["禾丰富硒小米天猫旗舰店"];

    [Test]
    public void CommittedSampleDataIsWhatTheGeneratorWritesForSeedOne()
    {
        var committedFolder = CommittedSampleData();
        // A shop folder with a README.md of its own, or a platform the generator does not write yet, is written by hand.
        var handWritten = Directory.GetDirectories(committedFolder).Where(d => File.Exists(Path.Combine(d, "README.md")))
            .Select(d => Path.GetFileName(d) + Path.DirectorySeparatorChar).ToList();
        var committed = Files(committedFolder)
            .Where(f => f.Key != "README.md" && !handWritten.Any(h => f.Key.StartsWith(h, StringComparison.Ordinal))
                        && !HandWrittenSampleShops.Contains(Path.GetDirectoryName(f.Key)))
            .ToDictionary();
        var fresh = Files(Write(seed: 1));

        Assert.That(committed.Keys, Is.EquivalentTo(fresh.Keys), "regenerate with: sample --small --out sample-data");
        foreach (var (name, bytes) in fresh)
        {
            Assert.That(committed[name], Is.EqualTo(bytes), name);
        }
    }

    private static string CommittedSampleData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "sample-data", "README.md")))
            {
                return Path.Combine(dir.FullName, "sample-data");
            }
        }

        throw new DirectoryNotFoundException("sample-data/README.md not found above the test directory.");
    }
}
