using Analytics.Tests.Support;

// Every test makes its own database in its own folder, so fixtures run side by side; the ones that share the demo
// database or a browser say [NonParallelizable].
[assembly: Parallelizable(ParallelScope.Fixtures)]

namespace Analytics.Tests;

/// <summary>Once per test run, around every fixture in the assembly.</summary>
[SetUpFixture]
public sealed class TestRun
{
    [OneTimeTearDown]
    public void DeleteTheSharedDemoDatabase() => DemoData.DeleteIfBuilt();
}
