using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Analytics.Api.Reports;

/// <summary>How a sheet is viewed and printed: header rows frozen, one A4 page wide.</summary>
internal static class XlsxPages
{
    /// <summary>About how many width units of columns fit across a portrait A4 page at 100%.</summary>
    public const int PortraitWidth = 90;

    // Printed, every sheet is scaled to one page wide and runs on over as many pages as it needs.
    public static SheetProperties FitsPageWidth() => new(new PageSetupProperties { FitToPage = true });

    public static PageMargins Margins() => new() { Left = 0.5, Right = 0.5, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 };

    public static PageSetup A4(bool landscape) => new()
    {
        PaperSize = 9U,
        Orientation = landscape ? OrientationValues.Landscape : OrientationValues.Portrait,
        FitToWidth = 1U,
        FitToHeight = 0U,
    };

    public static SheetView FrozenBelow(uint row)
    {
        var firstScrolling = XlsxCells.Reference(0, row + 1);
        return new SheetView(
            new Pane
            {
                VerticalSplit = row,
                TopLeftCell = firstScrolling,
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            },
            new Selection
            {
                Pane = PaneValues.BottomLeft,
                ActiveCell = firstScrolling,
                SequenceOfReferences = new ListValue<StringValue> { InnerText = firstScrolling },
            })
        { WorkbookViewId = 0 };
    }
}
