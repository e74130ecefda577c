namespace Analytics.Tools.Demo;

/// <summary>What an export shows for a line at the moment it was downloaded.</summary>
/// <param name="Shipped">the 发货时间 is known.</param>
/// <param name="Completed">the 订单完成时间 / 确认收货时间 is known.</param>
internal readonly record struct LineState(string Status, string AfterSale, bool Shipped, bool Completed);

/// <summary>Each platform's status words for an order's life, as of an export moment.</summary>
internal static class OrderStates
{
    public static LineState Douyin(DemoOrder order, DemoOrderLine line, DateTime at)
    {
        if (order.Paid is null)
        {
            return new LineState(at < order.ClosedUnpaidAt ? "待支付" : "已关闭", "-", false, false);
        }

        if (line.IsRefundedBy(at))
        {
            // What happened before the refund stays in the export: a refund never erases a time.
            return new LineState("已关闭", "退款成功", order.Shipped < line.RefundedAt, order.Completed < line.RefundedAt);
        }

        var afterSale = line.AfterSaleClosed && at >= order.Completed ? "售后关闭" : "-";
        return at < order.Shipped ? new LineState("待发货", afterSale, false, false)
            : at < order.Completed ? new LineState("已发货", afterSale, true, false)
            : new LineState("已完成", afterSale, true, true);
    }

    public static LineState Pdd(DemoOrder order, DateTime at)
    {
        const string NoAfterSale = "无售后或售后取消";
        var line = order.Lines[0];
        if (order.Paid is null)
        {
            return new LineState(at < order.ClosedUnpaidAt ? "待支付" : "已取消", NoAfterSale, false, false);
        }

        if (line.IsRefundedBy(at))
        {
            // Full-width comma, as PDD writes it.
            return order.Shipped < line.RefundedAt
                ? new LineState("已发货，退款成功", "退款成功", true, order.Completed < line.RefundedAt)
                : new LineState("未发货，退款成功", "退款成功", false, false);
        }

        return at < order.Shipped ? new LineState("待发货", NoAfterSale, false, false)
            : at < order.Completed ? new LineState("已发货，待签收", NoAfterSale, true, false)
            : new LineState("已签收", NoAfterSale, true, true);
    }

    /// <summary>淘宝/天猫 states the order as a whole; an order all of whose items were refunded is 交易关闭.</summary>
    public static LineState Taobao(DemoOrder order, DateTime at)
    {
        if (order.Paid is null)
        {
            return new LineState(at < order.ClosedUnpaidAt ? "等待买家付款" : "交易关闭", "", false, false);
        }

        if (order.Lines.All(l => l.IsRefundedBy(at)))
        {
            return new LineState("交易关闭", "退款成功", order.Shipped < order.Lines[0].RefundedAt, false);
        }

        // 千牛 writes the first of these with an ASCII comma in some exports and a full-width one in others.
        return at < order.Shipped ? new LineState(order.Flavor % 2 == 0 ? "买家已付款，等待卖家发货" : "买家已付款,等待卖家发货", "", false, false)
            : at < order.Completed ? new LineState("卖家已发货，等待买家确认", "", true, false)
            : new LineState("交易成功", "", true, true);
    }

    /// <summary>快手: one SKU per order; a refund closes the order and its 售后状态 says 退款成功.</summary>
    public static LineState Kuaishou(DemoOrder order, DateTime at)
    {
        var line = order.Lines[0];
        if (order.Paid is null)
        {
            return new LineState(at < order.ClosedUnpaidAt ? "待付款" : "交易关闭", "-", false, false);
        }

        if (line.IsRefundedBy(at))
        {
            return new LineState("交易关闭", "退款成功", order.Shipped < line.RefundedAt, false);
        }

        return at < order.Shipped ? new LineState("待发货", "-", false, false)
            : at < order.Completed ? new LineState("已发货", "-", true, false)
            : new LineState("交易成功", "-", true, true);
    }

    /// <summary>JD has no refund column, and the demo's JD orders are never refunded.</summary>
    public static LineState Jd(DemoOrder order, DateTime at)
    {
        if (order.Paid is null)
        {
            return new LineState(at < order.ClosedUnpaidAt ? "等待付款" : "已取消", "", false, false);
        }

        return at < order.Shipped ? new LineState("等待出库", "", false, false)
            : at < order.Completed ? new LineState("等待确认收货", "", true, false)
            : new LineState(order.DeletedOnJd ? "(删除)完成" : "完成", "", true, true);
    }
}
