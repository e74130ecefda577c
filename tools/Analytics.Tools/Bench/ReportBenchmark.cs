using System.Diagnostics;
using System.Globalization;

namespace Analytics.Tools.Bench;

/// <summary>
/// What the benchmark asks of the service's reports, which this project may not reference: the service passes itself
/// in (as `bench forecast` is given the forecasting code).
/// </summary>
public interface IReportLab
{
    /// <summary>The annual report of <paramref name="year"/> in one format ("docx", "pdf"), as the service makes it: read, drawn and written.</summary>
    byte[] Annual(int year, string format);
}

/// <summary>
/// `bench report`: times the annual report in Word and PDF on a database (the demo's by default; the 10M-line one of
/// `bench api` for the speed goal: ≤ 1.5 s Word, ≤ 2 s PDF), after one warm-up each, and prints a README table.
/// </summary>
public static class ReportBenchmark
{
    private const int Runs = 5;
    private static readonly string[] Formats = ["docx", "pdf"];

    public static int Run(IReportLab lab, string database, int year, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(lab);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"Annual report {year} on {database}, {Runs} runs after a warm-up:");
        output.WriteLine();
        output.WriteLine("| format | median | slowest | size |");
        output.WriteLine("|---|---|---|---|");
        foreach (var format in Formats)
        {
            // The first run loads fonts, code and the database pages; a bureau's PC has done that after its first report.
            var size = lab.Annual(year, format).Length;
            var times = new List<double>();
            for (var i = 0; i < Runs; i++)
            {
                var clock = Stopwatch.StartNew();
                size = lab.Annual(year, format).Length;
                times.Add(clock.Elapsed.TotalSeconds);
            }
            times.Sort();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {format} | {times[times.Count / 2]:0.00} s | {times[^1]:0.00} s | {size / 1024.0:N0} KB |"));
        }
        return 0;
    }
}
