using Analytics.Ingestion.Formats;
using Analytics.Ingestion.Importing;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Store;

/// <summary>The record of every file given to the service — landed, rejected, a duplicate or withdrawn — newest first.</summary>
internal static class ImportLog
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
                fallbacks = @Fallbacks, latest_paid_at = @LatestPaidAt, finished_at = @FinishedAt, file_latest_at = @FileLatestAt,
                archived_as = @ArchivedAs, same_as_import_id = @SameFileImportId, orders_older_kept = @OrdersOlderKept,
                shop_registered = @ShopRegistered, earliest_paid_at = @EarliestPaidAt, imported_by = @ImportedBy,
                companion_file_name = @CompanionFileName, companion_sha256 = @CompanionSha256, companion_archived_as = @CompanionArchivedAs,
                orders_without_items = @OrdersWithoutItems, items_file_awaited = @ItemsFileAwaited, orders_completed = @OrdersCompleted,
                missing_columns = @MissingColumns, new_columns = @NewColumns
            WHERE id = @ImportId
            """;
        connection.Execute(sql, new
        {
            receipt.Status, Reason = ReasonText(receipt), receipt.Platform, receipt.Layout, receipt.Shop,
            receipt.Encoding, receipt.ExportedAt, receipt.RowsRead, receipt.LinesNew, receipt.LinesUpdated, receipt.LinesUnchanged,
            receipt.RowsRejected, receipt.SummaryRows, receipt.OrdersTouched, receipt.UnpaidLines, receipt.Fallbacks, receipt.LatestPaidAt,
            receipt.FinishedAt, receipt.FileLatestAt, receipt.ArchivedAs, receipt.SameFileImportId, receipt.OrdersOlderKept,
            receipt.ShopRegistered, receipt.EarliestPaidAt, receipt.ImportedBy, receipt.ImportId,
            receipt.CompanionFileName, receipt.CompanionSha256, receipt.CompanionArchivedAs,
            receipt.OrdersWithoutItems, receipt.ItemsFileAwaited, receipt.OrdersCompleted, receipt.MissingColumns, receipt.NewColumns,
        }, transaction);

        ReplaceProblems(connection, transaction, receipt);
    }

    /// <summary>
    /// After a rebuild replayed the file: what the file itself holds as the readers now read it (a reader fix shows
    /// here). What the import did at the time — lines new, updated, older kept — is history and stays as it was.
    /// </summary>
    internal static void RefreshFileFacts(SqliteConnection connection, SqliteTransaction transaction, ImportReceipt receipt)
    {
        const string sql = """
            UPDATE imports SET platform = @Platform, layout = @Layout, encoding = @Encoding, exported_at = @ExportedAt,
                rows_read = @RowsRead, rows_rejected = @RowsRejected, summary_rows = @SummaryRows, unpaid_lines = @UnpaidLines,
                fallbacks = @Fallbacks, latest_paid_at = @LatestPaidAt, file_latest_at = @FileLatestAt,
                missing_columns = @MissingColumns, new_columns = @NewColumns
            WHERE id = @ImportId
            """;
        connection.Execute(sql, receipt, transaction);
        ReplaceProblems(connection, transaction, receipt);
    }

    private static void ReplaceProblems(SqliteConnection connection, SqliteTransaction? transaction, ImportReceipt receipt)
    {
        const string deleteProblems = "DELETE FROM import_problems WHERE import_id = @ImportId";
        connection.Execute(deleteProblems, new { receipt.ImportId }, transaction);
        const string problem = """
            INSERT INTO import_problems (import_id, line, sheet, column, reason, reason_en)
            VALUES (@importId, @Line, @Sheet, @Column, @Reason, @ReasonEn)
            """;
        connection.Execute(problem, receipt.Problems.Select(p => new { importId = receipt.ImportId, p.Line, p.Sheet, p.Column, p.Reason, p.ReasonEn }), transaction);
    }

    // The reason column keeps both wordings: Chinese, then the English on its own line.
    private static string? ReasonText(ImportReceipt receipt) =>
        receipt.Reason is null ? null : receipt.ReasonEn is null ? receipt.Reason : receipt.Reason + "\n" + receipt.ReasonEn;

    /// <summary>A file that changed nothing (rejected, or the same bytes again): only this record of it is stored.</summary>
    internal static long RecordUnlanded(SqliteConnection connection, ImportReceipt receipt)
    {
        using var transaction = connection.BeginTransaction();
        var id = Begin(connection, transaction, receipt.FileName, receipt.Sha256, receipt.Source, receipt.StartedAt);
        Finish(connection, transaction, receipt with { ImportId = id });
        transaction.Commit();
        return id;
    }

    /// <summary>
    /// The landed import of exactly these bytes, if any — for a two-file import, of exactly these two files; a withdrawn one
    /// no longer counts. An orders file that landed alone is not the same as that file with its items file.
    /// </summary>
    internal static ImportReceipt? LandedWithSameContent(SqliteConnection connection, string sha256, string? companionSha256)
    {
        const string sql = """
            SELECT max(id) FROM imports
            WHERE sha256 = @sha256 AND status = 'landed' AND coalesce(companion_sha256, '') = coalesce(@companionSha256, '')
            """;
        var id = connection.ExecuteScalar<long?>(sql, new { sha256, companionSha256 });
        return id is null ? null : Find(connection, id.Value);
    }

    /// <summary>The tie-break time of the import whose version of an order is stored.</summary>
    internal static string? FileLatestAt(SqliteConnection connection, SqliteTransaction transaction, long importId) =>
        connection.ExecuteScalar<string?>("SELECT file_latest_at FROM imports WHERE id = @importId", new { importId }, transaction);

    internal static void MarkWithdrawn(SqliteConnection connection, SqliteTransaction transaction, long importId, string at, string by)
    {
        const string sql = "UPDATE imports SET status = 'withdrawn', withdrawn_at = @at, withdrawn_by = @by WHERE id = @importId";
        connection.Execute(sql, new { importId, at, by }, transaction);
    }

    /// <summary>Landed imports of one shop, in the order they landed: what a withdrawal replays.</summary>
    internal static IReadOnlyList<ImportReceipt> LandedOfShop(SqliteConnection connection, SqliteTransaction transaction, string platform, string shop) =>
        connection.Query<ImportReceipt>(SelectReceipts + " WHERE status = 'landed' AND platform = @platform AND shop = @shop ORDER BY id",
            new { platform, shop }, transaction).ToList();

    /// <summary>Every landed import in the order it landed: what a rebuild replays.</summary>
    internal static IReadOnlyList<ImportReceipt> Landed(SqliteConnection connection) =>
        connection.Query<ImportReceipt>(SelectReceipts + " WHERE status = 'landed' ORDER BY id").ToList();

    /// <summary>
    /// When the figures from <paramref name="fromPaidAt"/> on last changed (Beijing time): the newest landing or withdrawal
    /// of an import whose orders reach that far. A report written before then is out of date.
    /// </summary>
    public static string? LastChangeFrom(SqliteConnection connection, string fromPaidAt) =>
        connection.ExecuteScalar<string?>(
            """
            SELECT max(changed_at) FROM (
                SELECT max(finished_at) AS changed_at FROM imports WHERE status = 'landed' AND latest_paid_at >= @fromPaidAt
                UNION ALL
                SELECT max(withdrawn_at) FROM imports WHERE status = 'withdrawn' AND latest_paid_at >= @fromPaidAt)
            """, new { fromPaidAt });

    /// <summary>Per platform and shop with landed imports: the latest payment time they brought, and the last import and export.</summary>
    public static IReadOnlyList<ShopImports> PerShop(SqliteConnection connection) =>
        connection.Query<ShopImports>(
            """
            SELECT i.platform AS Platform, coalesce(p.name, i.platform) AS PlatformName, i.shop AS Shop,
                   coalesce(s.enterprise, i.shop) AS Enterprise, max(i.latest_paid_at) AS LatestPaidAt,
                   max(i.finished_at) AS LastImportAt, max(i.exported_at) AS LastExportedAt
            FROM imports i
            LEFT JOIN platforms p ON p.code = i.platform
            LEFT JOIN shops s ON s.platform = i.platform AND s.shop = i.shop
            WHERE i.status = 'landed'
            GROUP BY i.platform, i.shop
            ORDER BY i.platform, i.shop
            """).ToList();

    public static IReadOnlyList<ImportReceipt> List(SqliteConnection connection, int limit = 200) =>
        connection.Query<ImportReceipt>(SelectReceipts + " ORDER BY id DESC LIMIT @limit", new { limit }).Select(WithReasons).ToList();

    /// <summary>The imports filed under these shops, newest first (an operator's own).</summary>
    public static IReadOnlyList<ImportReceipt> OfShops(SqliteConnection connection, IReadOnlyList<string> shops, int limit) =>
        connection.Query<ImportReceipt>(SelectReceipts + " WHERE shop IN @shops ORDER BY id DESC LIMIT @limit", new { shops, limit })
            .Select(WithReasons).ToList();

    public static ImportReceipt? Find(SqliteConnection connection, long importId) =>
        connection.QuerySingleOrDefault<ImportReceipt>(SelectReceipts + " WHERE id = @importId", new { importId }) is { } receipt
            ? WithReasons(receipt) with { Problems = Problems(connection, importId) }
            : null;

    private static ImportReceipt WithReasons(ImportReceipt receipt)
    {
        if (receipt.Reason is null || receipt.Reason.IndexOf('\n', StringComparison.Ordinal) is var newline && newline < 0)
            return receipt;
        return receipt with { Reason = receipt.Reason[..newline], ReasonEn = receipt.Reason[(newline + 1)..] };
    }

    private const string SelectReceipts = """
            SELECT id AS ImportId, file_name AS FileName, sha256 AS Sha256, source AS Source, status AS Status,
                   reason AS Reason, platform AS Platform, (SELECT p.name FROM platforms p WHERE p.code = imports.platform) AS PlatformName,
                   layout AS Layout, shop AS Shop, encoding AS Encoding,
                   exported_at AS ExportedAt, rows_read AS RowsRead, lines_new AS LinesNew, lines_updated AS LinesUpdated,
                   lines_unchanged AS LinesUnchanged, rows_rejected AS RowsRejected, summary_rows AS SummaryRows,
                   orders_touched AS OrdersTouched, unpaid_lines AS UnpaidLines, fallbacks AS Fallbacks, latest_paid_at AS LatestPaidAt,
                   file_latest_at AS FileLatestAt, archived_as AS ArchivedAs, same_as_import_id AS SameFileImportId,
                   orders_older_kept AS OrdersOlderKept, shop_registered AS ShopRegistered,
                   earliest_paid_at AS EarliestPaidAt, imported_by AS ImportedBy,
                   companion_file_name AS CompanionFileName, companion_sha256 AS CompanionSha256, companion_archived_as AS CompanionArchivedAs,
                   orders_without_items AS OrdersWithoutItems, items_file_awaited AS ItemsFileAwaited, orders_completed AS OrdersCompleted,
                   missing_columns AS MissingColumns, new_columns AS NewColumns,
                   withdrawn_at AS WithdrawnAt, withdrawn_by AS WithdrawnBy, started_at AS StartedAt, finished_at AS FinishedAt
            FROM imports
            """;

    public static IReadOnlyList<RowProblem> Problems(SqliteConnection connection, long importId)
    {
        const string sql = "SELECT line, sheet, column, reason, reason_en FROM import_problems WHERE import_id = @importId ORDER BY rowid";
        return connection.Query<(long Line, string? Sheet, string? Column, string Reason, string? ReasonEn)>(sql, new { importId })
            .Select(p => new RowProblem((int)p.Line, p.Sheet, p.Column, p.Reason, p.ReasonEn)).ToList();
    }
}

/// <summary>One shop's landed imports in brief: what 数据截至 (data freshness) is made of. Times are Beijing time.</summary>
public sealed record ShopImports
{
    public required string Platform { get; init; }
    public required string PlatformName { get; init; }
    public required string Shop { get; init; }
    public required string Enterprise { get; init; }
    public string? LatestPaidAt { get; init; }
    public required string LastImportAt { get; init; }
    public string? LastExportedAt { get; init; }
}
