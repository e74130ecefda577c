using Analytics.Tests.Support;

namespace Analytics.Tests;

/// <summary>Once per test run, around every fixture in the assembly.</summary>
[SetUpFixture]
public sealed class TestRun
{
    [OneTimeTearDown]
    public void DeleteTheSharedDemoDatabase() => DemoData.DeleteIfBuilt();
}
