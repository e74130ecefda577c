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
        RunAsync(path, request, preview: false, cancellationToken);

    /// <summary>
    /// What importing the file would do, with nothing kept: the whole import runs in its transaction, which is then
    /// rolled back, and nothing is logged or archived. The receipt has no import id.
    /// </summary>
    public Task<ImportReceipt> PreviewAsync(string path, ImportRequest request, CancellationToken cancellationToken = default) =>
        RunAsync(path, request, preview: true, cancellationToken);

    private async Task<ImportReceipt> RunAsync(string path, ImportRequest request, bool preview, CancellationToken cancellationToken)
    {
        var fileName = request.FileName ?? Path.GetFileName(path);
        var startedAt = Now();
        ExportFileText? text = null;
        ExportDocument? document = null;
        try
        {
            text = ExportFileText.Inspect(path);
            if (sink.LandedWithSameContent(text.Sha256) is { } earlier)
                return Duplicate(earlier, fileName, request, startedAt, preview);
            var rows = text.Container == ExportContainer.Text ? CsvRows.Read(path, text) : WorkbookRows.Read(path);
            document = ExportDocument.Open(rows, sink.Provinces(), formats);
            var shop = ShopNamed(request.Shop, document.ShopInTitle, request.Source);
            var exportedAt = ExportedAt(document, fileName);
            using var batch = sink.Begin(new ImportStart(fileName, text.Sha256, request.Source, startedAt, shop, document.Format.Platform, exportedAt));
            var written = await WriteAsync(document, exportedAt, batch, onlyOrders: null, otherShops: batch, cancellationToken);
            var receipt = Receipt(written, document, text, fileName, request.Source, startedAt) with
            {
                ImportId = batch.ImportId,
                Shop = batch.Shop.Shop,
                Enterprise = batch.Shop.Enterprise,
                ShopRegistered = batch.Shop.Registered,
                ShopNamedAs = batch.Shop.NamedAs,
                ImportedBy = request.By,
            };
            // A preview ends here: disposing the batch rolls every write back.
            return preview ? receipt with { ImportId = 0 } : batch.Complete(receipt, path);
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
                Sha256 = text?.Sha256 ?? HashOf(path),
                Source = request.Source,
                Status = ImportStatus.Rejected,
                Reason = reason,
                ReasonEn = reasonEn,
                Platform = document?.Format.Platform,
                PlatformName = document?.Format.PlatformName,
                Layout = document?.Reader.Layout,
                Shop = request.Shop ?? document?.ShopInTitle,
                Encoding = text?.EncodingName,
                ImportedBy = request.By,
                StartedAt = startedAt,
                FinishedAt = Now(),
            };
            return preview ? receipt : receipt with { ImportId = sink.RecordUnlanded(receipt) };
        }
        finally
        {
            document?.Dispose();
        }
    }

    /// <summary>
    /// Writes a landed import again from its archived copy into the sink the caller opens for it (under the import's own
    /// id and shop, inside the caller's transaction): all of it when a database is rebuilt, or only
    /// <paramref name="onlyOrders"/> when a withdrawal restores the orders it took out.
    /// </summary>
    /// <param name="openSink">Opens the sink for the file's platform and stated export time.</param>
    public async Task<ImportReceipt> ReplayAsync(string archivedPath, ImportReceipt landed, Func<string, string?, IOrderSink> openSink,
        IReadOnlySet<string>? onlyOrders, CancellationToken cancellationToken)
    {
        var text = ExportFileText.Inspect(archivedPath);
        var rows = text.Container == ExportContainer.Text ? CsvRows.Read(archivedPath, text) : WorkbookRows.Read(archivedPath);
        using var document = ExportDocument.Open(rows, sink.Provinces(), formats);
        var exportedAt = ExportedAt(document, landed.FileName);
        using var orders = openSink(document.Format.Platform, exportedAt);
        var written = await WriteAsync(document, exportedAt, orders, onlyOrders, otherShops: null, cancellationToken);
        return Receipt(written, document, text, landed.FileName, landed.Source, landed.StartedAt) with
        {
            ImportId = landed.ImportId,
            Shop = landed.Shop,
            ShopRegistered = landed.ShopRegistered,
            ArchivedAs = landed.ArchivedAs,
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

    private async Task<Written> WriteAsync(ExportDocument document, string? exportedAt, IOrderSink writer, IReadOnlySet<string>? onlyOrders,
        IImportBatch? otherShops, CancellationToken cancellationToken)
    {
        var platform = document.Format.Platform;
        var progress = new ReadProgress();

        var batches = Channel.CreateBounded<List<ImportedOrder>>(new BoundedChannelOptions(16) { SingleReader = true, SingleWriter = true });
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => Read(document, platform, progress, batches.Writer, stopReading.Token), stopReading.Token);

        var orders = 0;
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
                    writer.Write(order);
                    orders++;
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
        var counts = writer.Settle(progress.FileLatestAt);
        return new Written(counts, progress, orders, exportedAt, platform);
    }

    private ImportReceipt Receipt(Written written, ExportDocument document, ExportFileText text, string fileName, string source, string startedAt) => new()
    {
        FileName = fileName,
        Sha256 = text.Sha256,
        Source = source,
        Status = ImportStatus.Landed,
        Platform = written.Platform,
        PlatformName = document.Format.PlatformName,
        Layout = document.Reader.Layout,
        Encoding = text.EncodingName,
        ExportedAt = written.ExportedAt,
        FileLatestAt = written.Progress.FileLatestAt,
        RowsRead = written.Progress.RowsRead,
        LinesNew = written.Counts.New,
        LinesUpdated = written.Counts.Updated,
        LinesUnchanged = written.Counts.Unchanged,
        OrdersOlderKept = written.Counts.OlderKept,
        RowsRejected = written.Progress.RowsRejected,
        SummaryRows = document.SummaryRows,
        OrdersTouched = written.Orders,
        UnpaidLines = written.Progress.UnpaidLines,
        LatestPaidAt = written.Progress.LatestPaidAt,
        EarliestPaidAt = written.Progress.EarliestPaidAt,
        Fallbacks = string.Join("；", document.ReaderNotes.Prepend(written.Progress.DescribeFallbacks()).Where(note => note.Length > 0)),
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

    private void Read(ExportDocument document, string platform, ReadProgress progress, ChannelWriter<List<ImportedOrder>> batches, CancellationToken cancellationToken)
    {
        try
        {
            var assembler = new OrderAssembler(platform, buyerKeys, progress.Reject);
            var batch = new List<ImportedOrder>(BatchSize);
            foreach (var order in assembler.Assemble(Rows(document, progress)))
            {
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

    private sealed record Written(LineCounts Counts, ReadProgress Progress, int Orders, string? ExportedAt, string Platform);
}
