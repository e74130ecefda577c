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

    private static string? Place(string? text) => ProvinceDirectory.IsMasked(text) || text!.Contains('*') ? null : text;
}
