using System.Text;

namespace Analytics.Tests.Support;

/// <summary>Mapping files as a county writes them in Notepad, and the folders they sit in.</summary>
internal static class MappingFiles
{
    /// <summary>A county's own mall: amounts per row, refunds only as statuses, receivers as the only trace of a buyer.</summary>
    public const string CountyMall = """
        # 禾丰优选（县级自营商城）· 后台 → 订单 → 导出
        [平台]
        代码 = hefeng_mall
        名称 = 禾丰优选
        别名 = 县商城, 禾丰优选商城

        [识别]
        表头 = 商城订单号, 商品编码, 行实付金额

        [列]
        订单号 = 商城订单号
        订单行号 = 商品编码 + 规格
        支付时间 = 付款时间
        实付金额 = 行实付金额
        数量 = 数量
        商品编号 = 商品编码
        商品名称 = 商品
        订单状态 = 状态
        省 = 省份
        市 = 城市
        区 = 区县
        收货人 = 收货人
        收货人电话 = 手机

        [状态]
        已付款 = 已付款, 已发货, 已签收
        未付款 = 未付款
        已取消 = 已取消
        已退款 = 已退款
        """;

    public static readonly string[] CountyMallHeader = ["商城订单号", "下单时间", "付款时间", "状态", "商品编码", "商品", "规格", "数量", "行实付金额", "收货人", "手机", "省份", "城市", "区县"];

    /// <summary>Writes <paramref name="text"/> as <paramref name="name"/> in <paramref name="folder"/>, UTF-8 unless told otherwise.</summary>
    public static string Write(string folder, string name, string text, Encoding? encoding = null)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, (encoding ?? new UTF8Encoding(false)).GetBytes(text));
        return path;
    }

    /// <summary>seeds/formats/ as the build copies it beside the tests.</summary>
    public static string Shipped => Path.Combine(AppContext.BaseDirectory, "seeds", "formats");
}
