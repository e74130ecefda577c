using System.Text;

namespace Analytics.Ingestion.Normalising;

/// <summary>Header text as operators' files really spell it, folded to one form before matching.</summary>
internal static class HeaderText
{
    public static string Normalise(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
            return "";
        var text = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            switch (c)
            {
                case '\uFEFF' or '\u200B' or '\u200C' or '\u200D' or '\u3000' or '\t' or '\r' or '\n' or ' ' or '"' or '\'':
                    continue; // BOM, zero-width and full-width spaces, stray quotes and tabs never belong to a name
                case '（': text.Append('('); break;
                case '）': text.Append(')'); break;
                case '：': text.Append(':'); break;
                case '帐': text.Append('账'); break; // 下单帐号 and 下单账号 are the same column
                default: text.Append(char.ToLowerInvariant(c)); break;
            }
        }
        return text.ToString();
    }
}
