namespace Analytics.Tools.Demo;

/// <summary>Reads the shops and platform names the demo writes exports for from the seeds folder.</summary>
internal static class SeedCatalog
{
    /// <summary>The given seeds folder if it has shops.csv, else the one found by <see cref="FindSeedsDirectory"/>.</summary>
    public static string Resolve(string? seedsDir) =>
        !string.IsNullOrWhiteSpace(seedsDir) && File.Exists(Path.Combine(seedsDir, "shops.csv")) ? seedsDir : FindSeedsDirectory();

    /// <summary>Walks up from the current directory, then from the application directory, to a folder holding seeds/shops.csv.</summary>
    public static string FindSeedsDirectory()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "seeds");
                if (File.Exists(Path.Combine(candidate, "shops.csv")))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException(
            "No folder containing seeds/shops.csv was found above the current directory or the application directory; pass the seeds folder explicitly.");
    }

    /// <summary>The shops of a supported platform, in file order, and the names of the shops skipped.</summary>
    public static (IReadOnlyList<DemoShop> Shops, IReadOnlyList<string> Skipped) ReadShops(string seedsDir)
    {
        var names = ReadPlatformNames(seedsDir);
        var shops = new List<DemoShop>();
        var skipped = new List<string>();
        var perPlatform = new int[Enum.GetValues<DemoPlatform>().Length];
        foreach (var cells in ReadRows(Path.Combine(seedsDir, "shops.csv")))
        {
            var (code, shop, enterprise) = (cells[0], cells[1], cells.Length > 2 ? cells[2] : cells[1]);
            DemoPlatform? platform = code switch
            {
                "douyin" => DemoPlatform.Douyin,
                "jd" => DemoPlatform.Jd,
                "pdd" => DemoPlatform.Pdd,
                "taobao" => DemoPlatform.Taobao,
                "kuaishou" => DemoPlatform.Kuaishou,
                _ => null,
            };
            if (platform is not { } p)
            {
                skipped.Add($"{code} {shop}");
                continue;
            }

            var name = names.TryGetValue(code, out var n) ? n : code;
            shops.Add(new DemoShop(p, name, shop, enterprise, shops.Count, perPlatform[(int)p]++));
        }

        return (shops, skipped);
    }

    private static Dictionary<string, string> ReadPlatformNames(string seedsDir)
    {
        var path = Path.Combine(seedsDir, "platforms.csv");
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            foreach (var cells in ReadRows(path))
            {
                names[cells[0]] = cells.Length > 1 ? cells[1] : cells[0];
            }
        }

        return names;
    }

    // The seed files are plain comma-separated text without quoting; the header row is skipped.
    private static IEnumerable<string[]> ReadRows(string path) =>
        File.ReadLines(path)
            .Skip(1)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => line.Split(',').Select(c => c.Trim()).ToArray());
}
