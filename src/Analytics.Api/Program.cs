using System.Text.Encodings.Web;
using Analytics.Api.Accounts;
using Analytics.Api.Alerts;
using Analytics.Api.Backups;
using Analytics.Api.Cli;
using Analytics.Api.Forecasts;
using Analytics.Api.Health;
using Analytics.Api.Hosting;
using Analytics.Api.Imports;
using Analytics.Api.Logs;
using Analytics.Api.Metrics;
using Analytics.Api.Pages;
using Analytics.Api.Reports;
using Analytics.Api.Screen;
using Analytics.Api.Shops;

// CLI verbs (import, demo, sample, bench) run here; `serve` and `demo` go on to start the web host below.
var start = await CommandLine.RunAsync(args, Console.Out, Console.Error);
if (start.ExitCode is { } exitCode)
    return exitCode;

var builder = WebApplication.CreateBuilder(start.HostArgs);

// Settings: defaults, appsettings.json beside the program, environment variables, the command line; read once.
builder.AddSettingSources();
var settings = builder.AddServiceSettings(out var settingProblems);

// Started by an operator, systemd or Windows: refused in one line (exit 2) before anything is created.
using var databaseLock = start.CheckBeforeStart ? ServiceStart.TryCheck(builder.Configuration, settings, settingProblems, start.CreateDatabaseFolder, Console.Error) : null;
if (start.CheckBeforeStart && databaseLock is null)
    return 2;

// Warnings and the service's own events, to the console (the journal) and the daily files in logs/.
builder.AddServiceLogging(settings);
builder.Services.AddWindowsService();
builder.Services.AddSystemd();

// The SQLite store, shared by the API, the inbox worker and uploads; schema scripts run at start-up.
builder.AddAnalyticsStore(settings);

// Who may do what: people sign in on /login, scripts and the wall display use API keys.
builder.AddAccounts(settings);

// Uploads from the operators' page and scripts, with a preview before anything lands.
builder.AddUploads(settings);

// The drop-folder worker: operators copy exports to inbox/<shop>/<file>.
builder.AddInboxWorker(settings);

// The bureau's reports over HTTP, and last month's written to the reports folder on the 1st.
builder.AddReports(settings);

// The daily backup of the database, the archive and the buyer key.
builder.AddDailyBackup(settings);

// Forecasts with bands, chosen per series by backtest.
builder.AddForecasts();

// Early warnings: rules judged after each import and hourly, pushed to 企业微信 / 钉钉 robots.
builder.AddAlerts(settings);

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
if (settings.LogRequests)
    app.UseRequestLog();
// A request the framework found malformed (a bad form, a body too large) is the client's 4xx, not a server error.
app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : 500 });
app.UseStatusCodePages();

// Page files and the screen's scripts hold no data: they are served before sign-in, so the login page can use them.
app.MapPageFiles();
app.MapScreenFiles();
app.UseAccounts();

app.MapOpenApi().RequireAuthorization(Access.Figures);
app.MapLogin();
app.MapScreen();
app.MapHomePage();
app.MapHealth();
app.MapImports();
app.MapSummary();
app.MapRankings();
app.MapCategories();
app.MapFreshness();
app.MapForecasts();
app.MapAlerts();
app.MapReports();
app.MapAccountsAdmin();
app.MapShops();
app.MapPeoplesPages();

return await ServiceStart.RunAsync(app, Console.Error);

/// <summary>The entry point, visible to the HTTP tests' WebApplicationFactory.</summary>
public partial class Program;
