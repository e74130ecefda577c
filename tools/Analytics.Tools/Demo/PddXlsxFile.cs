using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Analytics.Tools.Demo;

/// <summary>
/// Writes a PDD custom export saved as XLSX: one sheet 订单, every cell an inline string so ids and times stay
/// text exactly as shown.
/// </summary>
internal static class PddXlsxFile
{
    private const string SpreadsheetNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private const string WorkbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    public static string FileName(ExportFile file) => $"pdd_orders_{file.Label}.xlsx";

    /// <summary>Writes the orders as they stood at <paramref name="exportedAt"/>; returns the number of order rows.</summary>
    public static int Write(string path, ExportLayout layout, IEnumerable<DemoOrder> orders, DateTime exportedAt)
    {
        var columns = layout == ExportLayout.PddXlsxFullWidth ? PddColumns.CustomFullWidth : PddColumns.Custom;
        var cells = columns.Select(PddCells.For).ToArray();
        var references = columns.Select((_, i) => ColumnName(i)).ToArray();
        var rows = 0;
        using var package = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(package, SpreadsheetDocumentType.Workbook))
        {
            // Explicit relationship ids: the default ones are random and would make two runs differ.
            var workbook = document.AddNewPart<WorkbookPart>(WorkbookContentType, "rId1");
            var sheet = workbook.AddNewPart<WorksheetPart>("rId1");

            // The sheet is streamed as XML rather than built as an element tree: a year of orders is a lot of cells.
            using (var stream = sheet.GetStream(FileMode.Create, FileAccess.Write))
            using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
            {
                xml.WriteStartDocument(standalone: true);
                xml.WriteStartElement("worksheet", SpreadsheetNs);
                xml.WriteStartElement("sheetData", SpreadsheetNs);
                WriteRow(xml, 1, references, columns);
                var row = new string[columns.Count];
                foreach (var order in orders)
                {
                    var source = new PddRow(order, OrderStates.Pdd(order, exportedAt), Tabbed: false);
                    for (var i = 0; i < cells.Length; i++)
                    {
                        row[i] = cells[i](source);
                    }

                    rows++;
                    WriteRow(xml, rows + 1, references, row);
                }

                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteEndDocument();
            }

            workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = "rId1", SheetId = 1U, Name = "订单" }));
            workbook.Workbook.Save();
        }

        DeterministicZip.Copy(package, path, exportedAt);
        return rows;
    }

    private static void WriteRow(XmlWriter xml, int index, string[] references, IReadOnlyList<string> values)
    {
        var number = index.ToString(CultureInfo.InvariantCulture);
        xml.WriteStartElement("row", SpreadsheetNs);
        xml.WriteAttributeString("r", number);
        for (var i = 0; i < values.Count; i++)
        {
            xml.WriteStartElement("c", SpreadsheetNs);
            xml.WriteAttributeString("r", references[i] + number);
            xml.WriteAttributeString("t", "inlineStr");
            xml.WriteStartElement("is", SpreadsheetNs);
            xml.WriteElementString("t", SpreadsheetNs, values[i]);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static string ColumnName(int index) =>
        index < 26 ? new string((char)('A' + index), 1) : ColumnName((index / 26) - 1) + (char)('A' + (index % 26));
}
