using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Analytics.Api.Reports;

/// <summary>
/// The Chinese TrueType face the PDF is set in and the charts are drawn with: the file Reports:FontPath names (CLI:
/// --font), else a Windows font (Microsoft YaHei, SimHei, SimSun, FangSong), else Debian's WenQuanYi Micro Hei
/// (fonts-wqy-microhei). A collection is cut to its first face. Read once per file and kept.
/// </summary>
internal sealed class ReportFont
{
    public const string DebianFile = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    private static readonly string WindowsFonts = System.IO.Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.Windows) is { Length: > 0 } windows ? windows : @"C:\Windows", "Fonts");

    // Every Chinese Windows has these; YaHei first as the one designed for screens and print at small sizes.
    private static readonly string[] WindowsFiles = ["msyh.ttc", "simhei.ttf", "simsun.ttc", "simfang.ttf"];

    private static readonly ConcurrentDictionary<string, ReportFont?> Loaded = new(StringComparer.Ordinal);

    private ReportFont(string path, byte[] face)
    {
        Path = path;
        Face = face;
        // Unique per file, since PDFsharp and ScottPlot both keep fonts by family name for the life of the process.
        Family = "ReportFont-" + Convert.ToHexString(SHA256.HashData(face))[..12];
    }

    /// <summary>The file the face was read from.</summary>
    public string Path { get; }

    /// <summary>One TrueType face, ready to embed.</summary>
    public byte[] Face { get; }

    /// <summary>The name the face is registered under with PDFsharp and ScottPlot.</summary>
    public string Family { get; }

    /// <summary>The font to use, or null (with what to install in <paramref name="why"/>) when there is none.</summary>
    public static ReportFont? Find(string? configured, out string? why)
    {
        why = null;
        if (configured is not null)
        {
            var font = File.Exists(configured) ? Load(configured, out why) : null;
            if (font is null)
                why = MissingMessage(configured, why ?? "the file does not exist");
            return font;
        }
        foreach (var path in Candidates())
        {
            if (File.Exists(path) && Load(path, out _) is { } font)
                return font;
        }
        why = MissingMessage(null, null);
        return null;
    }

    private static IEnumerable<string> Candidates()
    {
        if (OperatingSystem.IsWindows())
        {
            foreach (var file in WindowsFiles)
                yield return System.IO.Path.Combine(WindowsFonts, file);
        }
        yield return DebianFile;
    }

    private static ReportFont? Load(string path, out string? why)
    {
        string? reason = null;
        var font = Loaded.GetOrAdd(System.IO.Path.GetFullPath(path), full =>
            TrueTypeFace.Read(File.ReadAllBytes(full), 0, out reason) is { } face ? new ReportFont(full, face) : null);
        why = font is null ? reason ?? "it holds no TrueType face" : null;
        return font;
    }

    /// <summary>Chinese first, then English: which font is missing and what to install.</summary>
    public static string MissingMessage(string? configured, string? why) =>
        (configured is null
            ? "PDF需要一个中文TrueType字体，本机未找到。"
            : $"PDF需要一个中文TrueType字体，配置的字体 {configured} 不能用（{why}）。") +
        (OperatingSystem.IsWindows()
            ? "请确认 C:\\Windows\\Fonts 中有微软雅黑、黑体、宋体或仿宋，或用 Reports:FontPath（命令行 --font）指定一个 .ttf/.ttc 文件。"
            : "请安装文泉驿微米黑：sudo apt-get install fonts-wqy-microhei，或用 Reports:FontPath（命令行 --font）指定一个 .ttf/.ttc 文件。") +
        "\n" +
        (configured is null
            ? "The PDF needs a Chinese TrueType font and none was found. "
            : $"The PDF needs a Chinese TrueType font; the configured font {configured} cannot be used ({why}). ") +
        (OperatingSystem.IsWindows()
            ? @"Check that C:\Windows\Fonts has Microsoft YaHei, SimHei, SimSun or FangSong, or name a .ttf/.ttc file with Reports:FontPath (CLI: --font)."
            : "Install WenQuanYi Micro Hei (sudo apt-get install fonts-wqy-microhei), or name a .ttf/.ttc file with Reports:FontPath (CLI: --font).");
}
