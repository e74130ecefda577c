using Analytics.Ingestion.Normalising;
using Analytics.Ingestion.Tables;

namespace Analytics.Ingestion.Formats;

/// <summary>
/// Typed, cleaned access to one row's cells. A cell that cannot be read records a <see cref="RowProblem"/>
/// naming the line and column, and the row is then rejected rather than stored half-read.
/// </summary>
internal sealed class RowCells(RawRow row, HeaderRow header)
{
    public RowProblem? Problem { get; private set; }

    public RawRow Row => row;

    public string? Text(int column) => column < 0 ? null : CellText.Clean(row[column]);

    /// <summary>An id cell: required, and never a float that Excel rounded (that damage cannot be undone, so the file is refused).</summary>
    public string? Id(int column, bool required = true)
    {
        var id = Text(column);
        if (id is null)
        {
            if (required)
                Fail(column, $"{header.NameAt(column)}为空，这个单元格必须填写", $"{header.NameAt(column)} is empty");
            return null;
        }
        if (CellText.LooksExcelDamaged(id))
        {
            throw new ExportRejectedException(
                $"{row.Where}，{HeaderRow.Letter(column)}列（{header.NameAt(column)}）是“{id}”：这个文件曾用Excel打开并保存过，Excel把长编号改成了近似值，原来的编号已无法恢复。" +
                "请从商家后台重新下载导出文件，不要用Excel打开，直接导入。",
                $"{header.NameAt(column)} on {row.WhereEn}, column {HeaderRow.Letter(column)} reads '{id}': the file was opened and saved in Excel, which rounded the long ids, and they cannot be recovered. " +
                "Download the export again from the seller back-end and import it without opening it in Excel.");
        }
        return id;
    }

    public long Fen(int column)
    {
        var text = Text(column);
        if (text is null)
            return 0;
        if (Money.TryParseFen(text, out var fen))
            return fen;
        Fail(column, $"“{text}”不是以元为单位的金额", $"'{text}' is not an amount in yuan");
        return 0;
    }

    public int Quantity(int column)
    {
        var text = Text(column);
        if (text is null)
            return 0;
        if (decimal.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var quantity) && quantity == decimal.Truncate(quantity) && quantity is >= 0 and < int.MaxValue)
            return (int)quantity;
        Fail(column, $"“{text}”不是整数数量", $"'{text}' is not a whole quantity");
        return 0;
    }

    /// <summary>A Beijing time as stored text, or null when the cell is empty.</summary>
    public string? Time(int column)
    {
        var text = Text(column);
        if (text is null)
            return null;
        if (BeijingTime.TryParse(text, out var time))
            return BeijingTime.Format(time);
        Fail(column, $"“{text}”不是日期和时间", $"'{text}' is not a date and time");
        return null;
    }

    /// <summary>Records the row's first problem: <paramref name="zh"/> for the operator, <paramref name="en"/> kept beside it.</summary>
    public void Fail(int column, string zh, string en) =>
        Problem ??= new RowProblem(row.Line, row.Sheet, column < 0 ? null : RowProblem.ColumnText(HeaderRow.Letter(column), header.NameAt(column)), zh, en);
}
