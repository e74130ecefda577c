using System.Globalization;
using System.Text.RegularExpressions;

namespace Analytics.Api.Reports;

internal enum ReportKind { Monthly, Quarterly, Annual, YearToDate }

/// <summary>
/// The month, quarter or year a report covers, or the year so far (1 January to a month's end), named as the bureau
/// names it (2023年3月, 2023年一季度, 2022年, 2023年1—5月).
/// </summary>
internal sealed partial record ReportPeriod(ReportKind Kind, DateOnly From, DateOnly To)
{
    private static readonly string[] QuarterNames = ["一", "二", "三", "四"];

    public int Year => From.Year;

    public string Name => Kind switch
    {
        ReportKind.Monthly => $"{Year}年{From.Month}月",
        ReportKind.Quarterly => $"{Year}年{QuarterNames[(From.Month - 1) / 3]}季度",
        ReportKind.YearToDate => $"{Year}年{YearToDateName}",
        _ => $"{Year}年",
    };

    /// <summary>The period as file names write it: 2023-03, 2023Q1, 2022, 2023-ytd-05.</summary>
    public string Stem => Kind switch
    {
        ReportKind.Monthly => From.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        ReportKind.YearToDate => string.Create(CultureInfo.InvariantCulture, $"{Year}-ytd-{To.Month:00}"),
        ReportKind.Quarterly => $"{Year}Q{(From.Month - 1) / 3 + 1}",
        _ => Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The path segment of the HTTP route: monthly, quarterly, annual.</summary>
    public string RouteKind => KindName(Kind);

    /// <summary>累计 runs from 1 January to the period's end; it says something new only when the period starts later.</summary>
    public bool HasSeparateYearToDate => Kind != ReportKind.YearToDate && From.Month > 1;

    /// <summary>1—3月: how the bureau names the months from January to the period's end.</summary>
    public string YearToDateName => To.Month == 1 ? "1月" : $"1—{To.Month}月";

    public static ReportPeriod Month(int year, int month) =>
        new(ReportKind.Monthly, new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(1).AddDays(-1));

    public static ReportPeriod Quarter(int year, int quarter) =>
        new(ReportKind.Quarterly, new DateOnly(year, quarter * 3 - 2, 1), new DateOnly(year, quarter * 3 - 2, 1).AddMonths(3).AddDays(-1));

    public static ReportPeriod Annual(int year) => new(ReportKind.Annual, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>1 January to the end of the given month: the "1—5月" a bureau reports before the year is over.</summary>
    public static ReportPeriod YearToDateOf(int year, int month) =>
        new(ReportKind.YearToDate, new DateOnly(year, 1, 1), new DateOnly(year, month, 1).AddMonths(1).AddDays(-1));

    /// <summary>The year so far through the last month that has ended before <paramref name="today"/>.</summary>
    public static ReportPeriod YearSoFarBefore(DateOnly today)
    {
        var lastEnded = new DateOnly(today.Year, today.Month, 1).AddDays(-1);
        return YearToDateOf(lastEnded.Year, lastEnded.Month);
    }

    public static string KindName(ReportKind kind) => kind switch
    {
        ReportKind.Monthly => "monthly",
        ReportKind.Quarterly => "quarterly",
        ReportKind.YearToDate => "ytd",
        _ => "annual",
    };

    public static ReportKind? ParseKind(string text) => text.ToLowerInvariant() switch
    {
        "monthly" or "month" => ReportKind.Monthly,
        "quarterly" or "quarter" => ReportKind.Quarterly,
        "annual" or "year" or "yearly" => ReportKind.Annual,
        "ytd" => ReportKind.YearToDate,
        _ => null,
    };

    /// <summary>Reads 2023-03 (a month, or the year to its end), 2023Q1 or 2022 for the given kind; the error says what was expected.</summary>
    public static ReportPeriod? Parse(ReportKind kind, string text, out string? error)
    {
        error = null;
        var match = kind switch
        {
            ReportKind.Monthly or ReportKind.YearToDate => MonthPattern().Match(text),
            ReportKind.Quarterly => QuarterPattern().Match(text),
            _ => YearPattern().Match(text),
        };
        var year = match.Success ? int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture) : 0;
        var part = match.Success && match.Groups["part"].Success ? int.Parse(match.Groups["part"].Value, CultureInfo.InvariantCulture) : 0;
        ReportPeriod? period = kind switch
        {
            _ when !match.Success || year is < 2000 or > 2099 => null,
            ReportKind.Monthly when part is >= 1 and <= 12 => Month(year, part),
            ReportKind.Quarterly when part is >= 1 and <= 4 => Quarter(year, part),
            ReportKind.Annual => Annual(year),
            ReportKind.YearToDate when part is >= 1 and <= 12 => YearToDateOf(year, part),
            _ => null,
        };
        if (period is null)
            error = kind switch
            {
                ReportKind.Monthly => $"A month is written YYYY-MM (e.g. 2023-03, years 2000–2099), not '{text}'.",
                ReportKind.YearToDate => $"The year so far is named by its last month, YYYY-MM (e.g. 2023-05 for 1—5月), not '{text}'.",
                ReportKind.Quarterly => $"A quarter is written YYYYQn (e.g. 2023Q1, years 2000–2099), not '{text}'.",
                _ => $"A year is written YYYY (e.g. 2022, years 2000–2099), not '{text}'.",
            };
        return period;
    }

    [GeneratedRegex(@"^(?<year>\d{4})-(?<part>\d{2})$")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"^(?<year>\d{4})[Qq](?<part>\d)$")]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^(?<year>\d{4})$")]
    private static partial Regex YearPattern();
}
