using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Analytics.Tools.Demo;

/// <summary>
/// Writes an XLSX as the platforms' back-ends do: every cell an inline string, so ids and times stay text exactly as shown,
/// one or more sheets each starting with its header. Deterministic: fixed relationship ids and entry times.
/// </summary>
internal static class InlineStringWorkbook
{
    private const string SpreadsheetNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private const string WorkbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    /// <summary>A sheet: its name and its rows, the header first.</summary>
    public sealed record Sheet(string Name, IEnumerable<IReadOnlyList<string>> Rows);

    public static void Write(string path, DateTime stamp, IReadOnlyList<Sheet> sheets)
    {
        using var package = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(package, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            // Explicit relationship ids: the default ones are random and would make two runs differ.
            var workbook = document.AddNewPart<WorkbookPart>(WorkbookContentType, "rId1");
            var entries = new Sheets();
            for (var s = 0; s < sheets.Count; s++)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"rId{s + 1}");
                WriteSheet(workbook.AddNewPart<WorksheetPart>(id), sheets[s].Rows);
                entries.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = id, SheetId = (uint)(s + 1), Name = sheets[s].Name });
            }

            workbook.Workbook = new Workbook(entries);
            workbook.Workbook.Save();
        }

        DeterministicZip.Copy(package, path, stamp);
    }

    // The sheet is streamed as XML rather than built as an element tree: a year of orders is a lot of cells.
    private static void WriteSheet(WorksheetPart sheet, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var stream = sheet.GetStream(FileMode.Create, FileAccess.Write);
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(standalone: true);
        xml.WriteStartElement("worksheet", SpreadsheetNs);
        xml.WriteStartElement("sheetData", SpreadsheetNs);
        string[] references = [];
        var index = 0;
        foreach (var values in rows)
        {
            if (references.Length < values.Count)
            {
                references = Enumerable.Range(0, values.Count).Select(ColumnName).ToArray();
            }

            WriteRow(xml, ++index, references, values);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
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
