using System.Globalization;

namespace Analytics.Tools.Demo;

/// <summary>
/// Hands out a shop's order ids in placement order, in each platform's shape: Douyin 19 digits (a multi-item
/// order's sub-orders numbered after it, a single-item sub-order equal to it), JD 12, 13 or 16 digits by shop,
/// PDD <c>YYMMDD-</c> + 15 digits, 淘宝/天猫 19 digits (its 宝贝报表 has no line id: a line is the order's item), 快手
/// <c>YYMMDD</c> + 10 digits (one SKU per order, the order its own line).
/// </summary>
internal sealed class OrderIds
{
    private readonly DemoShop _shop;
    private readonly Random _rng;
    private long _next;

    public OrderIds(DemoShop shop, Random rng)
    {
        (_shop, _rng) = (shop, rng);
        _next = shop.Platform switch
        {
            DemoPlatform.Douyin => 4_800_000_000_000_000_000L + (shop.IndexInPlatform % 40 * 10_000_000_000_000_000L)
                + rng.NextInt64(1_000_000_000_000_000L),
            DemoPlatform.Jd => JdStart(JdDigits(shop), rng),
            DemoPlatform.Taobao => 3_000_000_000_000_000_000L + (shop.IndexInPlatform % 90 * 10_000_000_000_000_000L)
                + rng.NextInt64(1_000_000_000_000_000L),
            DemoPlatform.Kuaishou => rng.NextInt64(1_000_000_000L, 2_000_000_000L),
            _ => rng.NextInt64(100_000_000_000_000L, 200_000_000_000_000L),
        };
    }

    public void Assign(DemoOrder order)
    {
        switch (_shop.Platform)
        {
            case DemoPlatform.Douyin:
                _next += _rng.NextInt64(10_000, 2_000_000_000);
                order.Id = Text(_next);
                for (var i = 0; i < order.Lines.Length; i++)
                {
                    order.Lines[i].LineId = order.Lines.Length == 1 ? order.Id : Text(_next + 1 + i);
                }

                break;
            case DemoPlatform.Jd:
                _next += _rng.NextInt64(1, 400_000);
                order.Id = Text(_next);
                foreach (var line in order.Lines)
                {
                    line.LineId = line.Product.Id;
                }

                break;
            case DemoPlatform.Taobao:
                _next += _rng.NextInt64(10_000, 2_000_000_000);
                order.Id = Text(_next);
                foreach (var line in order.Lines)
                {
                    line.LineId = line.Product.Code;
                }

                break;
            case DemoPlatform.Kuaishou:
                _next += _rng.NextInt64(1, 50_000);
                order.Id = string.Create(CultureInfo.InvariantCulture, $"{order.Created:yyMMdd}{_next:D10}");
                order.Lines[0].LineId = order.Id;
                break;
            default:
                _next += _rng.NextInt64(1, 50_000_000);
                order.Id = string.Create(CultureInfo.InvariantCulture, $"{order.Created:yyMMdd}-{_next:D15}");
                order.Lines[0].LineId = order.Id;
                break;
        }
    }

    private static int JdDigits(DemoShop shop) => (shop.IndexInPlatform % 3) switch
    {
        0 => 13,
        1 => 12,
        _ => 16,
    };

    private static long JdStart(int digits, Random rng)
    {
        var unit = (long)Math.Pow(10, digits - 3);
        return (230 * unit) + rng.NextInt64(unit);
    }

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}
