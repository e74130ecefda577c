using System.Diagnostics;

namespace Analytics.Tests.Support;

/// <summary>A PDF's text as poppler's pdftotext (Debian package poppler-utils) extracts it: what a search or a copy gets.</summary>
internal static class PdfText
{
    /// <summary>The text of one page (1-based), or of every page when <paramref name="page"/> is null.</summary>
    public static string Of(byte[] pdf, int? page = null) => Run(pdf, "pdftotext", page is { } p ? ["-enc", "UTF-8", "-f", Number(p), "-l", Number(p)] : ["-enc", "UTF-8"], "-");

    /// <summary>What pdfimages -list says of the embedded pictures (one line each, with their x-ppi and y-ppi).</summary>
    public static IReadOnlyList<string> Images(byte[] pdf) =>
        Run(pdf, "pdfimages", ["-list"], null).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();

    private static string Number(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Run(byte[] pdf, string tool, string[] options, string? output)
    {
        var folder = Directory.CreateTempSubdirectory("analytics-pdftext-").FullName;
        try
        {
            var input = Path.Combine(folder, "report.pdf");
            File.WriteAllBytes(input, pdf);
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var option in options)
                start.ArgumentList.Add(option);
            start.ArgumentList.Add(input);
            if (output is not null)
                start.ArgumentList.Add(output);
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start; install poppler-utils.");
            var text = process.StandardOutput.ReadToEnd();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.That(process.ExitCode, Is.Zero, $"{tool}: {errors}");
            return text;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
