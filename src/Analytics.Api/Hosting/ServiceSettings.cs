using System.Globalization;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Hosting;

/// <summary>
/// Every setting of the service, read from configuration once (appsettings.json, environment variables such as
/// <c>Database__Path</c>, or <c>--Database:Path=…</c>) and checked before the service starts: a mistyped date or
/// interval stops the start with the key named, instead of failing on the first request.
/// Folders not given sit beside the database: <c>inbox/</c>, <c>reports/</c>, <c>archive/</c>.
/// </summary>
internal sealed record ServiceSettings
{
    public const string DefaultDatabasePath = "data/analytics.db";

    /// <summary>Database:Path, the SQLite file.</summary>
    public string DatabasePath { get; init; } = DefaultDatabasePath;

    /// <summary>Database:BuyerKeyFile (default <c>&lt;db&gt;.buyer-key</c>).</summary>
    public string? BuyerKeyFile { get; init; }

    /// <summary>Archive:Path.</summary>
    public string? ArchivePath { get; init; }

    /// <summary>Formats:Path, the bureau's folder of mapping files (<c>*.ini</c>) for platforms the program does not read by itself.</summary>
    public string? FormatsPath { get; init; }

    /// <summary>Inbox:Enabled, Inbox:Path.</summary>
    public bool InboxEnabled { get; init; } = true;

    public string InboxPath { get; init; } = "";

    /// <summary>Clock:Date, a Beijing date the clock stands on (the demo), or null for the real date.</summary>
    public DateOnly? PinnedDate { get; init; }

    /// <summary>Reports:Monthly, Reports:Path.</summary>
    public bool MonthlyReports { get; init; } = true;

    public string ReportsPath { get; init; } = "";

    /// <summary>Reports:County, the name in report titles and statements.</summary>
    public string County { get; init; } = "全县";

    /// <summary>Reports:FontPath, a Chinese TrueType font file (.ttf, or .ttc: its first face) for the PDF and the charts; null for the system's.</summary>
    public string? FontPath { get; init; }

    /// <summary>Screen:Title.</summary>
    public string ScreenTitle { get; init; } = "县域电子商务数据大屏";

    /// <summary>Freshness:UploadIntervalHours:&lt;platform&gt; and :default (48: daily uploads and a day's grace).</summary>
    public IReadOnlyDictionary<string, int> UploadIntervalHours { get; init; } = new Dictionary<string, int>();

    public int DefaultUploadIntervalHours { get; init; } = 48;

    /// <summary>Access:AnonymousDisplay: anyone who reaches the service sees the screen's figures (a trusted LAN); off by default.</summary>
    public bool AnonymousDisplay { get; init; }

    /// <summary>Uploads:MaxMegabytes, the largest export an upload may be (default 200).</summary>
    public int UploadMaxMegabytes { get; init; } = 200;

    /// <summary>Backup:Folder (default <c>backups/</c> beside the database).</summary>
    public string BackupFolder { get; init; } = "";

    /// <summary>Backup:DailyAt, the Beijing time of the daily backup ("02:30"); null (an empty value) turns it off.</summary>
    public TimeOnly? BackupDailyAt { get; init; } = DefaultBackupTime;

    public static readonly TimeOnly DefaultBackupTime = new(2, 30);

    /// <summary>Backup:Keep, how many of the newest backups the daily backup keeps.</summary>
    public int BackupKeep { get; init; } = 14;

    /// <summary>Logging:Requests: one log line per HTTP request.</summary>
    public bool LogRequests { get; init; }

    /// <summary>Logs:Folder (default <c>logs/</c> beside the database), Logs:MaxFileMB, Logs:KeepDays.</summary>
    public string LogsFolder { get; init; } = "";

    public int LogMaxFileMB { get; init; } = 10;

    public int LogKeepDays { get; init; } = 30;

    /// <summary>Alerts:…, the warning rules and their webhooks.</summary>
    public Alerts.AlertSettings Alerts { get; init; } = new();

    public int ExpectedUploadHours(string platform) => UploadIntervalHours.GetValueOrDefault(platform, DefaultUploadIntervalHours);

