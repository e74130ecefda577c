namespace Analytics.Tools.Demo;

/// <summary>
/// The buyers of one shop. About 30% of new paying buyers are "loyal": each gets a due date 15–330 days after
/// the purchase and the first order placed after that date is theirs, so roughly a quarter of the buyers buy
/// again within a year; a third of those come back once more.
/// </summary>
internal sealed class BuyerPool(Random rng)
{
    private const double LoyalShare = 0.3;
    private const double ComesBackAgain = 0.35;

    private const string Surnames =
        "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";

    private static readonly string[] PhonePrefixes =
    [
        "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155",
        "156", "157", "158", "159", "166", "176", "177", "178", "180", "181", "182", "183", "185", "186", "187",
        "188", "189", "198", "199",
    ];

    private static readonly WeightedChoice<(string Province, string Short, double Weight, Place[] Places)> Provinces =
        new(Geography.Provinces.Select(p => (p, p.Weight)));

    private readonly PriorityQueue<Buyer, DateTime> _due = new();
    private readonly HashSet<string> _jdAccounts = new(StringComparer.Ordinal);

    /// <summary>The buyer of an order placed at <paramref name="at"/>.</summary>
    /// <param name="forcedProvince">a new buyer from this province (used to guarantee province coverage).</param>
    public Buyer Next(DateTime at, bool paid, string? forcedProvince = null)
    {
        if (forcedProvince is not null)
        {
            var province = Geography.Provinces.Single(p => p.Province == forcedProvince);
            return Create(province.Places[rng.Next(province.Places.Length)]);
        }

        if (paid && _due.TryPeek(out var returning, out var due) && due <= at)
        {
            _due.Dequeue();
            if (rng.NextDouble() < ComesBackAgain)
            {
                Schedule(returning, at);
            }

            return returning;
        }

        var places = Provinces.Next(rng).Places;
        var buyer = Create(places[rng.Next(places.Length)]);
        if (paid && rng.NextDouble() < LoyalShare)
        {
            Schedule(buyer, at);
        }

        return buyer;
    }

    private void Schedule(Buyer buyer, DateTime from) => _due.Enqueue(buyer, from.AddDays(15 + (rng.NextDouble() * 315)));

    private Buyer Create(Place place)
    {
        var surname = Surnames[rng.Next(Surnames.Length)];
        var name = surname + (rng.NextDouble() < 0.7 ? "**" : "*");
        var phone = $"{PhonePrefixes[rng.Next(PhonePrefixes.Length)]}****{rng.Next(10_000):D4}";
        string account;
        do
        {
            account = $"jd_{rng.Next():x8}";
        }
        while (!_jdAccounts.Add(account));

        return new Buyer(name, phone, place, rng.Next(4), account);
    }
}
