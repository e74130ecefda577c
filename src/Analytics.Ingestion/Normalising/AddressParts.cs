namespace Analytics.Ingestion.Normalising;

/// <summary>Splits the city and district off the rest of an address whose province has been taken (JD 客户地址).</summary>
internal static class AddressParts
{
    private static readonly string[] CityEndings = ["自治州", "地区", "盟", "市", "州"];
    private static readonly string[] DistrictEndings = ["自治县", "自治旗", "新区", "区", "县", "市", "旗"];

    public static (string? City, string? District) Split(Province province, string rest)
    {
        rest = rest.Trim().TrimStart('省', '市', ' ');
        string? city;
        if (province.Name.EndsWith('市'))
        {
            // 北京市朝阳区…: a municipality is its own city.
            city = province.Name;
        }
        else
        {
            city = TakeThrough(ref rest, CityEndings, maxLength: 12);
        }
        var district = TakeThrough(ref rest, DistrictEndings, maxLength: 10);
        return (city, district);
    }

    private static string? TakeThrough(ref string rest, string[] endings, int maxLength)
    {
        var best = -1;
        var bestLength = 0;
        foreach (var ending in endings)
        {
            var at = rest.IndexOf(ending, StringComparison.Ordinal);
            if (at > 0 && at + ending.Length <= maxLength && (best < 0 || at < best))
            {
                best = at;
                bestLength = ending.Length;
            }
        }
        if (best < 0)
            return null;
        var part = rest[..(best + bestLength)];
        if (part.Contains('*'))
            return null;
        rest = rest[(best + bestLength)..];
        return part;
    }
}
