using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Analytics.Api.Reports;

/// <summary>Cells, references and column widths for the Excel report; columns are counted from 0, rows from 1 as Excel does.</summary>
internal static class XlsxCells
{
    private const int MinimumWidth = 8;
    private const int MaximumWidth = 60;

    public static Row Row(uint index, params Cell[] cells) => new(cells) { RowIndex = index };

    /// <summary>
    /// A string cell, never a formula. Inline strings keep each cell self-contained; Excel turns them into shared
    /// strings the first time it saves. Product, shop and enterprise names come from export files: one that begins like
    /// a formula (=HYPERLINK(…), +, -, @) is marked as typed text, so editing the cell cannot turn it into one.
    /// </summary>
    public static Cell Text(int column, uint row, string text, uint style) =>
        new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
        {
            CellReference = Reference(column, row),
            DataType = CellValues.InlineString,
            StyleIndex = BeginsLikeAFormula(text) ? XlsxStyles.AsTypedText(style) : style,
        };

    /// <summary>What Excel and LibreOffice take for the start of a formula when a cell is typed or a file imported.</summary>
    public static bool BeginsLikeAFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n';

    public static Cell Number(int column, uint row, double value, uint style) =>
        new(new CellValue(value.ToString(CultureInfo.InvariantCulture)))
        {
            CellReference = Reference(column, row),
            StyleIndex = style,
        };

    public static string Reference(int column, uint row) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>A1:D9 as $A$1:$D$9, the form defined names are written in.</summary>
    public static string Absolute(string range) =>
        string.Join(':', range.Split(':').Select(reference =>
        {
            var digits = reference.AsSpan().IndexOfAnyInRange('0', '9');
            return "$" + reference[..digits] + "$" + reference[digits..];
        }));

    /// <summary>A sheet name as formulas and defined names must write it: quoted, with its own quotes doubled.</summary>
    public static string Quote(string sheetName) => "'" + sheetName.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string ColumnName(int column)
    {
        var name = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
            name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    /// <summary>
    /// Roughly how many digit widths the text needs: Chinese characters are drawn about twice as wide as digits.
    /// </summary>
    public static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
            width += rune.Value >= 0x2E80 ? 2 : 1;
        return width;
    }

    /// <summary>Column widths from the widest content, with room for the filter button and bounds so no column vanishes or sprawls.</summary>
    public static Columns Columns(IReadOnlyList<int> contentWidths)
    {
        var columns = new Columns();
        for (var i = 0; i < contentWidths.Count; i++)
        {
            var width = Math.Clamp(contentWidths[i] + 4, MinimumWidth, MaximumWidth);
            columns.Append(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true });
        }
        return columns;
    }
}
