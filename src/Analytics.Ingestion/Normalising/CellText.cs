namespace Analytics.Ingestion.Normalising;

/// <summary>Undoes what seller back-ends and Excel do to cell text so it survives a spreadsheet.</summary>
internal static class CellText
{
    /// <summary>
    /// Strips TAB and space padding, Excel's <c>="…"</c> formula wrapper and a leading <c>'</c> or backtick,
    /// and reads the platforms' empty placeholders (<c>-</c>, <c>--</c>, <c>—</c>, <c>/</c>) as empty.
    /// </summary>
    public static string? Clean(string? raw)
    {
        if (raw is null)
            return null;
        var text = raw.AsSpan().Trim(" \t\r\n\u3000\uFEFF");
        if (text.Length >= 3 && text[0] == '=' && text[1] == '"' && text[^1] == '"')
            text = text[2..^1].Trim(" \t");
        if (text.Length > 0 && (text[0] == '\'' || text[0] == '`'))
            text = text[1..].Trim(" \t");
        if (text.IsEmpty || text is "-" or "--" or "—" or "/" or "#NULL!")
            return null;
        return text.Length == raw.Length ? raw : text.ToString();
    }

    /// <summary>True where Excel turned a long id into a float (<c>6.93784E+18</c>) or appended <c>.0</c>: the digits are gone.</summary>
    public static bool LooksExcelDamaged(string id)
    {
        var e = id.IndexOfAny(['E', 'e']);
        if (e > 0 && e + 1 < id.Length && id[e + 1] == '+')
            return id[..e].All(c => char.IsAsciiDigit(c) || c == '.');
        return id.EndsWith(".0", StringComparison.Ordinal) && id[..^2].All(char.IsAsciiDigit) && id.Length > 2;
    }
}
