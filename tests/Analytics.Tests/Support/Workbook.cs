using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Analytics.Tests.Support;

/// <summary>Writes XLSX bytes as a seller back-end or an operator's Excel does: text cells, and numbers where Excel made them numbers.</summary>
internal static class Workbook
{
    public static byte[] Create(params (string Name, string[] Header, object[][] Rows)[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook(new Sheets());
            uint id = 1;
            foreach (var (name, header, rows) in sheets)
            {
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
                var data = new SheetData(new[] { header.Cast<object>().ToArray() }.Concat(rows).Select(ToRow));
                worksheetPart.Worksheet = new Worksheet(data);
                workbookPart.Workbook.Sheets!.Append(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = id++, Name = name });
            }
        }
        return stream.ToArray();
    }

    private static Row ToRow(object[] cells) => new(cells.Select(value => value switch
    {
        double number => new Cell { DataType = CellValues.Number, CellValue = new CellValue(number.ToString("R", CultureInfo.InvariantCulture)) },
        _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value.ToString()!)) },
    }));
}
