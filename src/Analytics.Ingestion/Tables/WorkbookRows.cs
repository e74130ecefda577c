using System.Globalization;
using ExcelDataReader;

namespace Analytics.Ingestion.Tables;

/// <summary>Reads every worksheet of an XLSX/XLS export (Kuaishou and large PDD exports split rows over many sheets).</summary>
internal static class WorkbookRows
{
    public static IEnumerable<RawRow> Read(string path)
    {
        using var stream = File.Open(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        IExcelDataReader reader;
        try
        {
            reader = ExcelReaderFactory.CreateReader(stream);
        }
        catch (Exception e) when (e is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or NotSupportedException)
        {
            throw new ExportRejectedException(
                $"工作簿无法打开（{e.Message}）。文件可能设置了密码，或已经损坏，请从商家后台重新导出。",
                $"The workbook cannot be opened ({e.Message}). Is it password-protected or damaged? Export it again from the seller back-end.");
        }
        using (reader)
        {
            do
            {
                var row = 0;
                while (reader.Read())
                {
                    row++;
                    var cells = new string?[reader.FieldCount];
                    for (var i = 0; i < cells.Length; i++)
                        cells[i] = CellText(reader.GetValue(i));
                    yield return new RawRow(row, cells, reader.Name);
                }
            } while (reader.NextResult());
        }
    }

    /// <summary>
    /// Numbers are written the way Excel would show them at full precision; a 19-digit id stored as a number
    /// therefore comes out as "6.937841205567283E+18", which the id check then rejects as damaged. A whole number below
    /// 2^53 is exact in a double, so a 16-digit id stored as a number (淘宝's older 订单编号 in an XLSX) keeps every digit.
    /// </summary>
    private static string? CellText(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double d when Math.Abs(d) < ExactWholeNumbers && d == Math.Floor(d) => ((long)d).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private const double ExactWholeNumbers = 9007199254740992; // 2^53
}
