using Analytics.Ingestion.Formats.Mapping;
using Analytics.Ingestion.Tables;

namespace Analytics.Ingestion.Formats;

/// <summary>
/// The exports one service reads: the built-in readers (<see cref="ExportFormats"/>) and the platforms described by
/// mapping files — those shipped in seeds/formats/ and those in the bureau's own folder (Formats:Path), where a file
/// whose platform code matches a shipped one replaces it. Built-in readers are tried first, so a mapping can never take
/// over a platform the program reads itself. Loading refuses the first bad file with its file, line and reason.
/// </summary>
public sealed class ExportCatalog
{
    private readonly IReadOnlyList<MappedExport> _mapped;

    private ExportCatalog(IReadOnlyList<MappedExport> mapped)
    {
        _mapped = mapped;
        All = [.. ExportFormats.All, .. mapped];
    }

    /// <summary>The built-in readers only.</summary>
    public static ExportCatalog BuiltIn { get; } = new([]);

    /// <summary>Built-in readers first: a mapping never claims a file the program reads itself.</summary>
    internal IReadOnlyList<ExportFormat> All { get; }

    /// <summary>The platforms the mapping files add, for the platforms table: their names show on the screen and in reports.</summary>
    public IReadOnlyList<MappedPlatform> MappedPlatforms =>
        [.. _mapped.Select(m => new MappedPlatform(m.Platform, m.Definition.Name, m.Definition.Aliases, m.Definition.File))];

    /// <summary>Every export with what it can say, for <c>formats</c> and the documentation.</summary>
    public IReadOnlyList<ExportDescription> Describe() =>
    [
        .. All.Select(f => new ExportDescription(f.Platform, f.PlatformName, f.Name, f.Signature, f.StatesRefundAmounts,
            (f as MappedExport)?.Definition.File)),
    ];

    /// <summary>Whether the platform's exports state refunded amounts (see <see cref="ExportFormat.StatesRefundAmounts"/>).</summary>
    public bool StatesRefundAmounts(string platform) => All.Any(f => f.Platform == platform && f.StatesRefundAmounts);

    /// <summary>
    /// The built-in readers and the mapping files (<c>*.ini</c>) of <paramref name="shippedFolder"/> (seeds/formats/, absent
    /// is fine) and <paramref name="bureauFolder"/> (Formats:Path; when given it must exist).
    /// </summary>
    /// <exception cref="MappingFileException">The first file that cannot be used, with its line and reason.</exception>
    public static ExportCatalog Load(string shippedFolder, string? bureauFolder)
    {
        var shipped = ReadFolder(shippedFolder);
        if (string.IsNullOrWhiteSpace(bureauFolder))
            return Checked(shipped);
        if (!Directory.Exists(bureauFolder))
            throw new MappingFileException(bureauFolder, 0, "映射文件夹（Formats:Path）不存在，请检查路径。", "the mapping folder (Formats:Path) does not exist; check the path.");
        var own = ReadFolder(bureauFolder);
        // The bureau's file for a platform the program ships a mapping for is the one used: it fits the county's exports.
        return Checked([.. shipped.Where(s => own.All(o => o.Code != s.Code)), .. own]);
    }

    internal (ExportFormat Format, HeaderRow Header)? Recognise(RawRow row) => ExportFormats.Recognise(row, All);

    internal ExportRejectedException NotRecognised(string? sheet) => ExportFormats.NotRecognised(sheet, All);

    private static List<MappingDefinition> ReadFolder(string folder)
    {
        if (!Directory.Exists(folder))
            return [];
        var definitions = new List<MappingDefinition>();
        foreach (var path in Directory.GetFiles(folder, "*" + MappingFile.Extension).Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(path) is var name && (name.StartsWith('.') || name.StartsWith('~')))
                continue; // an editor's backup or lock file
            var definition = MappingFile.Read(path, ExportFormats.All);
            if (definitions.FirstOrDefault(d => d.Code == definition.Code) is { } same)
                throw new MappingFileException(path, definition.CodeLine, $"平台代码“{definition.Code}”已在 {same.File} 中使用。同一个文件夹中，一个平台只能有一个映射文件。",
                    $"the platform code '{definition.Code}' is already used by {same.File}; one mapping file per platform in a folder.");
            definitions.Add(definition);
        }
        return definitions;
    }

    private static ExportCatalog Checked(List<MappingDefinition> definitions)
    {
        for (var i = 0; i < definitions.Count; i++)
        {
            var signature = definitions[i].Signature.Select(Normalising.HeaderText.Normalise).ToHashSet(StringComparer.Ordinal);
            for (var j = 0; j < i; j++)
            {
                var other = definitions[j].Signature.Select(Normalising.HeaderText.Normalise).ToList();
                // One signature inside another: the other's files would be read as this platform's, or the reverse.
                if (other.All(signature.Contains) || signature.All(other.Contains))
                    throw new MappingFileException(definitions[i].File, definitions[i].SignatureLine,
                        $"“表头”与 {definitions[j].File}（{definitions[j].Name}）的“表头”无法区分：一个包含了另一个的全部列。请各写上本平台独有的列名。",
                        $"表头 cannot be told apart from that of {definitions[j].File} ({definitions[j].Name}): one holds every column of the other. Give each a column only its platform has.");
            }
        }
        return new ExportCatalog([.. definitions.Select(d => new MappedExport(d))]);
    }
}

/// <summary>A platform a mapping file adds: its code, Chinese name, other names operators use, and the file.</summary>
public sealed record MappedPlatform(string Code, string Name, IReadOnlyList<string> Aliases, string File);

/// <summary>One export the service reads. <paramref name="PlatformName"/> and <paramref name="MappingFile"/> are set for mapped platforms.</summary>
public sealed record ExportDescription(string Platform, string? PlatformName, string Name, IReadOnlyList<string> Signature, bool StatesRefundAmounts,
    string? MappingFile);
