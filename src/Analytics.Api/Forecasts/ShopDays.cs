using System.Globalization;
using Analytics.Api.Metrics;
using Analytics.Store;
using Analytics.Store.Sales;

namespace Analytics.Api.Forecasts;

/// <summary>
/// The county's sales per shop and day over the last three years of data, read in one query and kept until the data
/// changes. Two years of days grouped from the day × shop × province rollup take tens of milliseconds; a forecast or a
/// warning over the county, a platform, an enterprise or a shop sums these few thousand rows instead. A province filter,
/// raw answers and older windows read the store.
/// </summary>
internal sealed class ShopDays
{
    public const int YearsKept = 3;

    private ShopDays(DateOnly from, DateOnly to, IReadOnlyList<ShopDaySeries> shops) => (From, To, Shops) = (from, to, shops);

    public DateOnly From { get; }
    public DateOnly To { get; }
    public IReadOnlyList<ShopDaySeries> Shops { get; }

    public static ShopDays Read(StoreReads data)
    {
        var last = data.DaysWithSales().Last is { } day ? DateOnly.ParseExact(day[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture) : new DateOnly(2000, 1, 1);
        var from = last.AddYears(-YearsKept);
        var enterprises = data.Shops().ToDictionary(s => (s.Platform, s.Shop), s => s.Enterprise);
        var length = last.DayNumber - from.DayNumber + 1;
        var shops = new Dictionary<(string, string), ShopDaySeries>();
        foreach (var row in data.Sales.DaysBy(new SalesScope(from, last), RankingDimension.All["shops"]))
        {
            var key = (row.Platform ?? "", row.Shop ?? row.Key);
            if (!shops.TryGetValue(key, out var shop))
            {
                shops[key] = shop = new ShopDaySeries(key.Item1, key.Item2, enterprises.GetValueOrDefault(key, key.Item2),
                    new long[length], new long[length], new long[length]);
            }
            var index = DateOnly.ParseExact(row.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber - from.DayNumber;
            shop.Orders[index] += row.Orders;
            shop.GmvFen[index] += row.GmvFen;
            shop.RefundFen[index] += row.RefundFen;
        }
        return new ShopDays(from, last, [.. shops.Values.OrderBy(s => s.Platform, StringComparer.Ordinal).ThenBy(s => s.Shop, StringComparer.Ordinal)]);
    }

    /// <summary>Whether the scope's series can be summed from here.</summary>
    public bool Covers(SalesScope scope) => scope.ProvinceCode is null && !scope.Raw && scope.From >= From;

    public IEnumerable<ShopDaySeries> In(SalesScope scope) => Shops.Where(s =>
        (scope.Platform is null || s.Platform == scope.Platform) && (scope.Shop is null || s.Shop == scope.Shop) &&
        (scope.Enterprise is null || s.Enterprise == scope.Enterprise) && (scope.OnlyShops is null || scope.OnlyShops.Contains(s.Shop)));

    /// <summary>A metric of the shops in the scope, summed per day over the scope's days (0 after the data's last day).</summary>
    public DailySeries Series(SalesScope scope, string metric, Func<ShopDaySeries, bool>? only = null)
    {
        var values = new double[scope.Days];
        foreach (var shop in In(scope).Where(s => only?.Invoke(s) ?? true))
            shop.AddTo(values, scope.From, From, metric);
        return new DailySeries(scope.From, values);
    }

    public DailySeries Refunds(SalesScope scope) => Series(scope, "refunds");
}

/// <summary>One shop's days from <see cref="ShopDays.From"/>.</summary>
internal sealed record ShopDaySeries(string Platform, string Shop, string Enterprise, long[] Orders, long[] GmvFen, long[] RefundFen)
{
    public void AddTo(double[] values, DateOnly start, DateOnly kept, string metric)
    {
        var offset = start.DayNumber - kept.DayNumber;
        for (var i = 0; i < values.Length; i++)
        {
            var j = i + offset;
            if (j < 0 || j >= Orders.Length)
                continue;
            values[i] += metric switch
            {
                "refunds" => RefundFen[j] / 100.0,
                _ => SalesMetrics.MetricOf(metric, Orders[j], GmvFen[j], RefundFen[j]),
            };
        }
    }
}

/// <summary>Keeps the latest <see cref="ShopDays"/> until the data version moves on.</summary>
internal sealed class ShopDaysCache
{
    private readonly Lock _lock = new();
    private (long Version, ShopDays Days)? _kept;

    public ShopDays Get(StoreReads data)
    {
        var version = data.DataVersion();
        lock (_lock)
        {
            if (_kept is { } kept && kept.Version == version)
                return kept.Days;
        }
        var days = ShopDays.Read(data);
        lock (_lock)
            _kept = (version, days);
        return days;
    }
}
