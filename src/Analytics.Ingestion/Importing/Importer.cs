using System.Data.Common;
using System.Security.Cryptography;
using System.Threading.Channels;
using Analytics.Ingestion.Formats;
using Analytics.Ingestion.Normalising;
using Analytics.Ingestion.Orders;
using Analytics.Ingestion.Tables;

namespace Analytics.Ingestion.Importing;

/// <summary>
/// Imports one export file: it lands whole or not at all. Parsing runs on one core while the other writes to the sink
/// (<see cref="IImportSink"/>, the store); a rejected file leaves every stored order exactly as it was and is recorded
/// with its reason. The same bytes again change nothing; a landed file is kept by the sink, from which it can be replayed.
/// </summary>
/// <param name="formats">The exports it recognises: the built-in readers and the mapped platforms; the built-in ones when not given.</param>
public sealed class Importer(IImportSink sink, BuyerKeys buyerKeys, TimeProvider time, ExportCatalog? formats = null)
{
    private const int BatchSize = 256;

    /// <summary>How many of a file's first new orders are looked for under the platform's other shops.</summary>
    private const int OrdersCheckedAgainstOtherShops = 200;

    public Task<ImportReceipt> ImportAsync(string path, ImportRequest request, CancellationToken cancellationToken = default) =>
        RunAsync(Single(path, request), request, preview: false, cancellationToken);

    /// <summary>Imports one unit of an <see cref="ExportBundle"/>: a file, an orders file with its items file, or a refusal to record.</summary>
    public Task<ImportReceipt> ImportAsync(ImportUnit unit, ImportRequest request, CancellationToken cancellationToken = default) =>
        RunAsync(unit, request, preview: false, cancellationToken);

    /// <summary>
    /// What importing the file would do, with nothing kept: the whole import runs in its transaction, which is then
    /// rolled back, and nothing is logged or archived. The receipt has no import id.
    /// </summary>
    public Task<ImportReceipt> PreviewAsync(string path, ImportRequest request, CancellationToken cancellationToken = default) =>
        RunAsync(Single(path, request), request, preview: true, cancellationToken);

    /// <summary>What importing the unit would do (see <see cref="PreviewAsync(string, ImportRequest, CancellationToken)"/>).</summary>
    public Task<ImportReceipt> PreviewAsync(ImportUnit unit, ImportRequest request, CancellationToken cancellationToken = default) =>
        RunAsync(unit, request, preview: true, cancellationToken);

    private static ImportUnit Single(string path, ImportRequest request) => new(new ExportFile(path, request.FileName ?? Path.GetFileName(path)));

    private async Task<ImportReceipt> RunAsync(ImportUnit unit, ImportRequest request, bool preview, CancellationToken cancellationToken)
    {
        var fileName = unit.File.Name;
        var startedAt = Now();
        OpenedExport? export = null;
        try
        {
            if (unit.Refusal is { } refusal)
                throw new ExportRejectedException(refusal.Reason, refusal.ReasonEn);
            export = OpenedExport.Inspect(unit.File, unit.Companion);
            if (sink.LandedWithSameContent(export.Text.Sha256, export.CompanionText?.Sha256) is { } earlier)
                return Duplicate(earlier, fileName, request, startedAt, preview);
            export.Open(sink.Provinces(), formats);
            var shop = ShopNamed(request.Shop, export.Document!.ShopInTitle ?? export.Companion?.ShopInTitle, request.Source);
            var exportedAt = ExportedAt(export.Document, fileName);
            using var batch = sink.Begin(new ImportStart(fileName, export.Text.Sha256, request.Source, startedAt, shop, export.Format.Platform, exportedAt));
            var written = await WriteAsync(export, exportedAt, batch, onlyOrders: null, otherShops: batch, replaying: false, cancellationToken);
            var receipt = Receipt(written, export, fileName, request.Source, startedAt) with
            {
                ImportId = batch.ImportId,
                Shop = batch.Shop.Shop,
                Enterprise = batch.Shop.Enterprise,
                ShopRegistered = batch.Shop.Registered,
                ShopNamedAs = batch.Shop.NamedAs,
                ImportedBy = request.By,
            };
            // A preview ends here: disposing the batch rolls every write back.
            return preview ? receipt with { ImportId = 0 } : batch.Complete(receipt, unit.File.Path, unit.Companion?.Path);
        }
        catch (Exception e) when (e is not (OperationCanceledException or DbException or IOException or UnauthorizedAccessException))
        {
            // A rejection says what is wrong with the file; anything else a parser throws on malformed bytes is still the file's fault.
            var (reason, reasonEn) = e is ExportRejectedException rejected
                ? (rejected.Message, rejected.ReasonEn)
                : ($"文件无法读取：{e.Message}", $"The file could not be read: {e.Message}");
            var receipt = new ImportReceipt
            {
                FileName = fileName,
                Sha256 = export?.Text.Sha256 ?? HashOf(unit.File.Path),
                CompanionFileName = unit.Companion?.Name,
                CompanionSha256 = export?.CompanionText?.Sha256,
                Source = request.Source,
                Status = ImportStatus.Rejected,
                Reason = reason,
                ReasonEn = reasonEn,
                Platform = export?.Document?.Format.Platform,
                PlatformName = export?.Document?.Format.PlatformName,
                Layout = export?.Document?.Reader.Layout,
                Shop = request.Shop ?? export?.Document?.ShopInTitle,
                Encoding = export?.EncodingName,
                ImportedBy = request.By,
                StartedAt = startedAt,
                FinishedAt = Now(),
            };
            return preview ? receipt : receipt with { ImportId = sink.RecordUnlanded(receipt) };
        }
        finally
        {
            export?.Dispose();
        }
    }

