using System.Globalization;

namespace Analytics.Tests.Demo;

/// <summary>An order as the metric definitions see it after all of a shop's exports are read in file-name order.</summary>
internal sealed record LedgerOrder(
    string Platform, string Shop, string OrderId, DateTime? PaidAt, long PaidFen, long RefundFen, string? Province, string? Buyer, int Lines)
{
    public long NetFen => PaidFen - RefundFen;
}

/// <summary>
/// Reads a demo folder the way METRICS.md defines the numbers, independently of the generator: the newer export of
/// a line wins; buyer-paid = Douyin Σ 订单应付金额, JD 应付金额 once per order, PDD 用户实付金额; a line whose status says
/// 退款成功 is refunded in full; payment time Douyin 支付完成时间, JD 付款确认时间, PDD 支付时间 → 订单成交时间 → 订单号 date.
/// 淘宝/天猫: buyer-paid = 买家实际支付金额 + 退款金额 of the 订单报表, refund = 退款金额; 快手: 实付款, refunded in full when its
/// 售后状态 says 退款成功.
/// </summary>
internal static class DemoLedger
{
    private sealed record LedgerLine(
        string Platform, string OrderId, string LineId, DateTime? PaidAt, long LineFen, long OrderFen, long RefundFen, string? Province, string? Buyer,
        int Items = 1);

    private static readonly string[] ReceiverColumns = ["收件人", "收件人手机号", "省", "市", "区"];

    private static readonly string[] ProvinceShortNames = File.ReadLines(Path.Combine(SeedsDirectory(), "provinces.csv"))
        .Skip(1).Select(l => l.Split(',')[2]).OrderByDescending(s => s.Length).ToArray();

    public static List<LedgerOrder> Read(string root)
    {
        var orders = new List<LedgerOrder>();
        foreach (var shopDir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var lines = new Dictionary<(string, string), LedgerLine>();
            foreach (var table in Directory.GetFiles(shopDir).Order(StringComparer.Ordinal).SelectMany(ExportTable.ReadAll))
            {
                // A 千牛 宝贝报表 holds items, not amounts: the 订单报表 beside it says all the figures need.
                if (table.Has("订单编号") && !table.Has("买家实际支付金额"))
                {
                    continue;
                }

                foreach (var row in table.Rows)
                {
                    var line = Parse(table, row);
                    lines[(line.OrderId, line.LineId)] = line;
                }
            }

            var shop = Path.GetFileName(shopDir);
            orders.AddRange(lines.Values.GroupBy(l => l.OrderId).Select(g => ToOrder(shop, [.. g])));
        }

        return orders;
    }

    public static string? Province(string? text) =>
        text is null ? null : ProvinceShortNames.FirstOrDefault(s => text.StartsWith(s, StringComparison.Ordinal));

    private static LedgerOrder ToOrder(string shop, LedgerLine[] lines)
    {
        var first = lines[0];
        var paid = first.Platform == "jd" ? first.OrderFen : lines.Sum(l => l.LineFen);
        var refund = lines.Sum(l => l.RefundFen);
        return new LedgerOrder(first.Platform, shop, first.OrderId, first.PaidAt, paid, refund, Province(first.Province), first.Buyer,
            lines.Sum(l => l.Items));
    }

    private static LedgerLine Parse(ExportTable t, string[] row)
    {
        if (t.Has("主订单编号"))
        {
            var buyer = string.Join("|", ReceiverColumns.Select(c => t.Get(row, c)));
            var fen = ExportTable.Fen(t.Get(row, "订单应付金额")!);
            return new LedgerLine("douyin", t.Get(row, "主订单编号")!, t.Get(row, "子订单编号")!, Time(t.Get(row, "支付完成时间")),
                fen, 0, t.Get(row, "售后状态") == "退款成功" ? fen : 0, t.Get(row, "省"), buyer);
        }

        if (t.Has("下单帐号"))
        {
            return new LedgerLine("jd", t.Get(row, "订单号")!, t.Get(row, "商品ID")!, Time(t.Get(row, "付款确认时间")), 0,
                ExportTable.Fen(t.Get(row, "应付金额")!), 0, t.Get(row, "客户地址"), t.Get(row, "下单帐号"));
        }

        if (t.Has("买家实际支付金额"))
        {
            // 千牛: the paid amount is after the refund, which the file states.
            var orderId = t.Get(row, "订单编号")!;
            var refund = ExportTable.Fen(t.Get(row, "退款金额")!);
            DateTime? paidOn = t.Get(row, "订单状态") == "等待买家付款" ? null : Time(t.Get(row, "订单付款时间"));
            return new LedgerLine("taobao", orderId, orderId, paidOn, ExportTable.Fen(t.Get(row, "买家实际支付金额")!) + refund, 0, refund,
                t.Get(row, "收货地址"), t.Get(row, "买家会员名"), int.Parse(t.Get(row, "宝贝种类")!, CultureInfo.InvariantCulture));
        }

        if (t.Has("实付款"))
        {
            // 快手: no refund amount; a refunded order is refunded in full.
            var orderId = t.Get(row, "订单号")!;
            var fen = ExportTable.Fen(t.Get(row, "实付款")!);
            DateTime? paidOn = t.Get(row, "订单状态") == "待付款" ? null : Time(t.Get(row, "订单支付时间"));
            var buyer = string.Join("|", new[] { "收货人姓名", "收货人电话", "收货地址-省" }.Select(c => t.Get(row, c)));
            return new LedgerLine("kuaishou", orderId, orderId, paidOn, fen, 0, t.Get(row, "售后状态") == "退款成功" ? fen : 0,
                t.Get(row, "收货地址-省"), buyer);
        }

        var id = t.Get(row, "订单号")!;
        var status = t.Get(row, "订单状态")!;
        DateTime? paidAt = status is "待支付" or "已取消" ? null
            : Time(t.Has("支付时间") ? t.Get(row, "支付时间") : null) ?? Time(t.Get(row, "订单成交时间"))
              ?? DateTime.ParseExact(id[..6], "yyMMdd", CultureInfo.InvariantCulture);
        var province = t.Has("省") ? t.Get(row, "省") : null;
        var paidFen = ExportTable.Fen(t.Get(row, "用户实付金额(元)")!);
        return new LedgerLine("pdd", id, id, paidAt, paidFen, 0, status.Contains("退款成功", StringComparison.Ordinal) ? paidFen : 0, province, null);
    }

    private static DateTime? Time(string? text) =>
        text is null ? null : DateTime.ParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string SeedsDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "seeds", "shops.csv")))
            {
                return Path.Combine(dir.FullName, "seeds");
            }
        }

        throw new DirectoryNotFoundException("seeds/shops.csv not found above the test directory.");
    }
}
