using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Store;

/// <summary>
/// Keeps <c>buyer_years</c> and the period histograms in step with one import's orders, inside its transaction:
/// a new paid order adds its day to its buyer's year; a stored order whose day or buyer changed moves. New orders'
/// days are collected in a temporary table and merged in buyer order at the end (a million random-key updates one
/// by one cost more than the import itself); histogram changes are summed in memory and written once.
/// </summary>
internal sealed class BuyerStats : IDisposable
{
    private const string ReadYear = "SELECT days FROM buyer_years WHERE platform = @platform AND buyer_key = @buyer_key AND year = @year";
    private const string WriteYear = """
        INSERT INTO buyer_years (platform, buyer_key, year, days) VALUES (@platform, @buyer_key, @year, @days)
        ON CONFLICT (platform, buyer_key, year) DO UPDATE SET days = excluded.days
        """;
    private const string DeleteYear = "DELETE FROM buyer_years WHERE platform = @platform AND buyer_key = @buyer_key AND year = @year";

    private const string CollectDay = "INSERT INTO temp.new_buyer_days (buyer_key, day) VALUES (@buyer_key, @day)";
    private const string CollectedDays = "SELECT buyer_key, day FROM temp.new_buyer_days ORDER BY buyer_key, day";

    private readonly string _platform;
    private readonly SqliteStatement _read, _write, _delete, _collect;
    private readonly PeriodHistogram _histogram = new();
    private readonly BuyerYear _year = new(1, null);

    public BuyerStats(SqliteConnection connection, string platform)
    {
        _platform = platform;
        connection.Execute("CREATE TEMP TABLE IF NOT EXISTS new_buyer_days (buyer_key TEXT NOT NULL, day INTEGER NOT NULL); DELETE FROM temp.new_buyer_days;");
        (_read, _write, _delete) = (new SqliteStatement(connection, ReadYear), new SqliteStatement(connection, WriteYear), new SqliteStatement(connection, DeleteYear));
        _collect = new SqliteStatement(connection, CollectDay);
        foreach (var statement in new[] { _read, _write, _delete })
            statement.Bind(statement.Index("@platform"), platform);
    }

    /// <summary>A new paid order: its day joins its buyer's year when <see cref="Apply"/> merges.</summary>
    public void Add(string buyerKey, string paidAt)
    {
        _collect.Bind(1, buyerKey);
        _collect.Bind(2, Day(paidAt).DayNumber);
        _collect.Execute();
    }

    /// <summary>A stored order changed: its old (buyer, payment) leaves and its new one arrives; either may be unpaid or without a buyer.</summary>
    public void Move(string? oldBuyer, string? oldPaidAt, string? newBuyer, string? newPaidAt)
    {
        if (oldBuyer == newBuyer && oldPaidAt?[..Math.Min(10, oldPaidAt.Length)] == newPaidAt?[..Math.Min(10, newPaidAt.Length)])
            return;
        if (oldBuyer is not null && oldPaidAt is not null)
            Edit(oldBuyer, Day(oldPaidAt), (year, day) => year.Remove(day));
        if (newBuyer is not null && newPaidAt is not null)
            Edit(newBuyer, Day(newPaidAt), (year, day) => year.Add(day));
    }

    public void Apply(SqliteConnection connection, SqliteTransaction transaction)
    {
        // The collected days in buyer order; each buyer-year's stored row is read by key in that same order, so
        // both the reads and the writes of buyer_years walk its B-tree once, front to back. The query reads only
        // the temporary table, so writing buyer_years meanwhile is safe.
        using (var collected = new SqliteStatement(connection, CollectedDays))
        {
            string? currentKey = null;
            while (collected.Step())
            {
                var day = DateOnly.FromDayNumber((int)collected.ColumnInt64(1));
                var buyerKey = currentKey is not null && collected.ColumnTextEquals(0, currentKey) ? currentKey : collected.ColumnText(0);
                if (!ReferenceEquals(buyerKey, currentKey) || day.Year != _year.Year)
                {
                    Write(currentKey);
                    currentKey = buyerKey;
                    Load(buyerKey, day.Year);
                }
                _year.Add(day);
            }
            Write(currentKey);
        }
        connection.Execute("DELETE FROM temp.new_buyer_days", transaction: transaction);
        ApplyHistogram(connection, transaction, _platform, _histogram);
        _histogram.Clear();
    }

