using Analytics.Ingestion.Formats;
using Analytics.Ingestion.Orders;

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
    public string? EarliestPaidAt;

    /// <summary>The latest event time written anywhere in the file: the tie-break between two versions of an order.</summary>
    public string? FileLatestAt;

    public IReadOnlyList<RowProblem> Problems => _problems;

    /// <param name="rows">How many rows the problem stands for (the item rows of an order that could not be completed).</param>
    public void Reject(RowProblem problem, int rows = 1)
    {
        RowsRejected += rows;
        if (_problems.Count < MaxProblemsKept)
            _problems.Add(problem);
    }

    public void Count(ImportedOrder order)
    {
        if (order.LatestEventTime is { } latest && (FileLatestAt is null || string.CompareOrdinal(latest, FileLatestAt) > 0))
            FileLatestAt = latest;
        if (order.PaidAt is null)
            UnpaidLines += order.Lines.Count;
        else
        {
            if (LatestPaidAt is null || string.CompareOrdinal(order.PaidAt, LatestPaidAt) > 0)
                LatestPaidAt = order.PaidAt;
            if (EarliestPaidAt is null || string.CompareOrdinal(order.PaidAt, EarliestPaidAt) < 0)
                EarliestPaidAt = order.PaidAt;
        }
        if (order.PaidAt is not null && order.PaidAtSource == PaymentTimeSource.OrderCreatedColumn)
            _fromOrderCreated++;
        else if (order.PaidAtSource == PaymentTimeSource.OrderNumberDate)
            _fromOrderNumber++;
    }

    /// <summary>Adds what the writing side counted (orders it completed from the store) once reading has finished.</summary>
    public void Absorb(ReadProgress other)
    {
        RowsRejected += other.RowsRejected;
        _problems.AddRange(other._problems.Take(MaxProblemsKept - _problems.Count));
        UnpaidLines += other.UnpaidLines;
        _fromOrderCreated += other._fromOrderCreated;
        _fromOrderNumber += other._fromOrderNumber;
        if (other.LatestPaidAt is not null && (LatestPaidAt is null || string.CompareOrdinal(other.LatestPaidAt, LatestPaidAt) > 0))
            LatestPaidAt = other.LatestPaidAt;
        if (other.EarliestPaidAt is not null && (EarliestPaidAt is null || string.CompareOrdinal(other.EarliestPaidAt, EarliestPaidAt) < 0))
            EarliestPaidAt = other.EarliestPaidAt;
    }

    public string DescribeFallbacks() => string.Join("；", new[]
    {
        _fromOrderCreated > 0 ? $"支付时间取自订单成交时间（文件无支付时间列）：{_fromOrderCreated} 单" : null,
        _fromOrderNumber > 0 ? $"支付时间取自订单号中的日期（时间为空）：{_fromOrderNumber} 单" : null,
    }.OfType<string>());
}
