using System.Globalization;

namespace Analytics.Api.Demo;

/// <summary>Money is integer fen inside the generator; only the writers turn it into yuan text.</summary>
internal static class Money
{
    /// <summary>Two decimals, as Douyin and JD print amounts: <c>53.80</c>.</summary>
    public static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>PDD prints amounts without trailing zeros: <c>17.8</c>, <c>30</c>.</summary>
    public static string YuanTrimmed(long fen) => (fen / 100m).ToString("0.##", CultureInfo.InvariantCulture);
}
