using System.Globalization;

namespace Analytics.Tools.Demo;

/// <summary>
/// A simulated buyer of one shop. Name and phone are masked the way the platforms export them, and stay the
/// same on every order of the buyer so that repeat purchases can be recognised from the receiver fingerprint.
/// </summary>
/// <param name="Spelling">0–3: how this buyer's province is written (operators' address books differ).</param>
internal sealed record Buyer(string MaskedName, string MaskedPhone, Place Place, int Spelling, string JdAccount)
{
    /// <summary>Douyin's 省 column: most buyers have 甘肃省, a quarter 甘肃.</summary>
    public string DouyinProvince => Spelling == 1 ? Place.ProvinceShort : Place.Province;

    /// <summary>淘宝's 买家会员名 as an account made by the platform gets it: <c>tb</c> and ten digits.</summary>
    public string TaobaoNick => string.Create(CultureInfo.InvariantCulture, $"tb{Convert.ToInt64(JdAccount[3..], 16) % 10_000_000_000:D10}");

    /// <summary>淘宝's 收货地址: space-separated parts, the street masked, the postcode in parentheses.</summary>
    public string TaobaoAddress =>
        string.Create(CultureInfo.InvariantCulture, $"{(Place.IsMunicipality ? Place.ProvinceShort : Place.Province)} {Place.City} {Place.District} {Place.Street} ****({Postcode:D6})");

    /// <summary>快手's one-string 收货地址 beside its split columns.</summary>
    public string KuaishouAddress => $"{Place.Province}{(Place.IsMunicipality ? "" : Place.City)}{Place.District}{Place.Street}****";

    // A made-up six-digit code that stays the same for the buyer.
    private int Postcode => 100_000 + (int)(Convert.ToInt64(JdAccount[3..], 16) % 800_000);

    /// <summary>JD's one-string 客户地址, province usually without 省: <c>内蒙古呼和浩特市新城区****</c>, <c>北京市朝阳区****</c>.</summary>
    public string JdAddress
    {
        get
        {
            var province = Place.IsMunicipality ? "" : Spelling == 3 ? Place.Province : Place.ProvinceShort;
            return $"{province}{Place.City}{Place.District}****";
        }
    }
}
