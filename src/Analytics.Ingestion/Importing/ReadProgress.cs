using Analytics.Ingestion.Formats;

namespace Analytics.Ingestion.Importing;

/// <summary>Counters the reading side keeps; read by the writing side only after reading has finished.</summary>
internal sealed class ReadProgress
{
    /// <summary>A broken 1M-row file must not fill memory with problems; the count stays exact.</summary>
    private const int MaxProblemsKept = 1000;

    private readonly List<RowProblem> _problems = [];
    private int _fromOrderCreated, _fromOrderNumber;

    public int RowsRead;
    public int RowsRejected;
    public int UnpaidLines;
    public string? LatestPaidAt;

    public IReadOnlyList<RowProblem> Problems => _problems;

    public void Reject(RowProblem problem)
    {
        RowsRejected++;
        if (_problems.Count < MaxProblemsKept)
            _problems.Add(problem);
    }

    public void Count(ImportedOrder order)
    {
        if (order.PaidAt is null)
            UnpaidLines += order.Lines.Count;
        else if (LatestPaidAt is null || string.CompareOrdinal(order.PaidAt, LatestPaidAt) > 0)
            LatestPaidAt = order.PaidAt;
        if (order.PaidAt is not null && order.PaidAtSource == PaymentTimeSource.OrderCreatedColumn)
            _fromOrderCreated++;
        else if (order.PaidAtSource == PaymentTimeSource.OrderNumberDate)
            _fromOrderNumber++;
    }

    public string DescribeFallbacks() => string.Join("; ", new[]
    {
        _fromOrderCreated > 0 ? $"payment time taken from 订单成交时间 (no 支付时间 column): {_fromOrderCreated} orders" : null,
        _fromOrderNumber > 0 ? $"payment time taken from the date in 订单号 (times blank): {_fromOrderNumber} orders" : null,
    }.OfType<string>());
}
