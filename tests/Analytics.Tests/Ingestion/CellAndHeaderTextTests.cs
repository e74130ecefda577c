using Analytics.Ingestion.Normalising;

namespace Analytics.Tests.Ingestion;

public sealed class CellAndHeaderTextTests
{
    [TestCase("\t6937841205567283410", "6937841205567283410")]
    [TestCase("=\"2345678901234567890\"", "2345678901234567890")]
    [TestCase("'138****1234", "138****1234")]
    [TestCase("  岷县当归片 ", "岷县当归片")]
    [TestCase("-", null)]
    [TestCase("--", null)]
    [TestCase("—", null)]
    [TestCase("\t", null)]
    [TestCase("", null)]
    public void CellsLoseTheWrappersExportsAddAndPlaceholdersReadAsEmpty(string raw, string? expected) =>
        Assert.That(CellText.Clean(raw), Is.EqualTo(expected));

    [TestCase("6.93784E+18", true)]
    [TestCase("6.937841205567283E+18", true)]
    [TestCase("2345678901234567890.0", true)]
    [TestCase("6937841205567283410", false)]
    [TestCase("250302-394857261038475", false)]
    public void IdsExcelTurnedIntoFloatsAreRecognised(string id, bool damaged) =>
        Assert.That(CellText.LooksExcelDamaged(id), Is.EqualTo(damaged));

    [TestCase("¥1,299.90", 129990)]
    [TestCase("76.00元", 7600)]
    [TestCase("(12.00)", -1200)]
    [TestCase("17.8", 1780)]
    [TestCase("0", 0)]
    public void MoneyCellsBecomeFen(string text, long fen)
    {
        Assert.That(Money.TryParseFen(text, out var parsed), Is.True);
        Assert.That(parsed, Is.EqualTo(fen));
    }

    [TestCase("12.345")]
    [TestCase("十二元")]
    public void TextThatIsNotAnAmountIsRefused(string text) => Assert.That(Money.TryParseFen(text, out _), Is.False);

    [TestCase("订单付款时间 ", "订单付款时间")]
    [TestCase("商品总价（元）", "商品总价(元)")]
    [TestCase("下单帐号", "下单账号")]
    [TestCase("\uFEFF主订单编号", "主订单编号")]
    [TestCase("商品ID", "商品id")]
    public void HeaderSpellingsFoldToOneForm(string raw, string normalised) =>
        Assert.That(HeaderText.Normalise(raw), Is.EqualTo(normalised));

    [TestCase("2025-03-02 20:15:40", "2025-03-02 20:15:40")]
    [TestCase("2026/9/22 0:54", "2026-09-22 00:54:00")]
    [TestCase("2025年3月2日", "2025-03-02 00:00:00")]
    [TestCase("45718.5", "2025-03-02 12:00:00")]
    public void BeijingTimesInEveryExportFormatAreStoredAsOneText(string text, string stored)
    {
        Assert.That(BeijingTime.TryParse(text, out var time), Is.True);
        Assert.That(BeijingTime.Format(time), Is.EqualTo(stored));
    }
}
