namespace Analytics.Tools.Demo;

/// <summary>The export variants the demo shops use, one per shop, so the importer meets every known shape.</summary>
internal enum ExportLayout
{
    /// <summary>Douyin 商品维度, 74 columns, UTF-8 with BOM.</summary>
    Douyin74,

    /// <summary>Douyin's older 54-field standard report (商品名称 / 商品金额 / 货号).</summary>
    Douyin54,

    /// <summary>A Douyin custom report: 20 of the 74 columns in the operator's own order.</summary>
    DouyinCustom,

    /// <summary>Douyin 74 columns re-saved by the operator as GB18030 without BOM.</summary>
    Douyin74Gb18030,

    /// <summary>JD 2015-era 30 columns, GB18030.</summary>
    Jd30,

    /// <summary>JD 40 columns, GB18030.</summary>
    Jd40,

    /// <summary>JD 40 columns with 订单号 and 商品ID wrapped Excel-style as <c>="…"</c>.</summary>
    Jd40ExcelText,

    /// <summary>PDD default 27-column CSV, UTF-8 without BOM, no province, no buyer.</summary>
    PddCsv27,

    /// <summary>PDD custom selection saved as XLSX.</summary>
    PddXlsx,

    /// <summary>PDD custom XLSX whose headers use full-width parentheses: 用户实付金额（元）.</summary>
    PddXlsxFullWidth,

    /// <summary>淘宝/天猫 订单报表 (54 columns) with its 宝贝报表, GBK; every third export as one zip of both.</summary>
    TaobaoPair,

    /// <summary>快手小店 61 columns as CSV, then 64 columns as a workbook of several sheets from mid-2022.</summary>
    Kuaishou,
}

/// <summary>Which layout a shop writes, by its position among the shops of its platform in seeds/shops.csv.</summary>
internal static class ShopLayouts
{
    public static ExportLayout Of(DemoShop shop) => (shop.Platform, shop.IndexInPlatform) switch
    {
        (DemoPlatform.Douyin, 1) => ExportLayout.Douyin54,
        (DemoPlatform.Douyin, 2) => ExportLayout.DouyinCustom,
        (DemoPlatform.Douyin, 3) => ExportLayout.Douyin74Gb18030,
        (DemoPlatform.Douyin, _) => ExportLayout.Douyin74,
        (DemoPlatform.Jd, 1) => ExportLayout.Jd30,
        (DemoPlatform.Jd, 2) => ExportLayout.Jd40ExcelText,
        (DemoPlatform.Jd, _) => ExportLayout.Jd40,
        (DemoPlatform.Pdd, 0) => ExportLayout.PddCsv27,
        (DemoPlatform.Pdd, 2) => ExportLayout.PddXlsxFullWidth,
        (DemoPlatform.Taobao, _) => ExportLayout.TaobaoPair,
        (DemoPlatform.Kuaishou, _) => ExportLayout.Kuaishou,
        _ => ExportLayout.PddXlsx,
    };
}
