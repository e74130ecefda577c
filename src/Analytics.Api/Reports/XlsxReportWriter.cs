using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Analytics.Api.Reports;

/// <summary>
/// Lays a <see cref="ReportDocument"/> out as an Excel workbook: the statement on one sheet, each table on its own sheet
/// with real numbers the reader can sum and chart, and the chart pictures together on a last sheet.
/// </summary>
internal static class XlsxReportWriter
{
    public const string StatementSheet = "报告";
    public const string ChartSheet = "图表";

    private const uint HeaderRow = 3;
    private const double StatementColumnWidth = 80;

    public static void Write(ReportDocument report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        // The package seeks back into the zip as it writes: callers pass a MemoryStream or a file, never a response body.
        WritePackage(report, output);
    }

    private static void WritePackage(ReportDocument report, Stream target)
    {
        using var document = SpreadsheetDocument.Create(target, SpreadsheetDocumentType.Workbook);
        document.PackageProperties.Title = report.Title;

        var workbook = document.AddWorkbookPart();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxStyles.Create();
        var sheets = new Sheets();
        var filters = new DefinedNames();
        var names = new XlsxSheetNames(StatementSheet, ChartSheet);

        AddSheet(workbook, sheets, StatementSheet).Worksheet = Statement(report);

        foreach (var section in report.Sections)
        {
            if (section.Table is not { } table)
                continue;
            var name = names.Claim(table.SheetName);
            var (worksheet, range) = TableSheet(section, table);
            // Excel keeps an autofilter's range in this hidden name too; without it some versions drop the filter buttons.
            filters.Append(new DefinedName(XlsxCells.Quote(name) + "!" + XlsxCells.Absolute(range))
            {
                Name = "_xlnm._FilterDatabase",
                LocalSheetId = (uint)sheets.ChildElements.Count,
                Hidden = true,
            });
            AddSheet(workbook, sheets, name).Worksheet = worksheet;
        }

        var charts = report.Sections.Select(s => s.Chart).OfType<ReportChart>().ToList();
        if (charts.Count > 0)
            XlsxCharts.Write(AddSheet(workbook, sheets, ChartSheet), charts);

        workbook.Workbook = filters.HasChildren ? new Workbook(sheets, filters) : new Workbook(sheets);
    }

    private static WorksheetPart AddSheet(WorkbookPart workbook, Sheets sheets, string name)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        sheets.Append(new Sheet
        {
            Name = name,
            SheetId = (uint)sheets.ChildElements.Count + 1,
            Id = workbook.GetIdOfPart(part),
        });
        return part;
    }

    private static Worksheet Statement(ReportDocument report)
    {
        var rows = new SheetData();
        uint row = 1;
        rows.Append(XlsxCells.Row(row++, XlsxCells.Text(0, 1, report.Title, XlsxStyles.Title)));
        rows.Append(XlsxCells.Row(row++, XlsxCells.Text(0, 2, report.Subtitle, XlsxStyles.Default)));

        // Sections made only of a table or a chart have nothing to say here; their own sheets carry them.
        foreach (var section in report.Sections.Where(s => s.Paragraphs.Count > 0))
        {
            row++;
            rows.Append(XlsxCells.Row(row, XlsxCells.Text(0, row, section.Heading, XlsxStyles.Heading)));
            row++;
            foreach (var paragraph in section.Paragraphs)
            {
                rows.Append(WrappedRow(row, paragraph));
                row++;
            }
            foreach (var note in section.Notes)
            {
                rows.Append(XlsxCells.Row(row, XlsxCells.Text(0, row, note, XlsxStyles.Note)));
                row++;
            }
        }

        // One wide wrapped column rather than merged cells: Excel fits a wrapped row's height only when it is not merged.
        return new Worksheet(
            XlsxPages.FitsPageWidth(),
            new Columns(new Column { Min = 1, Max = 1, Width = StatementColumnWidth, CustomWidth = true }),
            rows,
            XlsxPages.Margins(),
            XlsxPages.A4(landscape: false));
    }

    /// <summary>
    /// A paragraph's row, as tall as its wrapped lines: LibreOffice (and Excel, for a file it did not save) keep the
    /// default height otherwise and show one clipped line. 11-point CJK text fills about two width units per character.
    /// </summary>
    private static Row WrappedRow(uint index, string paragraph)
    {
        var lines = Math.Max(1, (int)Math.Ceiling(XlsxCells.DisplayWidth(paragraph) / (StatementColumnWidth - 2)));
        var row = XlsxCells.Row(index, XlsxCells.Text(0, index, paragraph, XlsxStyles.Wrapped));
        row.Height = lines * 16.0;
        row.CustomHeight = true;
        return row;
    }

    private static (Worksheet Sheet, string Range) TableSheet(ReportSection section, ReportTable table)
    {
        var columns = Math.Max(1, Math.Max(table.Columns.Count, table.Rows.Count == 0 ? 0 : table.Rows.Max(r => r.Count)));
        var widths = new int[columns];

        var rows = new SheetData(XlsxCells.Row(1, XlsxCells.Text(0, 1, section.Heading, XlsxStyles.Heading)));

        var header = new Row { RowIndex = HeaderRow };
        for (var i = 0; i < columns; i++)
        {
            var text = i < table.Columns.Count ? table.Columns[i] : "";
            header.Append(XlsxCells.Text(i, HeaderRow, text, XlsxStyles.Header));
            widths[i] = XlsxCells.DisplayWidth(text);
        }
        rows.Append(header);

        var rowIndex = HeaderRow;
        foreach (var source in table.Rows)
        {
            rowIndex++;
            var row = new Row { RowIndex = rowIndex };
            for (var i = 0; i < columns; i++)
            {
                var cell = i < source.Count ? source[i] : new ReportCell("");
                // NaN or infinity has no cell value Excel accepts, so such a figure keeps its printed text.
                row.Append(cell.Value is { } value && double.IsFinite(value)
                    ? XlsxCells.Number(i, rowIndex, value, XlsxStyles.ForNumber(cell.Format))
                    : XlsxCells.Text(i, rowIndex, cell.Text, XlsxStyles.TextCell));
                widths[i] = Math.Max(widths[i], XlsxCells.DisplayWidth(cell.Text));
            }
            rows.Append(row);
        }

        var noteRow = rowIndex + 1;
        foreach (var note in section.Notes)
        {
            noteRow++;
            rows.Append(XlsxCells.Row(noteRow, XlsxCells.Text(0, noteRow, note, XlsxStyles.Note)));
        }

        var range = XlsxCells.Reference(0, HeaderRow) + ":" + XlsxCells.Reference(columns - 1, rowIndex);
        var sheet = new Worksheet(
            XlsxPages.FitsPageWidth(),
            new SheetViews(XlsxPages.FrozenBelow(HeaderRow)),
            XlsxCells.Columns(widths),
            rows,
            new AutoFilter { Reference = range },
            XlsxPages.Margins(),
            // A table wider than a portrait page prints across a landscape one rather than spilling onto a second sheet.
            XlsxPages.A4(landscape: widths.Sum() > XlsxPages.PortraitWidth));
        return (sheet, range);
    }
}
