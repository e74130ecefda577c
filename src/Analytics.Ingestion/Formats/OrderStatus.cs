namespace Analytics.Ingestion.Formats;

/// <summary>Status wording shared by the platforms (METRICS.md: a line whose status says the refund succeeded is refunded in full).</summary>
internal static class OrderStatus
{
    public static bool SaysRefundSucceeded(string? status) =>
        status is not null && status.Contains("退款成功", StringComparison.Ordinal);

    public static bool SaysUnpaid(string? status) =>
        status is "待支付" or "待付款" or "等待付款" or "等待买家付款" or "未付款";

    /// <summary>JD prefixes deleted orders' statuses with (删除); the order itself is what it was.</summary>
    public static string? WithoutDeletionMark(string? status) =>
        status is not null && (status.StartsWith("(删除)", StringComparison.Ordinal) || status.StartsWith("（删除）", StringComparison.Ordinal))
            ? status[4..] : status;
}
