namespace Analytics.Ingestion.Tables;

/// <summary>The file cannot be imported, for a reason its operator can act on: Chinese first, the English kept.</summary>
public sealed class ExportRejectedException(string reason, string reasonEn) : Exception(reason)
{
    public string ReasonEn { get; } = reasonEn;
}
