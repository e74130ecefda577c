using System.Buffers;

namespace Analytics.Api.Reports;

/// <summary>
/// Turns wanted sheet names into names Excel accepts: at most 31 characters, none of []:*?/\, no quote at either end,
/// and unique ignoring case. Excel refuses to open a workbook that breaks any of these rather than repairing it quietly.
/// </summary>
internal sealed class XlsxSheetNames
{
    public const int MaximumLength = 31;
    private const string Fallback = "表";

    private static readonly SearchValues<char> Forbidden = SearchValues.Create("[]:*?/\\");

    // History is taken by Excel itself for change tracking.
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase) { "History" };

    public XlsxSheetNames(params string[] reserved)
    {
        foreach (var name in reserved)
            _taken.Add(name);
    }

    public string Claim(string wanted)
    {
        var clean = Clean(wanted);
        var name = clean;
        for (var copy = 2; !_taken.Add(name); copy++)
        {
            var suffix = "(" + copy.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
            name = Truncate(clean, MaximumLength - suffix.Length) + suffix;
        }
        return name;
    }

    private static string Clean(string wanted)
    {
        var chars = wanted.Select(c => Forbidden.Contains(c) || char.IsControl(c) ? '_' : c).ToArray();
        var name = Truncate(new string(chars).Trim(), MaximumLength).Trim().Trim('\'').Trim();
        return name.Length == 0 ? Fallback : name;
    }

    // Cutting between the halves of a surrogate pair would leave text that is not valid XML.
    private static string Truncate(string text, int length)
    {
        if (text.Length <= length)
            return text;
        return char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];
    }
}
