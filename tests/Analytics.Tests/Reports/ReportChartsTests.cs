using Analytics.Api.Reports;
using Analytics.Tests.Support;

namespace Analytics.Tests.Reports;

/// <summary>
/// The report's ScottPlot charts with Chinese labels: drawn at 300 dpi for a 16 cm picture, and the labels are real
/// glyphs. Tofu boxes would also leave ink, so the labels are drawn twice with different characters: real glyphs
/// differ, boxes would not.
/// </summary>
public sealed class ReportChartsTests
{
    private static readonly string[] Provinces = ["山西", "河北", "山东", "河南", "北京", "天津", "陕西", "内蒙古", "辽宁", "湖北"];
    private static readonly string[] OtherProvinces = ["江苏", "浙江", "广东", "福建", "上海", "重庆", "四川", "黑龙江", "吉林", "湖南"];

    private static string Family()
    {
        var family = ChartFont.Family(ReportFont.Find(null, out var why));
        Assert.That(family, Is.Not.Null, why);
        return family!;
    }

    private static ReportChartData Data(IReadOnlyList<string> names)
    {
        static ChartTrend Year(int year, int months, decimal scale) =>
            new($"{year}-01-01", "month", [.. Enumerable.Range(1, months).Select(m => new ChartPoint($"{year}-{m:00}-01", scale * (100_000 + 20_000 * m)))]);
        var items = names.Select((name, i) => new ChartItem($"p{i}", name, 1_000_000m - 80_000m * i, null)).ToList();
        return new ReportChartData(new ChartTrends(Year(2023, 12, 1.3m), Year(2022, 12, 1m)), new ChartRanking(items));
    }

    private static RenderedCharts Draw(IReadOnlyList<string> names) => ReportCharts.Draw(Data(names), "图1", "图2", Family());

    /// <summary>The SC face of Debian's Noto Sans CJK (fonts-noto-cjk, which .ci/run installs): the face issue #5213 shows worst.</summary>
    private static string Noto()
    {
        Assert.That(File.Exists(ChartFont.NotoCjkFile), Is.True, "install fonts-noto-cjk");
        return ChartFont.Family(null)!;
    }

    private static string Face(string face) => face == "noto" ? Noto() : Family();

    /// <summary>The rows (top, bottom) in a column range where pixels match a test, or null when none do.</summary>
    private static (int Top, int Bottom)? Rows(PngImage image, int left, int right, int top, int bottom, Func<(byte R, byte G, byte B), bool> match)
    {
        int? first = null, last = null;
        for (var y = top; y < bottom; y++)
            for (var x = left; x < right; x++)
                if (match(image.Pixel(x, y)))
                {
                    first ??= y;
                    last = y;
                    break;
                }
        return first is null ? null : (first.Value, last!.Value);
    }

    private static bool IsBlue((byte R, byte G, byte B) p) => Math.Abs(p.R - 31) < 20 && Math.Abs(p.G - 78) < 20 && Math.Abs(p.B - 121) < 20;

    private static bool IsBlack((byte R, byte G, byte B) p) => p.R < 90 && p.G < 90 && p.B < 90;

    [TestCase("pdf")]
    [TestCase("noto")]
    public void EachProvinceNameAndValueStandsLevelWithItsBar(string face)
    {
        var image = PngImage.Decode(ReportCharts.Draw(Data(Provinces), "图1", "图2", Face(face)).Provinces.Png!);
        // The top bar (the longest) crosses the picture's middle column: its first run of blue rows there.
        var column = image.Width / 2;
        var barTop = Enumerable.Range(0, image.Height).First(y => IsBlue(image.Pixel(column, y)));
        var barBottom = Enumerable.Range(barTop, image.Height - barTop).First(y => !IsBlue(image.Pixel(column, y))) - 1;
        var bar = (Top: barTop, Bottom: barBottom);
        var row = (barTop + barBottom) / 2;
        var start = Enumerable.Range(0, image.Width).First(x => IsBlue(image.Pixel(x, row)));
        var end = Enumerable.Range(start, image.Width - start).First(x => !IsBlue(image.Pixel(x, row)));
        var reach = bar.Bottom + (bar.Bottom - bar.Top) / 3;
        var name = Rows(image, 0, start - 6, 0, reach, IsBlack);
        var value = Rows(image, end + 4, Math.Min(image.Width, end + 250), 0, reach, IsBlack);

        var middle = (bar.Top + bar.Bottom) / 2.0;
        var tolerance = (bar.Bottom - bar.Top) * 0.2;
        Assert.That(name, Is.Not.Null, "the name is drawn");
        Assert.That(value, Is.Not.Null, "the value is drawn");
        TestContext.Out.WriteLine($"bar {bar}, name {name}, value {value}");
        Assert.That((name!.Value.Top + name.Value.Bottom) / 2.0, Is.EqualTo(middle).Within(tolerance), "the name beside its bar");
        Assert.That((value!.Value.Top + value.Value.Bottom) / 2.0, Is.EqualTo(middle).Within(tolerance), "the value beside its bar's end");
    }

