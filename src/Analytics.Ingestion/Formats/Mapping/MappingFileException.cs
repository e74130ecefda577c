namespace Analytics.Ingestion.Formats.Mapping;

/// <summary>
/// A mapping file that cannot be used: which file, which line, and why, so the bureau can fix it in Notepad. Chinese
/// first (<see cref="Exception.Message"/>), the English kept beside it (<see cref="MessageEn"/>).
/// </summary>
public sealed class MappingFileException(string file, int line, string reason, string reasonEn)
    : Exception(line > 0 ? $"映射文件 {file} 第{line}行：{reason}" : $"{file}：{reason}")
{
    public string File { get; } = file;

    /// <summary>1-based line of the file; a missing entry is reported at its section's line (or line 1); 0 for a folder.</summary>
    public int Line { get; } = line;

    public string Reason { get; } = reason;
    public string ReasonEn { get; } = reasonEn;

    public string MessageEn => Line > 0 ? $"Mapping file {File} line {Line}: {ReasonEn}" : $"{File}: {ReasonEn}";
}