    /// <summary>Reads the buyer's stored year into the reused <see cref="BuyerYear"/> and takes its old contribution out of the histogram.</summary>
    private void Load(string buyerKey, int year)
    {
        _read.Bind(_read.Index("@buyer_key"), buyerKey);
        _read.Bind(_read.Index("@year"), year);
        var stored = _read.QueryText();
        _year.Load(year, stored);
        if (stored is not null)
            _year.Count(_histogram, -1);
    }

    private void Write(string? buyerKey)
    {
        if (buyerKey is null)
            return;
        _year.Count(_histogram, +1);
        _write.Bind(_write.Index("@buyer_key"), buyerKey);
        _write.Bind(_write.Index("@year"), _year.Year);
        _write.Bind(_write.Index("@days"), _year.Stored());
        _write.Execute();
    }

    /// <summary>Rebuilds everything from the stored orders (for a database that had orders before these tables existed).</summary>
    public static void RebuildAll(SqliteConnection connection, SqliteTransaction transaction)
    {
        const string paidOrders = """
            SELECT platform, buyer_key, paid_at FROM orders
            WHERE buyer_key IS NOT NULL AND paid_at IS NOT NULL
            ORDER BY platform, buyer_key
            """;
        var histograms = new Dictionary<string, PeriodHistogram>();
        var rows = new List<object>();
        foreach (var buyer in connection.Query<(string Platform, string BuyerKey, string PaidAt)>(paidOrders, transaction: transaction)
                     .GroupBy(o => (o.Platform, o.BuyerKey)))
        {
            foreach (var year in buyer.GroupBy(o => Day(o.PaidAt).Year))
            {
                var days = new BuyerYear(year.Key, null);
                foreach (var order in year)
                    days.Add(Day(order.PaidAt));
                var histogram = histograms.TryGetValue(buyer.Key.Platform, out var h) ? h : histograms[buyer.Key.Platform] = new();
                days.Count(histogram, +1);
                rows.Add(new { platform = buyer.Key.Platform, buyer_key = buyer.Key.BuyerKey, year = year.Key, days = days.Stored() });
            }
        }
        connection.Execute(WriteYear, rows, transaction);
        foreach (var (platform, histogram) in histograms)
            ApplyHistogram(connection, transaction, platform, histogram);
    }

    private void Edit(string buyerKey, DateOnly day, Action<BuyerYear, DateOnly> edit)
    {
        Load(buyerKey, day.Year);
        edit(_year, day);
        _year.Count(_histogram, +1);
        var statement = _year.IsEmpty ? _delete : _write;
        statement.Bind(statement.Index("@buyer_key"), buyerKey);
        statement.Bind(statement.Index("@year"), day.Year);
        if (!_year.IsEmpty)
            statement.Bind(statement.Index("@days"), _year.Stored());
        statement.Execute();
    }

    private static void ApplyHistogram(SqliteConnection connection, SqliteTransaction transaction, string platform,
        PeriodHistogram histogram)
    {
        const string add = """
            INSERT INTO buyer_period_days (period, platform, day, firsts, seconds) VALUES (@period, @platform, @day, @firsts, @seconds)
            ON CONFLICT (period, platform, day) DO UPDATE SET firsts = firsts + excluded.firsts, seconds = seconds + excluded.seconds
            """;
        connection.Execute(add, histogram.Changes().Select(h => new
        {
            period = h.Period, platform, day = BuyerPeriods.Text(h.Day), firsts = h.Firsts, seconds = h.Seconds,
        }), transaction);
        connection.Execute("DELETE FROM buyer_period_days WHERE firsts = 0 AND seconds = 0 AND platform = @platform", new { platform }, transaction);
    }

    private static DateOnly Day(string paidAt) => DateOnly.ParseExact(paidAt.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _read.Dispose();
        _write.Dispose();
        _delete.Dispose();
        _collect.Dispose();
    }
}