    /// <summary>
    /// Writes a landed import again from its archived copy into the sink the caller opens for it (under the import's own
    /// id and shop, inside the caller's transaction): all of it when a database is rebuilt, or only
    /// <paramref name="onlyOrders"/> when a withdrawal restores the orders it took out. A two-file import is replayed from
    /// both its archived files (<paramref name="archivedCompanionPath"/>).
    /// </summary>
    /// <param name="openSink">Opens the sink for the file's platform and stated export time.</param>
    public async Task<ImportReceipt> ReplayAsync(string archivedPath, string? archivedCompanionPath, ImportReceipt landed,
        Func<string, string?, IOrderSink> openSink, IReadOnlySet<string>? onlyOrders, CancellationToken cancellationToken)
    {
        var companion = archivedCompanionPath is null ? null : new ExportFile(archivedCompanionPath, landed.CompanionFileName ?? Path.GetFileName(archivedCompanionPath));
        using var export = OpenedExport.Inspect(new ExportFile(archivedPath, landed.FileName), companion);
        export.Open(sink.Provinces(), formats);
        var exportedAt = ExportedAt(export.Document!, landed.FileName);
        using var orders = openSink(export.Format.Platform, exportedAt);
        var written = await WriteAsync(export, exportedAt, orders, onlyOrders, otherShops: null, replaying: true, cancellationToken);
        return Receipt(written, export, landed.FileName, landed.Source, landed.StartedAt) with
        {
            ImportId = landed.ImportId,
            Shop = landed.Shop,
            ShopRegistered = landed.ShopRegistered,
            ArchivedAs = landed.ArchivedAs,
            CompanionArchivedAs = landed.CompanionArchivedAs,
            FinishedAt = landed.FinishedAt,
        };
    }

    /// <summary>The shop the operator chose; a file that names its own shop in a title row must agree with it.</summary>
    private string ShopNamed(string? chosen, string? inTitle, string source)
    {
        if (chosen is null)
        {
            // Each way in is told the one thing it can do about it.
            return inTitle ?? throw (source switch
            {
                "upload" => new ExportRejectedException("文件中没有写明所属店铺，上传时也没有选择店铺。请选择店铺后重新上传。",
                    "The file does not say which shop it belongs to and no shop was chosen. Choose the shop and upload it again."),
                "inbox" => new ExportRejectedException("文件中没有写明所属店铺。请把文件放入收件箱中以店铺命名的文件夹：inbox/<店铺名>/<文件>。",
                    "The file does not say which shop it belongs to. Drop it into the inbox as inbox/<shop name>/<file>."),
                _ => new ExportRejectedException("文件中没有写明所属店铺。请用 --shop 店铺名 指定。",
                    "The file does not say which shop it belongs to. Pass --shop NAME."),
            });
        }
        if (inTitle is not null && inTitle != chosen && !sink.NameOneShop(chosen, inTitle))
        {
            throw new ExportRejectedException(
                $"文件标题写明店铺为“{inTitle}”，但导入时指定的店铺是“{chosen}”。请确认这个文件属于哪个店铺。",
                $"The file's title names shop '{inTitle}', but it was imported for shop '{chosen}'. Check which shop this file belongs to.");
        }
        return chosen;
    }

    /// <summary>When the file says it was exported: a title row, else the platform's file-name convention.</summary>
    private static string? ExportedAt(ExportDocument document, string fileName) =>
        document.ExportedAtInTitle ?? (document.Format.ExportedAt(fileName) is { } at ? BeijingTime.Format(at) : null);

