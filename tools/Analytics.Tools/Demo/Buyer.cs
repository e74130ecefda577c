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
