using Analytics.Ingestion.Importing;
using Analytics.Store;
using Dapper;

namespace Analytics.Tests.Support;

/// <summary>A fresh SQLite database in its own temporary folder, imported into through the real importer.</summary>
internal sealed class TestStore : IDisposable
{
    /// <param name="formatsDirectory">The bureau's mapping-file folder (Formats:Path), if the test gives one.</param>
    public TestStore(string? formatsDirectory = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "analytics-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Options = new StoreOptions
        {
            DatabasePath = Path.Combine(Folder, "analytics.db"),
            BuyerKeyFile = Path.Combine(Folder, "buyer.key"),
            FormatsDirectory = formatsDirectory,
        };
        // One key for every test store, so that two stores fed the same exports hold the same buyer keys and can be compared.
        File.WriteAllText(Options.BuyerKeyFile, "test-buyer-key-shared-by-every-test-store\n");
        Store = new AnalyticsStore(Options, TimeProvider.System);
    }

    public string Folder { get; }
    public StoreOptions Options { get; }
    public AnalyticsStore Store { get; }

    public string Write(string fileName, byte[] bytes)
    {
        var path = Path.Combine(Folder, "files", fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public Task<ImportReceipt> ImportAsync(string fileName, byte[] bytes, string? shop = "测试店") =>
        Store.ImportAsync(Write(fileName, bytes), new ImportRequest("test", shop));

    /// <summary>Files given together, as on one command line: zips opened, an orders file and its items file one import.</summary>
    public Task<IReadOnlyList<ImportReceipt>> ImportTogetherAsync(string? shop, params (string Name, byte[] Bytes)[] files) =>
        Store.ImportAllAsync(files.Select(f => new ExportFile(Write(Path.Combine(Guid.NewGuid().ToString("N"), f.Name), f.Bytes), f.Name)).ToList(),
            new ImportRequest("test", shop));

    public IReadOnlyList<StoredOrder> Orders()
    {
        using var connection = Store.Open();
        return connection.Query<StoredOrder>("""
            SELECT platform, shop, order_id AS OrderId, paid_at AS PaidAt, payment_time_source AS PaymentTimeSource, status,
                   province_code AS ProvinceCode, city, district, buyer_key AS BuyerKey, buyer_source AS BuyerSource,
                   gmv_fen AS GmvFen, refund_fen AS RefundFen, units, line_count AS LineCount
            FROM orders ORDER BY platform, shop, order_id
            """).ToList();
    }

    public IReadOnlyList<StoredLine> Lines()
    {
        using var connection = Store.Open();
        return connection.Query<StoredLine>("""
            SELECT order_id AS OrderId, line_id AS LineId, product_id AS ProductId, product_title AS ProductTitle,
                   quantity, amount_fen AS AmountFen, refund_fen AS RefundFen, status, after_sale_status AS AfterSaleStatus
            FROM order_lines ORDER BY order_id, line_id
            """).ToList();
    }

    /// <summary>Every stored order and line as text, to prove a rejected file changed nothing.</summary>
    public string Snapshot()
    {
        using var connection = Store.Open();
        var orders = connection.Query("SELECT * FROM orders ORDER BY platform, shop, order_id").Select(r => string.Join('|', ((IDictionary<string, object?>)r).Values));
        var lines = connection.Query("SELECT * FROM order_lines ORDER BY platform, shop, order_id, line_id").Select(r => string.Join('|', ((IDictionary<string, object?>)r).Values));
        return string.Join('\n', orders.Concat(lines));
    }

    public void Dispose()
    {
        Store.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A test that failed may still hold a file open; the temp folder is harmless.
        }
    }
}

internal sealed record StoredOrder
{
    public required string Platform { get; init; }
    public required string Shop { get; init; }
    public required string OrderId { get; init; }
    public string? PaidAt { get; init; }
    public required string PaymentTimeSource { get; init; }
    public string? Status { get; init; }
    public string? ProvinceCode { get; init; }
    public string? City { get; init; }
    public string? District { get; init; }
    public string? BuyerKey { get; init; }
    public required string BuyerSource { get; init; }
    public long GmvFen { get; init; }
    public long RefundFen { get; init; }
    public long Units { get; init; }
    public long LineCount { get; init; }
}

internal sealed record StoredLine
{
    public required string OrderId { get; init; }
    public required string LineId { get; init; }
    public string? ProductId { get; init; }
    public string? ProductTitle { get; init; }
    public long Quantity { get; init; }
    public long AmountFen { get; init; }
    public long RefundFen { get; init; }
    public string? Status { get; init; }
    public string? AfterSaleStatus { get; init; }
}
