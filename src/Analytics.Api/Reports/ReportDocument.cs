namespace Analytics.Api.Reports;

/// <summary>
/// A finished report as a document any writer can lay out: a title, then sections of paragraphs, a table or a chart.
/// Every number is already formatted the way the bureau writes it; the writers only arrange.
/// </summary>
internal sealed record ReportDocument
{
    /// <summary>e.g. 禾丰县网络零售运行情况（2023年一季度）.</summary>
    public required string Title { get; init; }

    /// <summary>The statistics period and when and from what the report was made, one line.</summary>
    public required string Subtitle { get; init; }

    /// <summary>The period as it appears in file names: 2023-03, 2023Q1, 2022.</summary>
    public required string FileStem { get; init; }

    public required IReadOnlyList<ReportSection> Sections { get; init; }
}

/// <summary>A numbered part of the report (一、总体情况 …): its text, then its table or chart, then small print.</summary>
internal sealed record ReportSection
{
    public required string Heading { get; init; }
    public IReadOnlyList<string> Paragraphs { get; init; } = [];
    public ReportTable? Table { get; init; }
    public ReportChart? Chart { get; init; }
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>A table; <see cref="SheetName"/> names its worksheet in the Excel report (at most 31 characters).</summary>
internal sealed record ReportTable(string SheetName, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<ReportCell>> Rows)
{
    /// <summary>
    /// Each column's share of the text width, by what it holds, the same in Word and in the PDF: a product title gets room,
    /// a rank does not. A header may wrap onto two lines, so it counts half.
    /// </summary>
    public IReadOnlyList<double> ColumnShares(int columns)
    {
        var weights = new double[columns];
        for (var i = 0; i < columns; i++)
        {
            var header = i < Columns.Count ? XlsxCells.DisplayWidth(Columns[i]) / 2.0 : 0;
            var cells = Rows.Where(r => i < r.Count).Select(r => XlsxCells.DisplayWidth(r[i].Text)).DefaultIfEmpty(0).Max();
            // +3 for the cell's padding, so "+28.67%" stays on one line; bounds so no column vanishes or sprawls.
            weights[i] = Math.Clamp(Math.Max(header, cells) + 3, 6, 26);
        }
        var sum = weights.Sum();
        return [.. weights.Select(w => w / sum)];
    }
}

/// <summary>
/// One cell: the text Word, PDF and HTML show, and for numbers the value Excel stores, in the column's unit
/// (万元, 元, 单 …; a share or a change as a ratio, 0.391 for 39.1%).
/// </summary>
internal sealed record ReportCell(string Text, double? Value = null, CellFormat Format = CellFormat.Text)
{
    public static implicit operator ReportCell(string text) => new(text);
}

internal enum CellFormat
{
    Text,
    /// <summary>A count: #,##0.</summary>
    Integer,
    /// <summary>An amount with two decimals: #,##0.00.</summary>
    Decimal,
    /// <summary>A ratio shown as a percentage with two decimals: a share, a rate or a change.</summary>
    Percent,
}

/// <summary>A chart as a 300-dpi PNG image drawn by <see cref="ReportCharts"/>, or why it could not be drawn (then the writers print the reason).</summary>
internal sealed record ReportChart(string Caption, byte[]? Png, int WidthPixels, int HeightPixels, string? Missing);
