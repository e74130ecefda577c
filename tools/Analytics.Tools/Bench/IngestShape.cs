using System.Globalization;

namespace Analytics.Tools.Bench;

/// <summary>The order in which an export lists its orders: Douyin and JD write newest first, some PDD reports oldest first.</summary>
public enum TimeOrder { Ascending, Descending, Random }

/// <summary>The export a shape is written as.</summary>
public enum ShapeFormat { Douyin74, JdGbk40, PddXlsx }

/// <summary>
/// One file shape of the import benchmark: its format, the order of its payment times, how many distinct buyers it holds
/// and over how many days its orders spread. The kind shape (ascending, 50,000 buyers, four months) is what the importer
/// was first measured on; the others are what real exports and a province's buyers look like.
/// </summary>
public sealed record IngestShape(string Name, ShapeFormat Format, TimeOrder Order, int Buyers, int SpanDays)
{
    public static readonly IReadOnlyList<IngestShape> Matrix =
    [
        new("kind", ShapeFormat.Douyin74, TimeOrder.Ascending, 50_000, 120),
        new("newest-first", ShapeFormat.Douyin74, TimeOrder.Descending, 50_000, 120),
        new("random", ShapeFormat.Douyin74, TimeOrder.Random, 50_000, 120),
        new("random-500k-buyers", ShapeFormat.Douyin74, TimeOrder.Random, 500_000, 120),
        new("random-2m-buyers", ShapeFormat.Douyin74, TimeOrder.Random, 2_000_000, 120),
        new("one-month", ShapeFormat.Douyin74, TimeOrder.Ascending, 50_000, 30),
        new("two-years", ShapeFormat.Douyin74, TimeOrder.Ascending, 50_000, 730),
        new("two-years-random-500k", ShapeFormat.Douyin74, TimeOrder.Random, 500_000, 730),
        new("jd-gbk-newest-first", ShapeFormat.JdGbk40, TimeOrder.Descending, 500_000, 365),
        new("pdd-xlsx", ShapeFormat.PddXlsx, TimeOrder.Ascending, 500_000, 365),
    ];

    public string FileName(int lines) => string.Create(CultureInfo.InvariantCulture,
        $"1700000000_{Name}_{lines}.{(Format == ShapeFormat.PddXlsx ? "xlsx" : "csv")}");

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Format switch { ShapeFormat.Douyin74 => "抖音 74列 UTF-8", ShapeFormat.JdGbk40 => "京东 40列 GBK", _ => "拼多多 XLSX" }}, " +
        $"{Order switch { TimeOrder.Ascending => "oldest first", TimeOrder.Descending => "newest first", _ => "random order" }}, " +
        $"{Buyers:N0} buyers, {SpanDays} days");
}
