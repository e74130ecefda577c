using System.Globalization;

namespace Analytics.Ingestion.Normalising;

/// <summary>Yuan amounts as exports write them (<c>¥1,299.90</c>, <c>76.00元</c>, <c>(12.00)</c>) to integer fen.</summary>
internal static class Money
{
    public static bool TryParseFen(string text, out long fen)
    {
        fen = 0;
        var span = text.AsSpan().Trim();
        var negative = false;
        if (span.Length >= 2 && span[0] == '(' && span[^1] == ')')
        {
            negative = true;
            span = span[1..^1];
        }
        span = span.TrimStart("¥￥ ").TrimEnd("元 ");
        Span<char> digits = stackalloc char[span.Length];
        var length = 0;
        foreach (var c in span)
        {
            if (c != ',')
                digits[length++] = c;
        }
        if (!decimal.TryParse(digits[..length], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var yuan))
            return false;
        var scaled = yuan * 100m;
        if (scaled != decimal.Truncate(scaled))
            return false; // fractions of a fen mean the cell is not a money amount
        fen = (long)scaled * (negative ? -1 : 1);
        return true;
    }

    public static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
