namespace Analytics.Api.Inbox;

/// <summary>The drop folder: operators copy exports to inbox/&lt;shop&gt;/&lt;file&gt;; each ends in done/ or failed/ with its receipt.</summary>
public sealed record InboxOptions
{
    public required string InboxPath { get; init; }
    public string DonePath => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(InboxPath).TrimEnd(Path.DirectorySeparatorChar))!, "done");
    public string FailedPath => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(InboxPath).TrimEnd(Path.DirectorySeparatorChar))!, "failed");
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A file written to this recently may still be being copied in; it waits for the next scan.</summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromSeconds(2);
}
