using Analytics.Ingestion.Tables;

namespace Analytics.Ingestion.Formats;

/// <summary>Every export the service reads, and how a file's header row is found and recognised.</summary>
public static class ExportFormats
{
    internal static readonly IReadOnlyList<ExportFormat> All =
    [
        // 宝贝销售明细 before 抖店: both have 主订单编号 and 子订单编号, only 千牛 writes 买家实付金额.
        new TaobaoItemSalesExport(), new DouyinExport(), new JdExport(), new PddExport(), new KuaishouExport(), new WechatShopExport(),
        new TaobaoExport(), new TaobaoItemsExport(),
    ];

    /// <summary>Platforms write title rows (名称：…, 店铺：…, a period) above the header; it is always within the first rows.</summary>
    public const int HeaderSearchRows = 20;

    internal static (ExportFormat Format, HeaderRow Header)? Recognise(RawRow row) => Recognise(row, All);

    /// <summary>The first of <paramref name="formats"/> whose signature the row holds, with the row read as a header.</summary>
    internal static (ExportFormat Format, HeaderRow Header)? Recognise(RawRow row, IReadOnlyList<ExportFormat> formats)
    {
        var header = new HeaderRow(row);
        foreach (var format in formats)
        {
            if (format.Recognises(header))
                return (format, header);
        }
        return null;
    }

    /// <summary>Whether the platform's exports state refunded amounts (see <see cref="ExportFormat.StatesRefundAmounts"/>).</summary>
    public static bool StateRefundAmounts(string platform) => All.Any(f => f.Platform == platform && f.StatesRefundAmounts);

    internal static ExportRejectedException NotRecognised(string? sheet) => NotRecognised(sheet, All);

    internal static ExportRejectedException NotRecognised(string? sheet, IReadOnlyList<ExportFormat> formats) => new(
        $"{(sheet is null ? "" : $"工作表“{sheet}”")}前{HeaderSearchRows}行中没有找到可识别的订单导出表头。可识别的导出：" +
        string.Join("；", formats.Select(f => $"{f.Name}（含{string.Join("、", f.Signature.Select(c => $"“{c}”"))}列）")) +
        "。请确认这是订单导出，而不是结算单、售后单或推广报表。",
        $"No known order-export header in the first {HeaderSearchRows} rows{(sheet is null ? "" : $" of sheet '{sheet}'")}. Recognised exports: " +
        string.Join("; ", formats.Select(f => $"{f.Name} (columns {string.Join(", ", f.Signature)})")) +
        ". Is this an order export (not a settlement, after-sale or promotion report)?");
}
