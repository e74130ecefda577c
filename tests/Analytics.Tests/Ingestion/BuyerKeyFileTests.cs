using System.Runtime.Versioning;
using Analytics.Ingestion.Normalising;

namespace Analytics.Tests.Ingestion;

/// <summary>
/// The buyer key turns phone numbers and account names into keys that cannot be reversed without it: its file is the
/// owner's alone, and once made it is the key for good.
/// </summary>
public sealed class BuyerKeyFileTests
{
    private string _folder = "";

    [SetUp]
    public void MakeAFolder()
    {
        Assume.That(Environment.GetEnvironmentVariable(BuyerKeys.EnvironmentVariable), Is.Null.Or.Empty,
            "with the key in the environment no key file is made");
        _folder = Directory.CreateTempSubdirectory("analytics-buyer-key-").FullName;
    }

    [TearDown]
    public void RemoveIt() => Directory.Delete(_folder, recursive: true);

    [Test]
    [Platform("Linux")]
    [SupportedOSPlatform("linux")]
    public void ANewKeyFileIsReadableAndWritableByItsOwnerOnly()
    {
        var keyFile = Path.Combine(_folder, "data", "buyer.key");

        BuyerKeys.Load(keyFile);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(File.GetUnixFileMode(keyFile), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(File.ReadAllText(keyFile), Does.Match("^[0-9A-F]{64}\n$"));
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(keyFile)!), Is.EqualTo(new[] { keyFile }), "no draft left beside it");
        }
    }

    [Test]
    public void TheKeyOnceMadeIsTheKeyOfEveryLaterStart()
    {
        var keyFile = Path.Combine(_folder, "buyer.key");

        var first = BuyerKeys.Load(keyFile).KeyFor("douyin", "138****0000");
        var again = BuyerKeys.Load(keyFile).KeyFor("douyin", "138****0000");

        Assert.That(again, Is.EqualTo(first));
    }

    [Test]
    public async Task ServicesStartingTogetherAgreeOnOneKey()
    {
        var keyFile = Path.Combine(_folder, "buyer.key");

        var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => BuyerKeys.Load(keyFile).KeyFor("jd", "buyer"))));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(keys.Distinct(), Has.Exactly(1).Items);
            Assert.That(Directory.GetFiles(_folder), Is.EqualTo(new[] { keyFile }), "no draft left beside it");
        }
    }
}
