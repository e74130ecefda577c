using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Analytics.Api.Reports;

/// <summary>Embeds chart PNGs in one Word document; the drawing ids it hands out must not repeat within the document.</summary>
internal sealed class DocxPictures(MainDocumentPart main)
{
    private uint _lastId;

    /// <summary>A run holding the picture at the text width, as tall as the chart's own proportions make it.</summary>
    public Run Inline(byte[] png, int widthPixels, int heightPixels, string description)
    {
        var image = main.AddImagePart(ImagePartType.Png);
        using (var data = new MemoryStream(png, writable: false))
            image.FeedData(data);

        var id = ++_lastId;
        var name = "图表 " + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (cx, cy) = ChartFrame.Size(widthPixels, heightPixels);

        var picture = new Pic.Picture(
            new Pic.NonVisualPictureProperties(
                new Pic.NonVisualDrawingProperties { Id = id, Name = name, Description = description },
                new Pic.NonVisualPictureDrawingProperties(new A.PictureLocks { NoChangeAspect = true })),
            new Pic.BlipFill(
                new A.Blip { Embed = main.GetIdOfPart(image) },
                new A.Stretch(new A.FillRectangle())),
            new Pic.ShapeProperties(
                new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }));

        var inline = new Wp.Inline(
            new Wp.Extent { Cx = cx, Cy = cy },
            new Wp.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new Wp.DocProperties { Id = id, Name = name, Description = description },
            new Wp.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(picture) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0,
            DistanceFromBottom = 0,
            DistanceFromLeft = 0,
            DistanceFromRight = 0,
        };
        return new Run(new Drawing(inline));
    }
}
