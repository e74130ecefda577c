using System.Security.Cryptography;
using System.Threading.Channels;
using Analytics.Ingestion.Formats;
using Analytics.Ingestion.Normalising;
using Analytics.Ingestion.Store;
using Analytics.Ingestion.Tables;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Ingestion.Importing;

/// <summary>
/// Imports one export file in one transaction: it lands whole or not at all. Parsing runs on one core while the
/// other writes to SQLite; a rejected file leaves every stored order exactly as it was and is recorded with its reason.
/// </summary>
internal sealed class Importer(SqliteConnection connection, BuyerKeys buyerKeys, TimeProvider time, bool maintainRollups = true)
{
    private const int BatchSize = 256;

    public async Task<ImportReceipt> ImportAsync(string path, ImportRequest request, CancellationToken cancellationToken = default)
    {
        var fileName = request.FileName ?? Path.GetFileName(path);
        var startedAt = Now();
        ExportFileText? text = null;
        ExportDocument? document = null;
        try
        {
            text = ExportFileText.Inspect(path);
            var rows = text.Container == ExportContainer.Text ? CsvRows.Read(path, text) : WorkbookRows.Read(path);
            document = ExportDocument.Open(rows, LoadProvinces());
            var shop = request.Shop ?? document.ShopInTitle ?? throw new ExportRejectedException(
                "The file does not say which shop it belongs to. Pass --shop NAME on the command line, or drop it into the inbox as inbox/<shop name>/<file>.");
            return await LandAsync(document, text, fileName, shop, request.Source, startedAt, cancellationToken);
        }
        catch (Exception e) when (e is not (OperationCanceledException or SqliteException or IOException or UnauthorizedAccessException))
        {
            // A rejection says what is wrong with the file; anything else a parser throws on malformed bytes is still the file's fault.
            var reason = e is ExportRejectedException ? e.Message : $"The file could not be read: {e.Message}";
            var receipt = new ImportReceipt
            {
                FileName = fileName,
                Sha256 = text?.Sha256 ?? HashOf(path),
                Source = request.Source,
                Landed = false,
                Reason = reason,
                Platform = document?.Format.Platform,
                Layout = document?.Reader.Layout,
                Shop = request.Shop ?? document?.ShopInTitle,
                Encoding = text?.EncodingName,
                StartedAt = startedAt,
                FinishedAt = Now(),
            };
            return receipt with { ImportId = ImportLog.RecordRejection(connection, receipt) };
        }
        finally
        {
            document?.Dispose();
        }
    }

    private async Task<ImportReceipt> LandAsync(ExportDocument document, ExportFileText text, string fileName, string shop, string source, string startedAt, CancellationToken cancellationToken)
    {
        var platform = document.Format.Platform;
        var exportedAt = document.Format.ExportedAt(fileName) is { } at ? BeijingTime.Format(at) : null;
        var sameFile = ImportLog.LandedWithSameContent(connection, text.Sha256);
        var progress = new ReadProgress();

        using var transaction = connection.BeginTransaction(deferred: false);
        var importId = ImportLog.Begin(connection, transaction, fileName, text.Sha256, source, startedAt);
        using var writer = new OrderWriter(connection, importId, platform, shop, observedAt: exportedAt ?? startedAt, maintainRollups);

        var batches = Channel.CreateBounded<List<ImportedOrder>>(new BoundedChannelOptions(16) { SingleReader = true, SingleWriter = true });
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => Read(document, platform, progress, batches.Writer, stopReading.Token), stopReading.Token);

        var counts = new LineCounts();
        var orders = 0;
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
            {
                foreach (var order in batch)
                {
                    var written = writer.Write(order);
                    counts.New += written.New;
                    counts.Updated += written.Updated;
                    counts.Unchanged += written.Unchanged;
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
        writer.ApplyRollups(connection, transaction);

        var receipt = new ImportReceipt
        {
            ImportId = importId,
            FileName = fileName,
            Sha256 = text.Sha256,
            Source = source,
            Landed = true,
            Platform = platform,
            Layout = document.Reader.Layout,
            Shop = shop,
            Encoding = text.EncodingName,
            ExportedAt = exportedAt,
            RowsRead = progress.RowsRead,
            LinesNew = counts.New,
            LinesUpdated = counts.Updated,
            LinesUnchanged = counts.Unchanged,
            RowsRejected = progress.RowsRejected,
            SummaryRows = document.SummaryRows,
            OrdersTouched = orders,
            UnpaidLines = progress.UnpaidLines,
            LatestPaidAt = progress.LatestPaidAt,
            Fallbacks = progress.DescribeFallbacks(),
            Problems = progress.Problems,
            SameFileImportId = sameFile,
            StartedAt = startedAt,
            FinishedAt = Now(),
        };
        ImportLog.Finish(connection, transaction, receipt);
        transaction.Commit();
        return receipt;
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
                yield return exportRow;
            else
                progress.Reject(cells.Problem!);
        }
    }

    private ProvinceDirectory LoadProvinces()
    {
        const string sql = "SELECT code, name, short_name AS ShortName, aliases FROM provinces";
        return new ProvinceDirectory(connection.Query<(string Code, string Name, string ShortName, string Aliases)>(sql).Select(p => new Province
        {
            Code = p.Code,
            Name = p.Name,
            ShortName = p.ShortName,
            Aliases = p.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        }));
    }

    private string Now() => BeijingTime.Format(time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    private static string HashOf(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
