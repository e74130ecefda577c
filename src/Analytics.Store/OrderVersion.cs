namespace Analytics.Store;

/// <summary>
/// Which of two versions of an order is newer, from the data alone: the export time where the file states one, else
/// the latest event time in the order's rows (both stored as <c>observed_at</c>); equal ones are told apart by the
/// latest time anywhere in their files. Never by the order in which files happened to be imported.
/// </summary>
internal static class OrderVersion
{
    public static int Compare(string version, string? tieBreak, string otherVersion, string? otherTieBreak)
    {
        var byVersion = string.CompareOrdinal(version, otherVersion);
        return byVersion != 0 ? byVersion : string.CompareOrdinal(tieBreak ?? "", otherTieBreak ?? "");
    }
}
