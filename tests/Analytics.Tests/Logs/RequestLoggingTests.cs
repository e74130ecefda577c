using Analytics.Tests.Api;

namespace Analytics.Tests.Logs;

/// <summary>
/// The log files beside the database hold warnings and the service's own events; a line per request only with
/// Logging:Requests, and then exactly one.
/// </summary>
public sealed class RequestLoggingTests
{
    private static async Task<string[]> LogLinesAfterFourRequests(AnalyticsApp app)
    {
        using (var client = app.CreateClient())
        {
            foreach (var path in new[] { "/health", "/health", "/api/clock", "/api/summary?from=2023-03-01&to=2023-03-31" })
                (await client.GetAsync(new Uri(path, UriKind.Relative))).Dispose();
        }
        // Each line is written as it comes, so the files are read while the service runs.
        var logs = Path.Combine(Path.GetDirectoryName(app.DatabasePath)!, "logs");
        Assert.That(Directory.Exists(logs), Is.True, "the service's start is in the log, beside the database");
        return Directory.GetFiles(logs, "analytics-*.log").SelectMany(ReadShared).ToArray();
    }

    private static string[] ReadShared(string path)
    {
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Test]
    public async Task WithTheDefaultSettingsRequestsWriteNoLine()
    {
        using var app = new AnalyticsApp();

        var lines = await LogLinesAfterFourRequests(app);

        Assert.That(lines, Has.None.Contains("/health").And.None.Contains("/api/"), string.Join('\n', lines));
        Assert.That(lines, Has.None.Contains("Microsoft.AspNetCore"), "ASP.NET Core's own lines start at Warning");
    }

    [Test]
    public async Task WithLoggingRequestsEachRequestWritesOneLine()
    {
        using var app = new AnalyticsApp { Settings = { ["Logging:Requests"] = "true" } };

        var lines = await LogLinesAfterFourRequests(app);

        var requests = lines.Where(l => l.Contains(" Analytics.Api.Requests: ", StringComparison.Ordinal)).ToList();
        Assert.That(requests, Has.Count.EqualTo(4), string.Join('\n', lines));
        Assert.That(requests[0], Does.Match(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} INFO  Analytics\.Api\.Requests: GET /health 200 \d+\.\d ms"));
        Assert.That(requests[3], Does.Contain("GET /api/summary ").And.Not.Contain("from="), "the path, never the query string");
        Assert.That(lines, Has.None.Contains("Microsoft.AspNetCore"), "one line per request, not ASP.NET Core's ten");
    }
}
