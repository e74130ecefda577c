using Analytics.Ingestion.Formats;

namespace Analytics.Store;

/// <summary>Where a store's mapping files are: seeds/formats/ beside the program, then the bureau's folder (Formats:Path).</summary>
public static class StoreFormats
{
    public const string ShippedFolder = "formats";

    /// <inheritdoc cref="ExportCatalog.Load"/>
    public static ExportCatalog Load(StoreOptions options) =>
        ExportCatalog.Load(Path.Combine(options.SeedsDirectory, ShippedFolder), options.FormatsDirectory);
}
