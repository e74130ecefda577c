using System.Buffers;

namespace Analytics.Tools.Demo;

/// <summary>
/// Writes CSV rows the way a real CSV writer does: a cell with a comma, quote, CR, LF or TAB is quoted and its
/// quotes doubled. That is also what turns Douyin's TAB-prefixed ids into <c>"\t6937…"</c>.
/// </summary>
internal sealed class CsvRowWriter(TextWriter writer)
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n\t");

    /// <param name="verbatimCell">a cell written as it is, unquoted even when it holds quotes (千牛's <c>="3017…"</c> ids).</param>
    public void Write(IReadOnlyList<string> cells, int verbatimCell = -1)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            var cell = cells[i];
            if (i == verbatimCell || cell.AsSpan().IndexOfAny(NeedsQuotes) < 0)
            {
                writer.Write(cell);
                continue;
            }

            writer.Write('"');
            writer.Write(cell.Replace("\"", "\"\"", StringComparison.Ordinal));
            writer.Write('"');
        }

        writer.Write("\r\n");
    }
}