    [TestCase("pdf")]
    [TestCase("noto")]
    public void TheLegendsTextStandsLevelWithItsLine(string face)
    {
        var image = PngImage.Decode(ReportCharts.Draw(Data(Provinces), "图1", "图2", Face(face)).Trend.Png!);
        // The legend sits at the top left: this year's blue line sample, then its label 2023年 in black.
        var (left, right, bottom) = (image.Width / 20, image.Width / 2, image.Height / 4);
        var sample = Enumerable.Range(left, right - left).First(x => Rows(image, x, x + 1, 0, bottom, IsBlue) is not null);
        var line = Rows(image, sample, sample + 20, 0, bottom, IsBlue)!.Value;
        var text = Rows(image, sample + 60, sample + 200, 0, bottom, IsBlack);

        Assert.That(text, Is.Not.Null, "the label is drawn");
        Assert.That((text!.Value.Top + text.Value.Bottom) / 2.0, Is.EqualTo((line.Top + line.Bottom) / 2.0).Within(12), "label and line on one level");
        Assert.That(text.Value.Bottom - text.Value.Top, Is.GreaterThan(30), "the whole label, not a sliver left by clipping");
    }

    /// <summary>Dark pixels (text, rules) in a part of the picture given as fractions of its width and height.</summary>
    private static int Ink(PngImage image, double left, double top, double right, double bottom)
    {
        var ink = 0;
        for (var y = (int)(top * image.Height); y < (int)(bottom * image.Height); y++)
            for (var x = (int)(left * image.Width); x < (int)(right * image.Width); x++)
            {
                var (r, g, b) = image.Pixel(x, y);
                if (r < 100 && g < 100 && b < 100)
                    ink++;
            }
        return ink;
    }

    private static int Differing(PngImage a, PngImage b, double left, double right)
    {
        var differing = 0;
        for (var y = 0; y < a.Height; y++)
            for (var x = (int)(left * a.Width); x < (int)(right * a.Width); x++)
                if (a.Pixel(x, y) != b.Pixel(x, y))
                    differing++;
        return differing;
    }

    [Test]
    public void BothChartsAre16CentimetresAt300Dpi()
    {
        var charts = Draw(Provinces);

        foreach (var chart in new[] { charts.Trend, charts.Provinces })
        {
            var image = PngImage.Decode(chart.Png!);
            Assert.That((image.Width, image.Height), Is.EqualTo((chart.WidthPixels, chart.HeightPixels)));
            Assert.That(image.Width, Is.EqualTo(1890), "16 cm at 300 dpi");
            Assert.That(image.Height, Is.InRange(500, 1400));
        }
    }

    [Test]
    public void ProvinceNamesAreDrawnAsGlyphsNotBoxes()
    {
        var named = PngImage.Decode(Draw(Provinces).Provinces.Png!);
        var renamed = PngImage.Decode(Draw(OtherProvinces).Provinces.Png!);
        var blank = PngImage.Decode(Draw([.. Provinces.Select(_ => "")]).Provinces.Png!);

        // The names stand left of the bars, in the picture's left fifth.
        var withNames = Ink(named, 0, 0, 0.2, 0.85);
        var withoutNames = Ink(blank, 0, 0, 0.2, 0.85);
        Assert.That(withNames, Is.GreaterThan(withoutNames + 2_000), "the names leave ink");
        Assert.That(Differing(named, renamed, 0, 0.2), Is.GreaterThan(5_000), "other characters, other shapes: not the same box for each");
    }

    [Test]
    public void TheMonthLabelsAndTheLegendAreDrawnInChinese()
    {
        var trend = PngImage.Decode(Draw(Provinces).Trend.Png!);

        // 1月 … 12月 along the foot; 2023年 and 2022年 in the legend at the top left; 万元 beside the axis.
        Assert.That(Ink(trend, 0.1, 0.85, 1, 1), Is.GreaterThan(3_000), "month labels");
        Assert.That(Ink(trend, 0.08, 0, 0.6, 0.2), Is.GreaterThan(1_500), "legend");
        Assert.That(Ink(trend, 0, 0.2, 0.06, 0.8), Is.GreaterThan(300), "the y-axis title 万元");
    }

    [TestCase("pdf")]
    [TestCase("noto")]
    public void NoTextRunsOffThePictureEdge(string face)
    {
        var charts = ReportCharts.Draw(Data(Provinces), "图1", "图2", Face(face));

        foreach (var chart in new[] { charts.Trend, charts.Provinces })
        {
            var image = PngImage.Decode(chart.Png!);
            // A clipped label (ScottPlot issue #5213) leaves dark pixels on the outermost rows and columns.
            Assert.That(Ink(image, 0, 0, 1, 3.0 / image.Height), Is.Zero, $"{chart.Caption}: top edge");
            Assert.That(Ink(image, 0, 0, 3.0 / image.Width, 1), Is.Zero, $"{chart.Caption}: left edge");
            Assert.That(Ink(image, 0, 1 - 3.0 / image.Height, 1, 1), Is.Zero, $"{chart.Caption}: bottom edge");
        }
    }
}
