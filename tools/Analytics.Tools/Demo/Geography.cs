namespace Analytics.Tools.Demo;

/// <summary>Where a buyer receives parcels: the address parts the platforms export, street detail masked.</summary>
internal sealed record Place(string Province, string ProvinceShort, string City, string District, string Street)
{
    /// <summary>Beijing, Tianjin, Shanghai and Chongqing: the province is the city.</summary>
    public bool IsMunicipality => Province == City;
}

/// <summary>
/// The 21 provinces the county's buyers live in: the home province 山西 dominant, then its neighbours and
/// the big cities. Exactly these 21, so the demo's 覆盖省份数 is a known number.
/// </summary>
internal static class Geography
{
    public static readonly IReadOnlyList<(string Province, string Short, double Weight, Place[] Places)> Provinces =
    [
        Province("山西省", "山西", 30, "太原市 小店区 坞城街道", "太原市 迎泽区 柳巷街道", "晋中市 榆次区 锦纶街道", "运城市 盐湖区 中城街道",
            "临汾市 尧都区 鼓楼南街道", "长治市 潞州区 英雄南路街道", "大同市 平城区 南关街道", "忻州市 忻府区 新建路街道"),
        Province("陕西省", "陕西", 8, "西安市 雁塔区 小寨路街道", "西安市 未央区 张家堡街道", "咸阳市 秦都区 人民路街道"),
        Province("河南省", "河南", 7, "郑州市 金水区 花园路街道", "洛阳市 涧西区 南昌路街道", "新乡市 红旗区 西街街道"),
        Province("河北省", "河北", 6, "石家庄市 长安区 育才街道", "保定市 竞秀区 先锋街道", "邯郸市 丛台区 和平街道"),
        Province("北京市", "北京", 7, "北京市 朝阳区 望京街道", "北京市 海淀区 中关村街道", "北京市 丰台区 方庄街道"),
        Province("内蒙古自治区", "内蒙古", 4, "呼和浩特市 新城区 海拉尔东路街道", "包头市 昆都仑区 少先路街道"),
        Province("天津市", "天津", 3, "天津市 南开区 嘉陵道街道", "天津市 河西区 友谊路街道"),
        Province("上海市", "上海", 4, "上海市 浦东新区 花木街道", "上海市 闵行区 莘庄镇"),
        Province("广东省", "广东", 5, "广州市 天河区 石牌街道", "深圳市 南山区 粤海街道", "佛山市 禅城区 祖庙街道"),
        Province("江苏省", "江苏", 5, "南京市 鼓楼区 湖南路街道", "苏州市 姑苏区 平江街道", "无锡市 梁溪区 崇安寺街道"),
        Province("浙江省", "浙江", 4, "杭州市 西湖区 文新街道", "宁波市 鄞州区 中河街道"),
        Province("山东省", "山东", 5, "济南市 历下区 泉城路街道", "青岛市 市南区 八大湖街道", "临沂市 兰山区 兰山街道"),
        Province("四川省", "四川", 2, "成都市 武侯区 玉林街道", "绵阳市 涪城区 城厢街道"),
        Province("湖北省", "湖北", 2, "武汉市 洪山区 珞南街道", "宜昌市 西陵区 云集街道"),
        Province("湖南省", "湖南", 1.5, "长沙市 岳麓区 望月湖街道", "株洲市 天元区 嵩山路街道"),
        Province("安徽省", "安徽", 1.5, "合肥市 蜀山区 三里庵街道", "芜湖市 镜湖区 范罗山街道"),
        Province("辽宁省", "辽宁", 1.5, "沈阳市 和平区 太原街街道", "大连市 沙河口区 春柳街道"),
        Province("黑龙江省", "黑龙江", 1, "哈尔滨市 南岗区 花园街道", "哈尔滨市 五常市 五常镇"),
        Province("福建省", "福建", 1, "厦门市 思明区 鹭江街道", "福州市 鼓楼区 东街街道"),
        Province("甘肃省", "甘肃", 1, "兰州市 城关区 张掖路街道", "定西市 岷县 岷阳镇"),
        Province("重庆市", "重庆", 1.5, "重庆市 渝北区 龙溪街道", "重庆市 江北区 观音桥街道"),
    ];

    private static (string, string, double, Place[]) Province(string name, string shortName, double weight, params string[] places) =>
        (name, shortName, weight, places.Select(p => p.Split(' ')).Select(p => new Place(name, shortName, p[0], p[1], p[2])).ToArray());
}
