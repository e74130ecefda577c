namespace Analytics.Ingestion.Tables;

/// <summary>The whole file cannot be imported; the message says why and what to do, and nothing of it is stored.</summary>
internal sealed class ExportRejectedException(string reason) : Exception(reason);
