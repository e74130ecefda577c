using System.Globalization;

namespace Analytics.Tools.Demo;

/// <summary>
/// All generated times are Beijing wall-clock times (UTC+8, no daylight saving), as the platforms write them. Named
/// apart from the importer's BeijingTime, which reads these texts back.
/// </summary>
internal static class DemoClock
{
    public static string Text(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The Unix timestamp Douyin puts in front of its export file names.</summary>
    public static long UnixSeconds(DateTime beijing) => (long)(beijing.AddHours(-8) - DateTime.UnixEpoch).TotalSeconds;

    public static DateTime At(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
}
