namespace Analytics.Ingestion.Importing;

/// <summary>How a file reached the service and what its operator said about it.</summary>
/// <param name="Source">cli, inbox, upload or demo.</param>
/// <param name="Shop">The shop the export belongs to; when null, the file must name it.</param>
/// <param name="FileName">The name to record (an upload's original name); defaults to the file's own name.</param>
/// <param name="By">Who brings it (an operator's account, a key, the CLI user), for the import log.</param>
public sealed record ImportRequest(string Source, string? Shop = null, string? FileName = null, string? By = null);
