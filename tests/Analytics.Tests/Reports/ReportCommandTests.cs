using Analytics.Api.Cli;
using Analytics.Tests.Support;

namespace Analytics.Tests.Reports;

/// <summary>`report` on the command line: the file it writes and the exit codes a script can rely on.</summary>
[Category("Demo")]
[NonParallelizable]
public sealed class ReportCommandTests
{
    private string _folder = "";

    [SetUp]
    public void MakeAFolder() => _folder = Directory.CreateTempSubdirectory("analytics-report-").FullName;

    [TearDown]
    public void RemoveIt() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var outcome = await CommandLine.RunAsync(args, output, errors);
        return (outcome.ExitCode ?? -1, output.ToString(), errors.ToString());
    }

    [Test]
    public async Task WritesTheReportInTheFormatItsFileNameAsksFor()
    {
        var path = Path.Combine(_folder, "一季度.html");

        var (code, output, errors) = await RunAsync("report", "--quarter", "2023Q1", "--db", await DemoData.PathAsync(), "--out", path, "--county", "禾丰县");

        Assert.That(code, Is.Zero, errors);
        Assert.That(output, Does.Contain(path));
        Assert.That(await File.ReadAllTextAsync(path), Does.Contain("禾丰县网络零售运行情况（2023年一季度）").And.Contain("全县实现网络零售额764万元，同比增长24.18%"));
    }

    [Test]
    public async Task WordIsTheDefaultAndTheFileIsNamedAfterThePeriod()
    {
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = _folder;
        try
        {
            var (code, _, errors) = await RunAsync("report", "--month", "2023-06", "--db", await DemoData.PathAsync(), "--font", "/nonexistent/font.ttf");

            Assert.That(code, Is.Zero, errors);
            Assert.That(File.Exists(Path.Combine(_folder, "report-2023-06.docx")), Is.True);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    [TestCase(new[] { "report", "--db", "x.db" }, "exactly one of")]
    [TestCase(new[] { "report", "--month", "2023-03", "--year", "2023" }, "exactly one of")]
    [TestCase(new[] { "report", "--month", "2023-3" }, "YYYY-MM")]
    [TestCase(new[] { "report", "--year", "2022", "--format", "pdf", "--out", "a.docx" }, "does not match")]
    [TestCase(new[] { "report", "--year", "2022", "--format", "odt" }, "docx, xlsx, pdf or html")]
    [TestCase(new[] { "report", "--year", "2022", "--out", "report.txt" }, "--out must end in .docx, .xlsx, .pdf or .html, not '.txt'")]
    [TestCase(new[] { "report", "--year", "2022", "--db", "no-such-analytics.db" }, "No database at no-such-analytics.db")]
    [TestCase(new[] { "report", "--year", "2022", "--db", "/nonexistent/analytics.db" }, "不存在（数据库 /nonexistent/analytics.db），请检查路径。")]
    public async Task UsageErrorsExitWithTwoAndSayWhatIsWrong(string[] args, string message)
    {
        var (code, _, errors) = await RunAsync(args);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(errors, Does.Contain(message));
    }

    [Test]
    public async Task APdfWithoutAFontExitsWithOneAndNamesThePackage()
    {
        var (code, _, errors) = await RunAsync("report", "--year", "2022", "--db", await DemoData.PathAsync(), "--format", "pdf",
            "--out", Path.Combine(_folder, "r.pdf"), "--font", "/nonexistent/font.ttf");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(errors, Does.Contain("apt-get install fonts-wqy-microhei"));
        Assert.That(File.Exists(Path.Combine(_folder, "r.pdf")), Is.False);
    }

    [Test]
    public async Task AFontFileThatIsNotTrueTypeLeavesTheChartsOutAndSaysWhy()
    {
        var path = Path.Combine(_folder, "r.html");

        var (code, _, errors) = await RunAsync("report", "--month", "2023-03", "--db", await DemoData.PathAsync(), "--out", path, "--font", "/bin/true");

        Assert.That(code, Is.Zero, errors);
        var html = await File.ReadAllTextAsync(path);
        Assert.That(html, Does.Contain("配置的字体 /bin/true 不能用（not a TrueType font）"));
        Assert.That(html, Does.Not.Contain("data:image/png"));
        Assert.That(html, Does.Contain("2023年3月，全县实现网络零售额"));
    }

    [Test]
    public async Task APdfIsWrittenWithNoBrowserOnThePath()
    {
        var path = Path.Combine(_folder, "r.pdf");
        var service = typeof(CommandLine).Assembly;
        // The service's own process, with a PATH on which no browser (nor anything else) can be found.
        var start = new System.Diagnostics.ProcessStartInfo(DotnetHost(), [service.Location, "report", "--quarter", "2023Q1", "--db", await DemoData.PathAsync(), "--out", path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PATH"] = "/nonexistent";
        using var process = System.Diagnostics.Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.That(process.ExitCode, Is.Zero, errors);
        Assert.That(PdfText.Of(await File.ReadAllBytesAsync(path)), Does.Contain("全县实现网络零售额764万元"));
        Assert.That(service.GetReferencedAssemblies().Select(a => a.Name), Has.None.StartsWith("Microsoft.Playwright"));
    }

    /// <summary>The dotnet executable running these tests (the SDK names it in DOTNET_HOST_PATH).</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";

    [Test]
    public async Task AnOutputThatCannotBeWrittenExitsWithOneAndSaysWhere()
    {
        var (code, _, errors) = await RunAsync("report", "--year", "2022", "--db", await DemoData.PathAsync(), "--out", _folder + "/", "--format", "html",
            "--font", "/nonexistent/font.ttf");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(errors, Does.StartWith($"Could not write {_folder}/"));
    }
}
