using System.Diagnostics;

namespace Analytics.Tests.Support;

/// <summary>A PDF's pages as images, made by poppler's pdftoppm (Debian package poppler-utils), to look at what prints.</summary>
internal static class PdfPages
{
    public static IReadOnlyList<PngImage> Render(byte[] pdf, int dpi)
    {
        var folder = Directory.CreateTempSubdirectory("analytics-pdf-").FullName;
        try
        {
            var input = Path.Combine(folder, "report.pdf");
            File.WriteAllBytes(input, pdf);
            using var process = Process.Start(new ProcessStartInfo("pdftoppm", ["-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-png", input, Path.Combine(folder, "page")])
            {
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException("pdftoppm did not start; install poppler-utils.");
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.That(process.ExitCode, Is.Zero, $"pdftoppm: {errors}");
            // page-1.png … page-N.png, zero-padded to the page count's width: ordinal order is page order.
            return Directory.GetFiles(folder, "page-*.png").Order(StringComparer.Ordinal).Select(f => PngImage.Decode(File.ReadAllBytes(f))).ToList();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>How many pixels are within <paramref name="tolerance"/> of a colour on every channel.</summary>
    public static int Count(PngImage image, (int R, int G, int B) colour, int tolerance)
    {
        var count = 0;
        for (var y = 0; y < image.Height; y++)
            for (var x = 0; x < image.Width; x++)
            {
                var (r, g, b) = image.Pixel(x, y);
                if (Math.Abs(r - colour.R) <= tolerance && Math.Abs(g - colour.G) <= tolerance && Math.Abs(b - colour.B) <= tolerance)
                    count++;
            }
        return count;
    }
}
