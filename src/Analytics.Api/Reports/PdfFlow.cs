using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Analytics.Api.Reports;

/// <summary>
/// The pages of a PDF report as they fill: A4 with the Word report's margins, a cursor going down the current page, a
/// new page when what comes next does not fit, and 第 N 页 / 共 M 页 at the foot of every page once all are known.
/// </summary>
internal sealed class PdfFlow(PdfDocument document, string family) : IDisposable
{
    public static readonly XUnit PageWidth = XUnit.FromMillimeter(210);
    public static readonly XUnit PageHeight = XUnit.FromMillimeter(297);
    public static readonly double Left = XUnit.FromMillimeter(22).Point;
    public static readonly double Top = XUnit.FromMillimeter(25).Point;
    public static readonly double Bottom = PageHeight.Point - XUnit.FromMillimeter(25).Point;
    public static readonly double TextWidth = PageWidth.Point - 2 * Left;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private readonly Dictionary<(double, bool), XFont> _fonts = [];
    private XGraphics? _graphics;

    /// <summary>How far down the current page the next thing goes, in points.</summary>
    public double Y { get; set; }

    public XGraphics Graphics => _graphics ?? NewPage();

    public XFont Font(double size, bool bold = false)
    {
        if (!_fonts.TryGetValue((size, bold), out var font))
            _fonts[(size, bold)] = font = new XFont(family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);
        return font;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> points still fit below the cursor; true when it did.</summary>
    public bool Ensure(double height)
    {
        if (_graphics is not null && Y + height <= Bottom)
            return false;
        NewPage();
        return true;
    }

    public XGraphics NewPage()
    {
        _graphics?.Dispose();
        var page = document.AddPage();
        page.Width = PageWidth;
        page.Height = PageHeight;
        _graphics = XGraphics.FromPdfPage(page);
        Y = Top;
        return _graphics;
    }

    /// <summary>Puts the page numbers on every page; call once, after the last content.</summary>
    public void NumberPages()
    {
        _graphics?.Dispose();
        _graphics = null;
        var font = Font(9);
        var count = document.PageCount;
        for (var i = 0; i < count; i++)
        {
            using var graphics = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            var text = $"第 {i + 1} 页 / 共 {count} 页";
            var width = graphics.MeasureString(text, font).Width;
            graphics.DrawString(text, font, XBrushes.Black, (PageWidth.Point - width) / 2,
                PageHeight.Point - XUnit.FromMillimeter(14).Point, XStringFormats.BaseLineLeft);
        }
    }

    public void Dispose() => _graphics?.Dispose();
}
