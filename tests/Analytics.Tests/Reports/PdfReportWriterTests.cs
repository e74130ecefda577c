using System.Globalization;
using Analytics.Api.Reports;
using Analytics.Tests.Support;

namespace Analytics.Tests.Reports;

/// <summary>
/// The PDF written by PDFsharp, read back as a person's tools read it: pdftotext for the words, pdfimages for the
/// pictures. A made-up report with a table long enough to cross a page break.
/// </summary>
public sealed class PdfReportWriterTests
{
    private const string Statement =
        "2022年，全县实现网络零售额3091万元，同比增长39.1%；订单量21.09万单，同比增长39.96%；支付买家11.93万人，" +
        "同比增长39.72%（支付买家数、客单价和复购率含估算，见“数据说明”）。分平台看，抖音实现网络零售额1391.55万元，" +
        "占全县的45.02%；拼多多“禾丰富硒小米 月子米 家庭装”（同比增长48.14%）领先。";

    private static readonly byte[] Pdf = Write();

    private static ReportFont Font()
    {
        var font = ReportFont.Find(null, out var why);
        Assert.That(font, Is.Not.Null, why);
        return font!;
    }

    private static byte[] Write()
    {
        var font = ReportFont.Find(null, out _);
        if (font is null)
            return [];
        var family = ChartFont.Family(font)!;
        var chartData = new ReportChartData(
            new ChartTrends(new ChartTrend("2022-01-01", "month", [.. Enumerable.Range(1, 12).Select(m => new ChartPoint($"2022-{m:00}-01", 100_000m * m))]),
                new ChartTrend("2021-01-01", "month", [])),
            new ChartRanking([new ChartItem("14", "山西", 5_000_000m, null), new ChartItem("61", "陕西", 1_000_000m, null)]));
        var charts = ReportCharts.Draw(chartData, "图1　各月网络零售额（万元）", "图2　省份", family);
        var rows = Enumerable.Range(1, 60).Select(i => (IReadOnlyList<ReportCell>)
            [new ReportCell(i.ToString(CultureInfo.InvariantCulture), i, CellFormat.Integer), $"第{i}号省份", new ReportCell($"{1000 - i}.00", 1000 - i, CellFormat.Decimal)]).ToList();
        var report = new ReportDocument
        {
            Title = "禾丰县网络零售运行情况（2022年）",
            Subtitle = "统计期：2022年1月1日至12月31日",
            FileStem = "2022",
            Sections =
            [
                new ReportSection { Heading = "一、总体情况", Paragraphs = [Statement] },
                new ReportSection { Heading = "二、月度走势", Chart = charts.Trend },
                new ReportSection { Heading = "三、销售区域分布", Chart = charts.Provinces, Table = new ReportTable("分省份", ["位次", "省份名称", "网络零售额（万元）"], rows) },
            ],
        };
        using var output = new MemoryStream();
        PdfReportWriter.Write(report, font, output);
        return output.ToArray();
    }

    [OneTimeSetUp]
    public void AFontIsInstalled() => Font();

    private static string WithoutSpaces(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Test]
    public void TheStatementComesBackFromPdftotextExactly()
    {
        var text = PdfText.Of(Pdf, 1);

        // Lines break where the layout put them (a break at a space drops the space), so compare the characters.
        Assert.That(WithoutSpaces(text), Does.Contain(WithoutSpaces(Statement)));
        Assert.That(text, Does.Contain("禾丰县网络零售运行情况（2022年）"));
    }

    [Test]
    public void NoPrintedLineStartsWithClosingPunctuationOrEndsWithOpening()
    {
        var lines = PdfText.Of(Pdf).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

        Assert.That(lines.Where(l => ChineseLineBreaker.Closing.Contains(l[0], StringComparison.Ordinal)), Is.Empty);
        Assert.That(lines.Where(l => ChineseLineBreaker.Opening.Contains(l[^1], StringComparison.Ordinal)), Is.Empty);
        Assert.That(lines.Count(l => Statement.Contains(l, StringComparison.Ordinal)), Is.GreaterThan(2), "the statement wraps over several lines");
    }

    [Test]
    public void ATableThatCrossesAPageBreakRepeatsItsHeaderOnTheNextPage()
    {
        var pages = PdfText.Of(Pdf).Split('\f').Where(p => p.Trim().Length > 0).ToList();
        string[] names = [.. Enumerable.Range(1, 60).Select(i => $"第{i}号省份\n")];
        var start = pages.FindIndex(p => p.Contains(names[0], StringComparison.Ordinal));
        var continued = pages.Skip(start + 1).Where(p => names.Any(n => p.Contains(n, StringComparison.Ordinal))).ToList();

        Assert.That(start, Is.GreaterThanOrEqualTo(0), "the table is printed");
        Assert.That(continued, Is.Not.Empty, "60 rows do not fit under the charts on one page");
        foreach (var page in continued)
        {
            var firstRow = names.Select(n => page.IndexOf(n, StringComparison.Ordinal)).Where(i => i >= 0).Min();
            Assert.That(page.IndexOf("省份名称", StringComparison.Ordinal), Is.InRange(0, firstRow), "the header above the first continued row");
            Assert.That(page, Does.Contain("网络零售额（万元）"));
        }
        // Every row once, across all pages.
        Assert.That(names.Select(n => pages.Sum(p => Occurrences(p, n))), Has.All.EqualTo(1));
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
            count++;
        return count;
    }

    [Test]
    public void EveryPageSaysItsNumberAndTheCount()
    {
        var all = PdfText.Of(Pdf);
        var count = all.Split('\f').Count(p => p.Trim().Length > 0);

        Assert.That(count, Is.GreaterThanOrEqualTo(2));
        for (var page = 1; page <= count; page++)
            Assert.That(WithoutSpaces(PdfText.Of(Pdf, page)), Does.Contain($"第{page}页/共{count}页"));
    }

    [Test]
    public void BothChartsAreEmbeddedAt300Dpi()
    {
        var images = PdfText.Images(Pdf);

        Assert.That(images, Has.Count.EqualTo(2));
        foreach (var image in images)
        {
            // page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
            var columns = image.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.That(int.Parse(columns[3], CultureInfo.InvariantCulture), Is.EqualTo(ReportCharts.WidthPixels));
            Assert.That(int.Parse(columns[12], CultureInfo.InvariantCulture), Is.InRange(299, 301), image);
        }
    }

    [Test]
    public void TheFontIsEmbeddedAndTheFileStaysSmall()
    {
        var text = System.Text.Encoding.Latin1.GetString(Pdf);

        Assert.That(text, Does.Contain("/FontFile2"), "a TrueType face embedded");
        Assert.That(Pdf.Length, Is.LessThan(1_000_000), "a subset of the face, not the whole 5 MB collection");
    }
}
