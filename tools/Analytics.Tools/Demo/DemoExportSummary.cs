namespace Analytics.Tools.Demo;

/// <summary>What a demo run wrote.</summary>
/// <param name="Files">exports written (a 天猫 订单报表 with its 宝贝报表, loose or in one zip, is one export).</param>
/// <param name="Orders">distinct orders; an order exported in two overlapping files counts once.</param>
/// <param name="Lines">distinct order lines (Douyin sub-orders, JD order × SKU, PDD orders).</param>
public sealed record DemoExportSummary(int Files, int Orders, int Lines);
