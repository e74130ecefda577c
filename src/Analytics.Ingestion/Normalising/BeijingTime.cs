using System.Globalization;

namespace Analytics.Ingestion.Normalising;

/// <summary>
/// Every platform writes Beijing time, so times are kept as Beijing wall-clock text (<c>yyyy-MM-dd HH:mm:ss</c>)
/// without conversion; that text sorts and compares correctly in SQLite. The service's own "now" and "today" are
/// Beijing's too, read from a <see cref="TimeProvider"/> so that tests and the demo can set the clock.
/// </summary>
public static class BeijingTime
{
    public const string StoredFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>UTC+8 all year: China has no daylight saving.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset BeijingNow(this TimeProvider time) => time.GetUtcNow().ToOffset(Offset);

    public static DateOnly BeijingToday(this TimeProvider time) => DateOnly.FromDateTime(time.BeijingNow().DateTime);

    /// <summary>Now as stored text, <c>yyyy-MM-dd HH:mm:ss</c> Beijing time.</summary>
    public static string BeijingNowText(this TimeProvider time) => Format(time.BeijingNow().DateTime);

    /// <summary>The UTC instant of stored Beijing text.</summary>
    public static DateTime UtcOf(string stored) =>
        new DateTimeOffset(DateTime.ParseExact(stored, StoredFormat, CultureInfo.InvariantCulture), Offset).UtcDateTime;

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd H:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd H:mm", "yyyy-MM-dd",
        "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d", "yyyy-M-d H:mm:ss", "yyyy-M-d",
        "yyyy年M月d日 H:mm:ss", "yyyy年M月d日 H:mm", "yyyy年M月d日", "yyyy-MM-ddTHH:mm:ss", "yyyy.M.d H:mm:ss",
    ];

    internal static bool TryParse(string text, out DateTime time)
    {
        if (DateTime.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out time))
            return true;
        // An XLSX date cell that lost its format arrives as an Excel serial day number.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000)
        {
            time = DateTime.FromOADate(serial);
            time = new DateTime(time.Year, time.Month, time.Day, time.Hour, time.Minute, time.Second, DateTimeKind.Unspecified).AddSeconds(time.Millisecond >= 500 ? 1 : 0);
            return true;
        }
        return false;
    }

    public static string Format(DateTime time) => time.ToString(StoredFormat, CultureInfo.InvariantCulture);
}
