namespace Analytics.Ingestion.Store;

/// <summary>Where the database, its reference data and the buyer-key secret live.</summary>
public sealed record StoreOptions
{
    public required string DatabasePath { get; init; }
    public string SeedsDirectory { get; init; } = Database.DefaultSeedsDirectory;

    /// <summary>Outside the database on purpose; defaults to a file beside it. ANALYTICS_BUYER_KEY overrides it.</summary>
    public string? BuyerKeyFile { get; init; }

    /// <summary>False only to measure what maintaining the rollups costs an import (bench ingest); the API then answers wrongly.</summary>
    public bool MaintainRollups { get; init; } = true;

    public string EffectiveBuyerKeyFile => BuyerKeyFile ?? DatabasePath + ".buyer-key";
}
