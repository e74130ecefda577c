using System.Text;

namespace Analytics.Api.Reports;

/// <summary>
/// Breaks text into lines of a width the way Chinese is set: a line may end after any Chinese character, Latin words
/// and numbers (2023, 1,234.56, +28.67%) break only at spaces, closing punctuation (，。、；：？！）》」” …) never begins
/// a line and opening punctuation (（《「“ …) never ends one. PDFsharp itself breaks only at spaces.
/// </summary>
internal static class ChineseLineBreaker
{
    /// <summary>Marks that belong to what comes before them: they never start a line.</summary>
    public const string Closing = "，。、；：？！）》」』”’】〕〉〗〙］｝…‥·％!),.:;?]}%";

    /// <summary>Marks that belong to what comes after them: they never end a line.</summary>
    public const string Opening = "（《「『“‘【〔〈〖〘［｛([{";

    /// <summary>
    /// The lines of <paramref name="text"/> at most <paramref name="width"/> wide as <paramref name="measure"/> measures
    /// them; the first line of each paragraph is <paramref name="firstIndent"/> narrower (a Chinese paragraph's two
    /// characters' indent).
    /// </summary>
    public static IReadOnlyList<string> Lines(string text, double width, Func<string, double> measure, double firstIndent = 0)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
            Break(paragraph, width, firstIndent, measure, lines);
        return lines;
    }

    private static void Break(string text, double fullWidth, double firstIndent, Func<string, double> measure, List<string> lines)
    {
        var width = fullWidth - firstIndent;
        var line = new StringBuilder();
        var lineWidth = 0.0;
        var pendingSpace = false;
        foreach (var unit in Units(text))
        {
            if (unit == " ")
            {
                pendingSpace = line.Length > 0;
                continue;
            }
            var space = pendingSpace ? measure(" ") : 0;
            var unitWidth = measure(unit);
            pendingSpace = false;
            if (line.Length > 0 && lineWidth + space + unitWidth > width)
            {
                lines.Add(line.ToString());
                line.Clear();
                lineWidth = 0;
                space = 0;
                width = fullWidth;
            }
            if (space > 0)
                line.Append(' ');
            if (line.Length == 0 && unitWidth > width)
            {
                // Longer than a whole line (a long product code): cut it by characters rather than overflow the margin.
                foreach (var piece in Pieces(unit, fullWidth, measure))
                {
                    if (line.Length > 0)
                        lines.Add(line.ToString());
                    line.Clear().Append(piece);
                }
                width = fullWidth;
                lineWidth = measure(line.ToString());
                continue;
            }
            line.Append(unit);
            lineWidth += space + unitWidth;
        }
        lines.Add(line.ToString());
    }

    /// <summary>
    /// What may not be split: one Chinese character, one Latin word, or a space; closing marks joined to the unit
    /// before them and opening marks to the unit after them.
    /// </summary>
    internal static IEnumerable<string> Units(string text)
    {
        var units = new List<StringBuilder>();
        var opening = new StringBuilder();
        var inWord = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var s = rune.ToString();
            if (Rune.IsWhiteSpace(rune))
            {
                if (opening.Length > 0)
                {
                    units.Add(new StringBuilder().Append(opening));
                    opening.Clear();
                }
                units.Add(new StringBuilder(" "));
                inWord = false;
                continue;
            }
            if (Closing.Contains(s, StringComparison.Ordinal) && units.Count > 0 && units[^1].ToString() != " " && opening.Length == 0)
            {
                units[^1].Append(s);
                // A word goes on after its comma only in Latin text ("1,234"); after Chinese marks a new unit starts.
                inWord = inWord && s.Length == 1 && s[0] < 0x2E80;
                continue;
            }
            if (Opening.Contains(s, StringComparison.Ordinal))
            {
                opening.Append(s);
                inWord = false;
                continue;
            }
            var wide = rune.Value >= 0x2E80;
            if (!wide && inWord && opening.Length == 0)
            {
                units[^1].Append(s);
                continue;
            }
            units.Add(new StringBuilder().Append(opening).Append(s));
            opening.Clear();
            inWord = !wide;
        }
        if (opening.Length > 0)
            units.Add(opening);
        return units.Select(u => u.ToString());
    }

    private static IEnumerable<string> Pieces(string unit, double width, Func<string, double> measure)
    {
        var piece = new StringBuilder();
        foreach (var rune in unit.EnumerateRunes())
        {
            var s = rune.ToString();
            if (piece.Length > 0 && measure(piece + s) > width)
            {
                yield return piece.ToString();
                piece.Clear();
            }
            piece.Append(s);
        }
        if (piece.Length > 0)
            yield return piece.ToString();
    }
}
