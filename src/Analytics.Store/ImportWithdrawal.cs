using Analytics.Ingestion.Importing;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Store;

/// <summary>
/// Takes an import back. After withdrawing import X, every figure, ranking, rollup and buyer count is what importing
/// every other landed import in its original order would give: the orders X wrote (first or as their current version)
/// are taken out with everything derived from them, and the shop's other landed imports are replayed from the archive
/// for exactly those orders, in the order they landed. One transaction: it happens whole or not at all.
/// </summary>
internal sealed class ImportWithdrawal(SqliteConnection connection, Importer importer, ExportArchive archive, bool maintainRollups)
{
    public async Task<ImportReceipt> WithdrawAsync(long importId, string by, string at, CancellationToken cancellationToken)
    {
        var withdrawn = ImportLog.Find(connection, importId)
            ?? throw new WithdrawRefusedException(WithdrawRefusal.NotFound, $"没有导入 #{importId}。", $"There is no import #{importId}.");
        if (!withdrawn.Landed)
        {
            var state = withdrawn.Status switch
            {
                ImportStatus.Withdrawn => $"已于 {withdrawn.WithdrawnAt} 由 {withdrawn.WithdrawnBy} 撤回",
                ImportStatus.Duplicate => $"与导入 #{withdrawn.SameFileImportId} 内容相同，本身没有改变任何数据",
                _ => "被拒收，没有数据入库",
            };
            throw new WithdrawRefusedException(WithdrawRefusal.NotLanded, $"导入 #{importId} {state}，无需撤回。",
                $"Import #{importId} is {withdrawn.Status}; only a landed import can be withdrawn.");
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        var others = ImportLog.LandedOfShop(connection, transaction, withdrawn.Platform!, withdrawn.Shop!).Where(i => i.ImportId != importId).ToList();
        var missing = others.Where(i => !archive.HasEveryFileOf(i)).Select(i => $"#{i.ImportId} {i.FileName}").ToList();
        if (missing.Count > 0)
        {
            throw new WithdrawRefusedException(WithdrawRefusal.ArchiveIncomplete,
                $"撤回需要重放店铺“{withdrawn.Shop}”的其他导入，但归档中缺少这些文件：{string.Join("、", missing)}。没有作任何更改。",
                $"Withdrawing replays the shop's other imports, but the archive lacks: {string.Join(", ", missing)}. Nothing was changed.");
        }

        var affected = OrdersWrittenBy(transaction, withdrawn);
        using (var removal = new OrderRemoval(connection, transaction, withdrawn.Platform!))
        {
            foreach (var orderId in affected)
                removal.Remove(withdrawn.Shop!, orderId);
            removal.Finish();
        }
        ImportLog.MarkWithdrawn(connection, transaction, importId, at, by);
        if (affected.Count > 0)
        {
            foreach (var other in others)
            {
                await importer.ReplayAsync(archive.Find(other.ArchivedAs)!, archive.Find(other.CompanionArchivedAs), other,
                    (platform, exportedAt) => SqliteImportSink.Replay(connection, transaction, other, platform, exportedAt, maintainRollups),
                    affected, cancellationToken);
            }
        }
        Rollups.RebuildTitles(connection, transaction, withdrawn.Platform!, withdrawn.Shop!);
        StoreEvents.Record(connection, transaction, at, "withdraw", by,
            $"导入 #{importId} {withdrawn.FileName}（{withdrawn.Shop}）：撤回，涉及订单 {affected.Count}");
        transaction.Commit();
        return ImportLog.Find(connection, importId)!;
    }

    /// <summary>The orders whose stored state came from this import: it brought them first, or its version is the stored one.</summary>
    private HashSet<string> OrdersWrittenBy(SqliteTransaction transaction, ImportReceipt import)
    {
        const string sql = """
            SELECT order_id FROM orders
            WHERE platform = @Platform AND shop = @Shop AND (first_import_id = @ImportId OR last_import_id = @ImportId)
            UNION
            SELECT order_id FROM order_lines
            WHERE platform = @Platform AND shop = @Shop AND (first_import_id = @ImportId OR last_import_id = @ImportId)
            """;
        return connection.Query<string>(sql, new { import.Platform, import.Shop, import.ImportId }, transaction).ToHashSet(StringComparer.Ordinal);
    }
}

public enum WithdrawRefusal { NotFound, NotLanded, ArchiveIncomplete }

/// <summary>A withdrawal that was not made, and why; nothing was changed.</summary>
public sealed class WithdrawRefusedException(WithdrawRefusal refusal, string message, string messageEn) : Exception(message)
{
    public WithdrawRefusal Refusal { get; } = refusal;
    public string MessageEn { get; } = messageEn;
}
