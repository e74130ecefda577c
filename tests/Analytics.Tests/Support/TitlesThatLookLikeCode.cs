using System.Net;
using System.Net.Http.Headers;
using Analytics.Ingestion.Formats;

namespace Analytics.Tests.Support;

/// <summary>
/// A Douyin export of March 2025 whose product titles look like HTML and like a spreadsheet formula, uploaded for a shop
/// whose name looks like HTML: what anyone who can edit a product page or name a shop could put in front of the
/// bureau. The screen, the reports and the API must show all of it as the text it is.
/// </summary>
internal static class TitlesThatLookLikeCode
{
    public const string MarkupTitle = "<img src=x onerror=alert(1)>";
    public const string FormulaTitle = "=HYPERLINK(\"http://x\",\"y\")";
    public const string MarkupShop = "<b onmouseover=alert(2)>乡味优选</b>";

    /// <summary>A morning in the export's month, with its orders inside the screen's month-to-date.</summary>
    public static readonly DateTimeOffset AfterTheOrders = new(2025, 3, 10, 10, 0, 0, TimeSpan.FromHours(8));

    /// <summary>The markup title sells more, so it leads the product rankings; both reach several provinces.</summary>
    public static byte[] Export()
    {
        var export = new ExportBytes(DouyinExport.Current74, "-");
        var lines = new[]
        {
            (MarkupTitle, "3580001", "88.00", "山西省"), (MarkupTitle, "3580001", "66.00", "陕西省"),
            (MarkupTitle, "3580001", "52.00", "河北省"), (FormulaTitle, "3580002", "40.00", "山西省"),
            (FormulaTitle, "3580002", "30.00", "北京市"),
        };
        for (var i = 0; i < lines.Length; i++)
        {
            var (title, productId, amount, province) = lines[i];
            export.Row(("主订单编号", $"\t69378412055672834{i:D2}"), ("子订单编号", $"\t69378412055672835{i:D2}"),
                ("选购商品", title), ("商品ID", productId), ("商品数量", "1"), ("订单应付金额", amount),
                ("支付完成时间", $"2025-03-0{i + 2} 20:15:40"), ("订单状态", "已完成"), ("省", province));
        }
        return export.Utf8WithBom();
    }

    /// <summary>Uploads <see cref="Export"/> for <see cref="MarkupShop"/> the way an operator's script does.</summary>
    public static async Task UploadAsync(HttpClient client)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Export());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "douyin_orders.csv");
        form.Add(new StringContent(MarkupShop), "shop");
        using var response = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), form);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }
}