    private async Task<Written> WriteAsync(OpenedExport export, string? exportedAt, IOrderSink writer, IReadOnlySet<string>? onlyOrders,
        IImportBatch? otherShops, bool replaying, CancellationToken cancellationToken)
    {
        var platform = export.Format.Platform;
        var progress = new ReadProgress();
        // What the writing side learns about orders completed from the store; joined with the reading side's counts at the end.
        var completion = new ReadProgress();

        var batches = Channel.CreateBounded<List<ImportedOrder>>(new BoundedChannelOptions(16) { SingleReader = true, SingleWriter = true });
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => Read(export, platform, progress, batches.Writer, stopReading.Token), stopReading.Token);

        int orders = 0, withoutItems = 0, itemsMatched = 0, itemsUnmatched = 0;
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
            {
                foreach (var order in batch)
                {
                    if (onlyOrders is not null && !onlyOrders.Contains(order.OrderId))
                        continue;
                    if (otherShops is not null && orders < OrdersCheckedAgainstOtherShops && otherShops.OtherShopHolding(order.OrderId) is { } elsewhere)
                    {
                        throw new ExportRejectedException(
                            $"订单 {order.OrderId} 已在同一平台的店铺“{elsewhere}”中。同一平台的订单号不会在两个店铺出现：这个文件很可能选错了店铺。请确认店铺；如果是以前的导入选错了店铺，请先撤回那次导入，或用 shops merge 合并店铺。",
                            $"Order {order.OrderId} is already stored under shop '{elsewhere}' of the same platform. A platform's order numbers never appear in two shops, so this file was probably given the wrong shop. Check the shop; if an earlier import had the wrong shop, withdraw it or merge the shops.");
                    }
                    var whole = order;
                    if (order.Completeness != OrderCompleteness.Whole)
                    {
                        // Half an order (one file of a two-file export): the other half may be stored.
                        whole = StoredOrderCompletion.Complete(order, writer.StoredOrder(order.OrderId));
                        if (whole is null)
                        {
                            itemsUnmatched++;
                            completion.Reject(new RowProblem(order.Line, null, null,
                                $"订单 {order.OrderId} 不在一起导入的订单报表中，也不在已导入的订单中，它的 {order.Lines.Count} 行商品未导入：请把订单报表 {export.OrdersFileNeeded} 与宝贝报表一起导入，或先导入订单报表",
                                $"order {order.OrderId} is neither in an orders file imported with this one nor stored, so its {order.Lines.Count} item lines were not imported: import the orders file {export.OrdersFileNeeded} together with the items file, or first"),
                                rows: order.Lines.Count);
                            continue;
                        }
                        if (order.Completeness == OrderCompleteness.ItemsOnly)
                        {
                            itemsMatched++;
                            completion.Count(whole);
                        }
                    }
                    writer.Write(whole);
                    orders++;
                    if (whole.Lines is [{ LineId: OrderLine.OrderLevelLineId }])
                        withoutItems++;
                }
            }
        }
        catch
        {
            await stopReading.CancelAsync();
            await reading.ContinueWith(_ => { }, TaskScheduler.Default); // let the reader stop before the transaction rolls back
            if (reading.Exception?.InnerException is ExportRejectedException rejection)
                throw rejection; // the reader's reason, not the channel's
            throw;
        }
        await reading;
        if (!replaying && export.IsItemsOnly && itemsMatched == 0 && itemsUnmatched > 0)
        {
            // A replay restores what it can: a withdrawal may have taken these orders out.
            throw new ExportRejectedException(
                $"这是{export.Format.Name}（商品明细），它的订单都不在已导入的订单中。宝贝报表要和它的订单报表 {export.OrdersFileNeeded} 一起导入" +
                "（命令行 import 同时给出两个文件、一次上传两个文件，或放进同一个压缩包），或在订单报表导入之后再导入。",
                $"This is a {export.Format.Name} (the items of an export), and none of its orders is stored. Import it together with its orders file " +
                $"{export.OrdersFileNeeded} (both files in one import command, one upload, or one zip), or after that orders file.");
        }
        progress.Absorb(completion);
        var counts = writer.Settle(progress.FileLatestAt);
        return new Written(counts, progress, orders, withoutItems, exportedAt, platform);
    }

    private ImportReceipt Receipt(Written written, OpenedExport export, string fileName, string source, string startedAt) => new()
    {
        FileName = fileName,
        Sha256 = export.Text.Sha256,
        CompanionFileName = export.CompanionFile?.Name,
        CompanionSha256 = export.CompanionText?.Sha256,
        Source = source,
        Status = ImportStatus.Landed,
        Platform = written.Platform,
        PlatformName = export.Format.PlatformName,
        Layout = export.Layout,
        Encoding = export.EncodingName,
        MissingColumns = export.MissingColumns,
        NewColumns = export.NewColumns,
        ExportedAt = written.ExportedAt,
        FileLatestAt = written.Progress.FileLatestAt,
        RowsRead = written.Progress.RowsRead,
        LinesNew = written.Counts.New,
        LinesUpdated = written.Counts.Updated,
        LinesUnchanged = written.Counts.Unchanged,
        OrdersOlderKept = written.Counts.OlderKept,
        OrdersCompleted = written.Counts.Completed,
        OrdersWithoutItems = written.WithoutItems,
        ItemsFileAwaited = written.WithoutItems > 0 ? export.ItemsFileAwaited : null,
        RowsRejected = written.Progress.RowsRejected,
        SummaryRows = export.SummaryRows,
        OrdersTouched = written.Orders,
        UnpaidLines = written.Progress.UnpaidLines,
        LatestPaidAt = written.Progress.LatestPaidAt,
        EarliestPaidAt = written.Progress.EarliestPaidAt,
        Fallbacks = string.Join("；", export.Document!.ReaderNotes.Prepend(written.Progress.DescribeFallbacks()).Where(note => note.Length > 0)),
        Problems = written.Progress.Problems,
        StartedAt = startedAt,
        FinishedAt = Now(),
    };

    private ImportReceipt Duplicate(ImportReceipt earlier, string fileName, ImportRequest request, string startedAt, bool preview)
    {
        var receipt = new ImportReceipt
        {
            FileName = fileName,
            Sha256 = earlier.Sha256,
            Source = request.Source,
            ImportedBy = request.By,
            Status = ImportStatus.Duplicate,
            CompanionFileName = earlier.CompanionFileName,
            CompanionSha256 = earlier.CompanionSha256,
            Platform = earlier.Platform,
            PlatformName = earlier.PlatformName,
            Layout = earlier.Layout,
            Shop = earlier.Shop,
            Encoding = earlier.Encoding,
            ExportedAt = earlier.ExportedAt,
            SameFileImportId = earlier.ImportId,
            ArchivedAs = earlier.ArchivedAs,
            StartedAt = startedAt,
            FinishedAt = Now(),
        };
        return preview ? receipt : receipt with { ImportId = sink.RecordUnlanded(receipt) };
    }

    private void Read(OpenedExport export, string platform, ReadProgress progress, ChannelWriter<List<ImportedOrder>> batches, CancellationToken cancellationToken)
    {
        try
        {
            var assembler = new OrderAssembler(platform, buyerKeys, problem => progress.Reject(problem));
            var batch = new List<ImportedOrder>(BatchSize);
            foreach (var order in assembler.Assemble(export.Rows(document => Rows(document, progress), problem => progress.Reject(problem))))
            {
                // Items alone are counted once their order is found in the store (WriteAsync).
                if (order.Completeness != OrderCompleteness.ItemsOnly)
                    progress.Count(order);
                batch.Add(order);
                if (batch.Count == BatchSize)
                {
                    WriteBatch(batches, batch, cancellationToken);
                    batch = new List<ImportedOrder>(BatchSize);
                }
            }
            if (batch.Count > 0)
                WriteBatch(batches, batch, cancellationToken);
            batches.Complete();
        }
        catch (Exception e)
        {
            batches.Complete(e);
            throw;
        }
    }

    private static void WriteBatch(ChannelWriter<List<ImportedOrder>> batches, List<ImportedOrder> batch, CancellationToken cancellationToken)
    {
        if (!batches.TryWrite(batch))
            batches.WriteAsync(batch, cancellationToken).AsTask().GetAwaiter().GetResult();
    }

    private static IEnumerable<ExportRow> Rows(ExportDocument document, ReadProgress progress)
    {
        foreach (var (row, header, reader) in document.DataRows())
        {
            progress.RowsRead++;
            var cells = new RowCells(row, header);
            if (reader.Read(cells) is { } exportRow)
            {
                exportRow.LatestEventTime = document.LatestEventTime(row);
                yield return exportRow;
            }
            else
            {
                progress.Reject(cells.Problem!);
            }
        }
    }

    private string Now() => time.BeijingNowText();

    private static string HashOf(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private sealed record Written(LineCounts Counts, ReadProgress Progress, int Orders, int WithoutItems, string? ExportedAt, string Platform);
}
