using Analytics.Ingestion.Formats;
using Analytics.Ingestion.Importing;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Ingestion.Store;

/// <summary>The record of every file given to the service, landed or rejected, newest first.</summary>
public static class ImportLog
{
    internal static long Begin(SqliteConnection connection, SqliteTransaction transaction, string fileName, string sha256, string source, string startedAt)
    {
        const string sql = """
            INSERT INTO imports (file_name, sha256, source, status, started_at, finished_at)
            VALUES (@fileName, @sha256, @source, 'landed', @startedAt, @startedAt)
            RETURNING id
            """;
        return connection.ExecuteScalar<long>(sql, new { fileName, sha256, source, startedAt }, transaction);
    }

    internal static void Finish(SqliteConnection connection, SqliteTransaction? transaction, ImportReceipt receipt)
    {
        const string sql = """
            UPDATE imports SET status = @Status, reason = @Reason, platform = @Platform, layout = @Layout, shop = @Shop,
                encoding = @Encoding, exported_at = @ExportedAt, rows_read = @RowsRead, lines_new = @LinesNew,
                lines_updated = @LinesUpdated, lines_unchanged = @LinesUnchanged, rows_rejected = @RowsRejected,
                summary_rows = @SummaryRows, orders_touched = @OrdersTouched, unpaid_lines = @UnpaidLines,
                fallbacks = @Fallbacks, latest_paid_at = @LatestPaidAt, finished_at = @FinishedAt
            WHERE id = @ImportId
            """;
        connection.Execute(sql, new
        {
            Status = receipt.Landed ? "landed" : "rejected", receipt.Reason, receipt.Platform, receipt.Layout, receipt.Shop,
            receipt.Encoding, receipt.ExportedAt, receipt.RowsRead, receipt.LinesNew, receipt.LinesUpdated, receipt.LinesUnchanged,
            receipt.RowsRejected, receipt.SummaryRows, receipt.OrdersTouched, receipt.UnpaidLines, receipt.Fallbacks, receipt.LatestPaidAt,
            receipt.FinishedAt, receipt.ImportId,
        }, transaction);

        const string problem = "INSERT INTO import_problems (import_id, line, sheet, column, reason) VALUES (@importId, @Line, @Sheet, @Column, @Reason)";
        connection.Execute(problem, receipt.Problems.Select(p => new { importId = receipt.ImportId, p.Line, p.Sheet, p.Column, p.Reason }), transaction);
    }

    /// <summary>A rejected file: nothing of it is stored but this record of why.</summary>
    internal static long RecordRejection(SqliteConnection connection, ImportReceipt receipt)
    {
        using var transaction = connection.BeginTransaction();
        var id = Begin(connection, transaction, receipt.FileName, receipt.Sha256, receipt.Source, receipt.StartedAt);
        Finish(connection, transaction, receipt with { ImportId = id });
        transaction.Commit();
        return id;
    }

    internal static long? LandedWithSameContent(SqliteConnection connection, string sha256) =>
        connection.ExecuteScalar<long?>("SELECT max(id) FROM imports WHERE sha256 = @sha256 AND status = 'landed'", new { sha256 });

    public static IReadOnlyList<ImportReceipt> List(SqliteConnection connection, int limit = 200) =>
        connection.Query<ImportReceipt>(SelectReceipts + " ORDER BY id DESC LIMIT @limit", new { limit }).ToList();

    public static ImportReceipt? Find(SqliteConnection connection, long importId) =>
        connection.QuerySingleOrDefault<ImportReceipt>(SelectReceipts + " WHERE id = @importId", new { importId }) is { } receipt
            ? receipt with { Problems = Problems(connection, importId) }
            : null;

    private const string SelectReceipts = """
            SELECT id AS ImportId, file_name AS FileName, sha256 AS Sha256, source AS Source, status = 'landed' AS Landed,
                   reason AS Reason, platform AS Platform, layout AS Layout, shop AS Shop, encoding AS Encoding,
                   exported_at AS ExportedAt, rows_read AS RowsRead, lines_new AS LinesNew, lines_updated AS LinesUpdated,
                   lines_unchanged AS LinesUnchanged, rows_rejected AS RowsRejected, summary_rows AS SummaryRows,
                   orders_touched AS OrdersTouched, unpaid_lines AS UnpaidLines, fallbacks AS Fallbacks, latest_paid_at AS LatestPaidAt,
                   started_at AS StartedAt, finished_at AS FinishedAt
            FROM imports
            """;

    public static IReadOnlyList<RowProblem> Problems(SqliteConnection connection, long importId)
    {
        const string sql = "SELECT line, sheet, column, reason FROM import_problems WHERE import_id = @importId ORDER BY rowid";
        return connection.Query<(long Line, string? Sheet, string? Column, string Reason)>(sql, new { importId })
            .Select(p => new RowProblem((int)p.Line, p.Sheet, p.Column, p.Reason)).ToList();
    }
}
