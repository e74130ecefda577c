using Analytics.Api.Reports;

namespace Analytics.Tests.Reports;

/// <summary>The PDF's line breaking, with every character one unit wide so the widths are easy to count.</summary>
public sealed class ChineseLineBreakerTests
{
    private static double Width(string text) => text.EnumerateRunes().Count();

    private static IReadOnlyList<string> Lines(string text, double width) => ChineseLineBreaker.Lines(text, width, Width);

    [Test]
    public void ChineseBreaksBetweenAnyTwoCharacters()
    {
        Assert.That(Lines("全县实现网络零售额", 4), Is.EqualTo(new[] { "全县实现", "网络零售", "额" }));
    }

    [Test]
    public void ClosingPunctuationNeverStartsALine()
    {
        // 4 wide: "全县实现" would leave "，" to start the next line; the comma goes with 现 instead.
        var lines = Lines("全县实现，网络零售额。", 4);

        Assert.That(lines.Skip(1).Select(l => l[0]), Has.None.AnyOf('，', '。', '、', '；', '：', '？', '！', '）', '》', '」', '”'));
        Assert.That(string.Concat(lines), Is.EqualTo("全县实现，网络零售额。"));
        Assert.That(lines[0], Is.EqualTo("全县实"));
    }

    [TestCase('，')]
    [TestCase('。')]
    [TestCase('、')]
    [TestCase('；')]
    [TestCase('：')]
    [TestCase('？')]
    [TestCase('！')]
    [TestCase('）')]
    [TestCase('》')]
    [TestCase('」')]
    [TestCase('”')]
    public void NoClosingMarkStartsALine(char mark)
    {
        var lines = Lines($"一二三{mark}四五", 3);

        Assert.That(lines[1][0], Is.Not.EqualTo(mark));
        Assert.That(lines[0], Does.EndWith($"二"));
    }

    [TestCase('（')]
    [TestCase('《')]
    [TestCase('「')]
    [TestCase('“')]
    public void NoOpeningMarkEndsALine(char mark)
    {
        var lines = Lines($"一二{mark}三四五", 3);

        Assert.That(lines[0], Is.EqualTo("一二"));
        Assert.That(lines[1], Does.StartWith($"{mark}三"));
    }

    [Test]
    public void LatinWordsAndNumbersBreakOnlyAtSpaces()
    {
        var lines = Lines("Charts and 1,234.56 yuan", 11);

        Assert.That(lines, Is.EqualTo(new[] { "Charts and", "1,234.56", "yuan" }));
    }

    [Test]
    public void AFigureStaysWholeInsideChineseText()
    {
        var lines = Lines("同比增长28.67%，", 8);

        Assert.That(lines, Is.EqualTo(new[] { "同比增长", "28.67%，" }));
    }

    [Test]
    public void AWordLongerThanTheLineIsCutRatherThanOverflowing()
    {
        var lines = Lines("SKU1234567890", 5);

        Assert.That(lines, Is.EqualTo(new[] { "SKU12", "34567", "890" }));
    }

    [Test]
    public void TextThatFitsIsOneLine()
    {
        Assert.That(Lines("山西省（太原）", 20), Is.EqualTo(new[] { "山西省（太原）" }));
    }

    [Test]
    public void TheFirstLineLeavesRoomForTheIndentAndKeepsEveryCharacter()
    {
        var lines = ChineseLineBreaker.Lines("2023年全县实现网络零售额", 6, Width, firstIndent: 2);

        Assert.That(lines, Is.EqualTo(new[] { "2023", "年全县实现网", "络零售额" }));
    }
}
