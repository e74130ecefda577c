using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Analytics.Api.Reports;

/// <summary>
/// The report as one self-contained HTML page (chart images inline) that prints on A4 from any browser; the PDF is
/// written from the same document by <see cref="PdfReportWriter"/>.
/// </summary>
internal static class HtmlReportWriter
{
    private const string Style = """
        @page { size: A4; margin: 20mm 18mm 18mm 18mm; }
        html { background: #fff; }
        body { margin: 0 auto; max-width: 174mm; color: #111; font: 12pt/1.75 "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif; }
        h1 { font: bold 20pt/1.4 "Noto Sans CJK SC", "Source Han Sans SC", "SimHei", sans-serif; text-align: center; margin: 0 0 4pt; }
        .subtitle { text-align: center; color: #444; font-size: 10pt; margin: 0 0 14pt; }
        h2 { font: bold 14pt/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "SimHei", sans-serif; margin: 14pt 0 6pt; break-after: avoid; }
        p { text-indent: 2em; margin: 0 0 6pt; text-align: justify; }
        p.note { text-indent: 0; font-size: 9.5pt; color: #444; line-height: 1.5; }
        p.missing { text-indent: 0; font-style: italic; color: #8a4b00; border: 1px dashed #d4a373; padding: 6pt; }
        table { width: 100%; border-collapse: collapse; font: 10pt/1.45 "Noto Sans CJK SC", "Source Han Sans SC", "SimHei", sans-serif; margin: 6pt 0; }
        thead { display: table-header-group; }
        th, td { border: 0.5pt solid #666; padding: 2pt 4pt; }
        th { background: #eef0f3; font-weight: bold; text-align: center; }
        td.number { text-align: right; white-space: nowrap; }
        td.short { white-space: nowrap; }
        tr { break-inside: avoid; }
        figure { margin: 8pt 0; text-align: center; break-inside: avoid; }
        figure img { width: 100%; height: auto; }
        figcaption { font-size: 10pt; color: #333; }
        @media screen { body { padding: 16mm 0; } }
        """;

    /// <summary>
    /// What the page may load and run: its own style block (by its hash), its inline chart images, nothing else, and no
    /// script at all. Product, shop and enterprise names in it come from export files; they are escaped, and this
    /// policy travels inside the page too, so a report saved from the reports folder and opened later is held to it.
    /// </summary>
    private static readonly string DocumentPolicy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(StyleBlock)))}'; " +
        "img-src data:; base-uri 'none'; form-action 'none'";

    /// <summary>The report's Content-Security-Policy over HTTP: the page's own, and never inside another site's frame (which a meta tag cannot say).</summary>
    public static readonly string Policy = DocumentPolicy + "; frame-ancestors 'none'";

    private const string StyleBlock = "\n" + Style + "\n";

    /// <summary>Words this short (拼多多, 山西省) stay on one line; the table squeezes the long ones instead.</summary>
    private const int ShortText = 6;

    public static string Write(ReportDocument report)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(DocumentPolicy).Append("\">\n")
            .Append("<title>").Append(Text(report.Title)).Append("</title>\n")
            .Append("<style>").Append(StyleBlock).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(Text(report.Title)).Append("</h1>\n");
        html.Append("<p class=\"subtitle\">").Append(Text(report.Subtitle)).Append("</p>\n");
        foreach (var section in report.Sections)
        {
            html.Append("<section>\n<h2>").Append(Text(section.Heading)).Append("</h2>\n");
            foreach (var paragraph in section.Paragraphs)
                html.Append("<p>").Append(Text(paragraph)).Append("</p>\n");
            if (section.Chart is { } chart)
                AppendChart(html, chart);
            if (section.Table is { } table)
                AppendTable(html, table);
            foreach (var note in section.Notes)
                html.Append("<p class=\"note\">").Append(Text(note)).Append("</p>\n");
            html.Append("</section>\n");
        }
        return html.Append("</body>\n</html>\n").ToString();
    }

    private static void AppendChart(StringBuilder html, ReportChart chart)
    {
        html.Append("<figure>");
        if (chart.Png is { } png)
            html.Append("<img alt=\"").Append(Text(chart.Caption)).Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(png)).Append("\">");
        else
            html.Append("<p class=\"missing\">").Append(Text(chart.Missing ?? "")).Append("</p>");
        html.Append("<figcaption>").Append(Text(chart.Caption)).Append("</figcaption></figure>\n");
    }

    private static void AppendTable(StringBuilder html, ReportTable table)
    {
        html.Append("<table>\n<thead><tr>");
        foreach (var column in table.Columns)
            html.Append("<th>").Append(Text(column)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
                html.Append(cell.Format != CellFormat.Text ? "<td class=\"number\">" : cell.Text.Length <= ShortText ? "<td class=\"short\">" : "<td>")
                    .Append(Text(cell.Text)).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static string Text(string text) => WebUtility.HtmlEncode(text);
}
