namespace Analytics.Ingestion.Normalising;

/// <summary>Maps every spelling of a province (山西 / 山西省, 广西 / 广西壮族自治区 …) to one GB/T 2260 code.</summary>
public sealed class ProvinceDirectory
{
    private readonly Dictionary<string, Province> _bySpelling = new(StringComparer.Ordinal);
    private readonly (string Spelling, Province Province)[] _longestFirst;

    public ProvinceDirectory(IEnumerable<Province> provinces)
    {
        foreach (var province in provinces)
        {
            foreach (var spelling in new[] { province.Name, province.ShortName, province.Code }.Concat(province.Aliases))
                _bySpelling[spelling] = province;
        }
        _longestFirst = _bySpelling.Where(p => p.Key != p.Value.Code)
            .Select(p => (p.Key, p.Value)).OrderByDescending(p => p.Key.Length).ToArray();
    }

    public IEnumerable<Province> All => _bySpelling.Values.Distinct();

    public Province? Find(string? text) =>
        text is not null && _bySpelling.TryGetValue(text.Trim(), out var province) ? province : null;

    /// <summary>The province an address string starts with (JD's 客户地址 has no separators and often drops 省).</summary>
    public (Province Province, string Remainder)? FindAtStart(string address)
    {
        var text = address.TrimStart();
        foreach (var (spelling, province) in _longestFirst)
        {
            if (text.StartsWith(spelling, StringComparison.Ordinal))
                return (province, text[spelling.Length..]);
        }
        return null;
    }

    /// <summary>True for masked or placeholder text (<c>***</c>, <c>未知</c>) that names no place.</summary>
    public static bool IsMasked(string? text) =>
        string.IsNullOrWhiteSpace(text) || text.All(c => c is '*' or '＊' or '#' or '$' or ' ') || text is "未知" or "其他" or "null";
}
