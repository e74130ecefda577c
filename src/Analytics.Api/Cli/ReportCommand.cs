using Analytics.Api.Hosting;
using Analytics.Api.Reports;
using Analytics.Store;

namespace Analytics.Api.Cli;

/// <summary>
/// `report (--month YYYY-MM | --quarter YYYYQn | --year YYYY | --ytd YYYY-MM) [--db PATH] [--format docx|xlsx|pdf|html] [--out FILE]`:
/// writes the bureau's report; exit 1 when there is nothing to report or a PDF needs the missing Chinese font.
/// </summary>
internal static class ReportCommand
{
    public static async Task<int> RunAsync(CommandOptions options, TextWriter output, TextWriter errors)
    {
        options.AllowOnly("month", "quarter", "year", "ytd", "db", "format", "out", "county", "font", "buyer-key-file");
        var period = Period(options);
        var format = Format(options);
        var storeOptions = ImportCommand.StoreOptionsFrom(options);
        if (!File.Exists(storeOptions.DatabasePath))
            throw new UsageException($"数据库 {storeOptions.DatabasePath} 不存在，请用 --db 路径 指定（演示数据库为 demo-data/analytics.db）。\nNo database at {storeOptions.DatabasePath}; name one with --db PATH (the demo's is demo-data/analytics.db).");

        var path = options.Value("out") ?? ReportRenderer.FileName(period, format);
        // Before the database is opened: a report that cannot be written is not worth a minute of rendering.
        StartChecks.WritableFolder(path, "用 --out 换一个位置");
        using var store = new AnalyticsStore(storeOptions, TimeProvider.System);
        var renderer = new ReportRenderer(store, TimeProvider.System,
            new ReportOptions(options.Value("county") ?? "全县", options.Value("font")));
        try
        {
            var bytes = await renderer.RenderAsync(period, format);
            await File.WriteAllBytesAsync(path, bytes);
            await output.WriteLineAsync($"Wrote {path} ({period.Name}, {format.Extension}, {bytes.Length / 1024 + 1} KB).");
            return 0;
        }
        catch (Exception e) when (e is ReportFontMissingException or NothingToReportException)
        {
            await errors.WriteLineAsync(e.Message);
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync($"Could not write {path}: {e.Message}");
            return 1;
        }
        catch (System.Data.Common.DbException e)
        {
            await errors.WriteLineAsync($"Could not read the database {storeOptions.DatabasePath}: {e.Message}");
            return 1;
        }
    }

    private static ReportPeriod Period(CommandOptions options)
    {
        (ReportKind Kind, string? Text)[] named =
            [(ReportKind.Monthly, options.Value("month")), (ReportKind.Quarterly, options.Value("quarter")), (ReportKind.Annual, options.Value("year")),
             (ReportKind.YearToDate, options.Value("ytd"))];
        var given = named.Where(g => g.Text is not null).ToList();
        if (given.Count != 1)
            throw new UsageException("report 需要且只需要 --month YYYY-MM、--quarter YYYYQn、--year YYYY、--ytd YYYY-MM（1月至该月）之一。\nreport needs exactly one of --month YYYY-MM, --quarter YYYYQn, --year YYYY or --ytd YYYY-MM (1 January to that month's end).");
        return ReportPeriod.Parse(given[0].Kind, given[0].Text!, out var error) ?? throw new UsageException(error!);
    }

    /// <summary>--format, else the extension of --out, else Word (the editable report a bureau works in).</summary>
    private static ReportFormat Format(CommandOptions options)
    {
        var named = options.Value("format");
        var format = named is null ? null : ReportFormat.Parse(named) ?? throw new UsageException($"--format 只能是 docx、xlsx、pdf 或 html，而不是“{named}”。\n--format must be docx, xlsx, pdf or html, not '{named}'.");
        var extension = Path.GetExtension(options.Value("out") ?? "");
        var byExtension = extension.Length > 1 ? ReportFormat.Parse(extension) : null;
        if (extension.Length > 1 && byExtension is null)
            throw new UsageException($"--out 的文件名须以 .docx、.xlsx、.pdf 或 .html 结尾，而不是“{extension}”。\n--out must end in .docx, .xlsx, .pdf or .html, not '{extension}'.");
        if (format is not null && byExtension is not null && format != byExtension)
            throw new UsageException($"--format {format.Extension} 与 --out {options.Value("out")} 不一致。\n--format {format.Extension} does not match --out {options.Value("out")}.");
        return format ?? byExtension ?? ReportFormat.Docx;
    }
}
