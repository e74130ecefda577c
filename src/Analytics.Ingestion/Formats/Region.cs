using Analytics.Ingestion.Normalising;

namespace Analytics.Ingestion.Formats;

/// <summary>Province (as a GB/T 2260 code), city and district; masked or unrecognised places are unknown, never guessed.</summary>
internal readonly record struct Region(string? ProvinceCode, string? City, string? District)
{
    public static Region FromColumns(ProvinceDirectory provinces, string? province, string? city, string? district)
    {
        if (ProvinceDirectory.IsMasked(province))
            return default;
        var found = provinces.Find(province) ?? provinces.FindAtStart(province!)?.Province;
        return found is null ? default : new Region(found.Code, Place(city), Place(district));
    }

    public static Region FromAddress(ProvinceDirectory provinces, string? address)
    {
        if (ProvinceDirectory.IsMasked(address) || provinces.FindAtStart(address!) is not { } found)
            return default;
        var (city, district) = AddressParts.Split(found.Province, found.Remainder);
        return new Region(found.Province.Code, city, district);
    }

    /// <summary>
    /// An address written as space-separated parts, province first (淘宝/天猫 收货地址: <c>甘肃省 定西市 岷县 岷阳镇 ****(748400)</c>,
    /// <c>北京 北京市 朝阳区 …</c>); an address without spaces is read as one string.
    /// </summary>
    public static Region FromSpacedAddress(ProvinceDirectory provinces, string? address)
    {
        var parts = address?.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        if (parts.Length < 2)
            return FromAddress(provinces, address);
        if (ProvinceDirectory.IsMasked(parts[0]) || (provinces.Find(parts[0]) ?? provinces.FindAtStart(parts[0])?.Province) is not { } province)
            return default;
        var city = WithoutPostcode(parts[1]);
        var district = parts.Length > 2 ? WithoutPostcode(parts[2]) : null;
        return new Region(province.Code, Place(city), Place(district));
    }

    /// <summary>The last part may carry the postcode: <c>岷县(748400)</c>.</summary>
    private static string WithoutPostcode(string part)
    {
        var open = part.IndexOfAny(['(', '（']);
        return open >= 0 ? part[..open] : part;
    }

    private static string? Place(string? text) => ProvinceDirectory.IsMasked(text) || text!.Contains('*') ? null : text;
}
