namespace Analytics.Store;

/// <summary>Where the database, its reference data, the archive of landed files and the buyer-key secret live.</summary>
public sealed record StoreOptions
{
    public required string DatabasePath { get; init; }
    public string SeedsDirectory { get; init; } = Database.DefaultSeedsDirectory;

    /// <summary>The bureau's own mapping files (Formats:Path), read after and over the ones shipped in seeds/formats/.</summary>
    public string? FormatsDirectory { get; init; }

    /// <summary>Outside the database on purpose; defaults to a file beside it. ANALYTICS_BUYER_KEY overrides it.</summary>
    public string? BuyerKeyFile { get; init; }

    /// <summary>Where landed files are kept (Archive:Path); defaults to archive/ beside the database.</summary>
    public string? ArchivePath { get; init; }

    /// <summary>False only for benchmarks whose generated exports are kept anyway; a service always archives.</summary>
    public bool KeepArchive { get; init; } = true;

    /// <summary>False only to measure what maintaining the rollups costs an import (bench ingest); the API then answers wrongly.</summary>
    public bool MaintainRollups { get; init; } = true;

    public string EffectiveBuyerKeyFile => BuyerKeyFile ?? DatabasePath + ".buyer-key";

    public string EffectiveArchivePath => ArchivePath ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(DatabasePath))!, "archive");
}
