using System.Globalization;

namespace Analytics.Tools.Demo;

/// <summary>
/// Money is integer fen inside the generator; only the writers turn it into yuan text. The reverse of the importer's
/// Money, which parses this text, and named apart from it so each type name means one thing.
/// </summary>
internal static class DemoMoney
{
    /// <summary>Two decimals, as Douyin and JD print amounts: <c>53.80</c>.</summary>
    public static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>PDD prints amounts without trailing zeros: <c>17.8</c>, <c>30</c>.</summary>
    public static string YuanTrimmed(long fen) => (fen / 100m).ToString("0.##", CultureInfo.InvariantCulture);
}
