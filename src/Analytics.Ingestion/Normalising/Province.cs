namespace Analytics.Ingestion.Normalising;

/// <summary>A GB/T 2260 province-level division and every spelling exports use for it.</summary>
public sealed record Province
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string ShortName { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
}
