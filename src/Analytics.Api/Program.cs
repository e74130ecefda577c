using System.Text.Encodings.Web;
using Analytics.Api.Cli;
using Analytics.Api.Health;
using Analytics.Api.Hosting;
using Analytics.Api.Imports;
using Analytics.Api.Metrics;
using Analytics.Api.Reports;
using Analytics.Api.Screen;

// CLI verbs (import, demo, sample, bench) run here; `serve` and `demo` go on to start the web host below.
var start = await CommandLine.RunAsync(args, Console.Out, Console.Error);
if (start.ExitCode is { } exitCode)
    return exitCode;

var builder = WebApplication.CreateBuilder(start.HostArgs);

// The SQLite store, shared by the API, the inbox worker and uploads; schema scripts run at start-up.
var settings = builder.AddServiceSettings();
builder.AddAnalyticsStore(settings);

// The drop-folder worker: operators copy exports to inbox/<shop>/<file>.
builder.AddInboxWorker(settings);

// The bureau's reports over HTTP, and last month's written to the reports folder on the 1st.
builder.AddReports(settings);

// Metrics answers are kept until the next import commits.
builder.Services.AddSingleton<AnswerCache>();
builder.Services.AddProblemDetails();
builder.Services.AddHealth();
// County staff read the JSON too: Chinese names and quotes as text, not \u escapes (the answers are JSON, never HTML).
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
builder.Services.AddOpenApi();

var app = builder.Build();

// Security headers on every response, errors included; the pages run only the service's own scripts.
app.UseResponseHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapOpenApi();
app.MapScreen();
app.MapHomePage();
app.MapHealth();
app.MapImports();
app.MapSummary();
app.MapRankings();
app.MapFreshness();
app.MapReports();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the HTTP tests' WebApplicationFactory.</summary>
public partial class Program;
