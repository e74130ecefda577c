namespace Analytics.Tools.Demo;

/// <summary>A product as one shop lists it: ids are the platform's, stable for the shop across all exports.</summary>
/// <param name="Id">Douyin 商品ID (19 digits), JD 商品ID (12 digits), PDD 商品id.</param>
/// <param name="SkuId">JD 商家SKUID, PDD 样式ID.</param>
/// <param name="Code">the merchant's code (商家编码 / 货号).</param>
internal sealed record Product(string Id, string SkuId, string Title, string Spec, long PriceFen, string Code, double Popularity);
