using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using A = DocumentFormat.OpenXml.Drawing;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace Analytics.Api.Reports;

/// <summary>The chart sheet: each chart's caption in a cell, its picture below it, one chart under the next.</summary>
internal static class XlsxCharts
{
    // Rows are fixed at 15 pt (20 px) so the rows a picture covers can be counted and the next caption placed below it.
    private const double RowHeightPoints = 15;
    private const long RowHeightEmu = 190_500;

    public static void Write(WorksheetPart part, IReadOnlyList<ReportChart> charts)
    {
        var rows = new SheetData();
        var anchors = new Xdr.WorksheetDrawing();
        DrawingsPart? drawings = null;
        uint row = 1;
        uint pictureId = 0;

        foreach (var chart in charts)
        {
            rows.Append(XlsxCells.Row(row, XlsxCells.Text(0, row, chart.Caption, XlsxStyles.Heading)));
            if (chart.Png is { } png)
            {
                drawings ??= part.AddNewPart<DrawingsPart>();
                var image = drawings.AddImagePart(ImagePartType.Png);
                using (var data = new MemoryStream(png, writable: false))
                    image.FeedData(data);

                var (cx, cy) = ChartFrame.Size(chart.WidthPixels, chart.HeightPixels);
                // Anchor markers count rows from 0, so row (1-based, the caption's) is the row just below the caption.
                anchors.Append(Anchor(++pictureId, drawings.GetIdOfPart(image), row, cx, cy, chart.Caption));
                row += 1 + (uint)Math.Ceiling(cy / (double)RowHeightEmu) + 1;
            }
            else
            {
                var reason = chart.Missing ?? "图表未能生成。";
                rows.Append(XlsxCells.Row(row + 1, XlsxCells.Text(0, row + 1, reason, XlsxStyles.Missing)));
                row += 3;
            }
        }

        var worksheet = new Worksheet(
            new SheetFormatProperties { DefaultRowHeight = RowHeightPoints, CustomHeight = true },
            rows);
        if (drawings is not null)
        {
            drawings.WorksheetDrawing = anchors;
            worksheet.Append(new Drawing { Id = part.GetIdOfPart(drawings) });
        }
        part.Worksheet = worksheet;
    }

    private static Xdr.OneCellAnchor Anchor(uint id, string imageId, uint zeroBasedRow, long cx, long cy, string caption)
    {
        var name = "图表 " + id.ToString(CultureInfo.InvariantCulture);
        return new Xdr.OneCellAnchor(
            new Xdr.FromMarker(
                new Xdr.ColumnId("0"),
                new Xdr.ColumnOffset("0"),
                new Xdr.RowId(zeroBasedRow.ToString(CultureInfo.InvariantCulture)),
                new Xdr.RowOffset("0")),
            new Xdr.Extent { Cx = cx, Cy = cy },
            new Xdr.Picture(
                new Xdr.NonVisualPictureProperties(
                    new Xdr.NonVisualDrawingProperties { Id = id, Name = name, Description = caption },
                    new Xdr.NonVisualPictureDrawingProperties(new A.PictureLocks { NoChangeAspect = true })),
                new Xdr.BlipFill(
                    new A.Blip { Embed = imageId },
                    new A.Stretch(new A.FillRectangle())),
                new Xdr.ShapeProperties(
                    new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                    new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })),
            new Xdr.ClientData());
    }
}