    /// <summary>Reads the settings; a value that is present but unreadable is listed in <paramref name="problems"/>.</summary>
    public static ServiceSettings From(IConfiguration configuration, List<string> problems)
    {
        var database = configuration["Database:Path"] is { Length: > 0 } path ? path : DefaultDatabasePath;
        string Beside(string folder) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(database))!, folder);

        bool Flag(string key, bool fallback)
        {
            if (configuration[key] is not { Length: > 0 } text)
                return fallback;
            if (bool.TryParse(text, out var value))
                return value;
            problems.Add($"{key} 应为 true 或 false，而不是“{text}”。 / {key} must be true or false, not '{text}'.");
            return fallback;
        }

        int? Hours(string key)
        {
            if (configuration[key] is not { Length: > 0 } text)
                return null;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var hours) && hours > 0)
                return hours;
            problems.Add($"{key} 应为正整数（小时），而不是“{text}”。 / {key} must be a positive number of hours, not '{text}'.");
            return null;
        }

        int? Megabytes(string key)
        {
            if (configuration[key] is not { Length: > 0 } text)
                return null;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var megabytes) && megabytes is > 0 and <= 4096)
                return megabytes;
            problems.Add($"{key} 应为 1–4096 之间的整数（MB），而不是“{text}”。 / {key} must be a number of megabytes from 1 to 4096, not '{text}'.");
            return null;
        }

        int Count(string key, int fallback)
        {
            if (configuration[key] is not { Length: > 0 } text)
                return fallback;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0)
                return count;
            problems.Add($"{key} 应为正整数，而不是“{text}”。 / {key} must be a positive whole number, not '{text}'.");
            return fallback;
        }

        // Absent: the default time; present but empty: no daily backup (the demo's choice).
        TimeOnly? backupAt = DefaultBackupTime;
        if (configuration["Backup:DailyAt"] is { } at)
        {
            if (at.Trim().Length == 0)
                backupAt = null;
            else if (TimeOnly.TryParseExact(at.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
                backupAt = time;
            else
                problems.Add($"Backup:DailyAt 应为北京时间 HH:mm（如 02:30），或留空以关闭每日备份，而不是“{at}”。 / Backup:DailyAt must be a Beijing time HH:mm, or empty for none, not '{at}'.");
        }

        DateOnly? pinned = null;
        if (configuration["Clock:Date"] is { Length: > 0 } date)
        {
            if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                pinned = day;
            else
                problems.Add($"Clock:Date 应为 yyyy-MM-dd 格式的日期，而不是“{date}”。 / Clock:Date must be a date yyyy-MM-dd, not '{date}'.");
        }

        var intervals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var platform in configuration.GetSection("Freshness:UploadIntervalHours").GetChildren())
        {
            if (platform.Key != "default" && Hours($"Freshness:UploadIntervalHours:{platform.Key}") is { } hours)
                intervals[platform.Key] = hours;
        }

        return new ServiceSettings
        {
            DatabasePath = database,
            BuyerKeyFile = configuration["Database:BuyerKeyFile"],
            ArchivePath = configuration["Archive:Path"],
            FormatsPath = configuration["Formats:Path"] is { Length: > 0 } formats ? formats : null,
            InboxEnabled = Flag("Inbox:Enabled", true),
            InboxPath = configuration["Inbox:Path"] is { Length: > 0 } inbox ? inbox : Beside("inbox"),
            PinnedDate = pinned,
            MonthlyReports = Flag("Reports:Monthly", true),
            ReportsPath = configuration["Reports:Path"] is { Length: > 0 } reports ? reports : Beside("reports"),
            County = configuration["Reports:County"] is { Length: > 0 } county ? county : "全县",
            FontPath = configuration["Reports:FontPath"] is { Length: > 0 } font ? font : null,
            ScreenTitle = configuration["Screen:Title"] is { Length: > 0 } title ? title : "县域电子商务数据大屏",
            UploadIntervalHours = intervals,
            DefaultUploadIntervalHours = Hours("Freshness:UploadIntervalHours:default") ?? 48,
            AnonymousDisplay = Flag("Access:AnonymousDisplay", false),
            UploadMaxMegabytes = Megabytes("Uploads:MaxMegabytes") ?? 200,
            BackupFolder = configuration["Backup:Folder"] is { Length: > 0 } backups ? backups : Beside("backups"),
            BackupDailyAt = backupAt,
            BackupKeep = Count("Backup:Keep", 14),
            LogRequests = Flag("Logging:Requests", false),
            LogsFolder = configuration["Logs:Folder"] is { Length: > 0 } logs ? logs : Beside("logs"),
            LogMaxFileMB = Count("Logs:MaxFileMB", 10),
            LogKeepDays = Count("Logs:KeepDays", 30),
            Alerts = Analytics.Api.Alerts.AlertSettings.From(configuration, problems),
        };
    }
}

internal static class ServiceSettingsHosting
{
    /// <summary>Reads the settings once, registers them, and has the host refuse to start while any is unreadable.</summary>
    public static ServiceSettings AddServiceSettings(this WebApplicationBuilder builder) => builder.AddServiceSettings(out _);

    /// <inheritdoc cref="AddServiceSettings(WebApplicationBuilder)"/>
    /// <param name="problems">The settings that cannot be read, for the start-up checks to refuse in one line.</param>
    public static ServiceSettings AddServiceSettings(this WebApplicationBuilder builder, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        problems = found;
        var settings = ServiceSettings.From(builder.Configuration, found);
        builder.Services.AddSingleton(settings);
        builder.Services.AddOptions<ServiceSettings>()
            .Configure(_ => { })
            .Validate(_ => found.Count == 0, string.Join("\n", found))
            .ValidateOnStart();
        return settings;
    }
}
