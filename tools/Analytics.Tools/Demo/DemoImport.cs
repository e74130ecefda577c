using System.Runtime.CompilerServices;
using Analytics.Ingestion.Importing;
using Analytics.Store;

namespace Analytics.Tools.Demo;

/// <summary>Imports a folder written by <see cref="DemoExports"/>, shop by shop.</summary>
public static class DemoImport
{
    /// <summary>
    /// Hands each shop's folder over as files given together, as an operator would: a 千牛 订单报表 and its 宝贝报表 (or the
    /// zip holding both) then make one import. Yields each shop's receipts, in shop and export order.
    /// </summary>
    public static async IAsyncEnumerable<(string Shop, IReadOnlyList<ImportReceipt> Receipts)> ShopFoldersAsync(
        AnalyticsStore store, string exportsFolder, string importedBy, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var folder in Directory.GetDirectories(exportsFolder).Order(StringComparer.Ordinal))
        {
            var shop = Path.GetFileName(folder);
            var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal)
                .Select(path => new Ingestion.Importing.ExportFile(path, Path.GetFileName(path))).ToList();
            yield return (shop, await store.ImportAllAsync(files, new ImportRequest(importedBy, shop), cancellationToken));
        }
    }
}
