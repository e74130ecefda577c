using System.Text;

namespace Analytics.Ingestion.Formats.Mapping;

/// <summary>
/// A mapping file as written in Notepad: <c>[节]</c> headings, <c>键 = 值</c> lines, comments after <c>#</c> or <c>;</c>.
/// UTF-8 (with or without a BOM) or the GBK that Notepad's "ANSI" writes on a Chinese Windows; nothing is guessed
/// beyond that.
/// </summary>
internal sealed class MappingText
{
    static MappingText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private readonly Dictionary<string, Section> _sections = new(StringComparer.Ordinal);

    private MappingText(string file) => File = file;

    public string File { get; }

    public IReadOnlyDictionary<string, Section> Sections => _sections;

    public sealed class Section(string name, int line)
    {
        public string Name { get; } = name;
        public int Line { get; } = line;
        public Dictionary<string, Entry> Entries { get; } = new(StringComparer.Ordinal);
    }

    public sealed record Entry(string Key, string Value, int Line);

    public MappingFileException Refuse(int line, string reason, string reasonEn) => new(File, line, reason, reasonEn);

    public static MappingText Read(string path)
    {
        var file = path;
        var text = new MappingText(file);
        Section? section = null;
        var lines = Decode(text, System.IO.File.ReadAllBytes(path)).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var line = WithoutComment(lines[i]).Trim(' ', '\t', '\r', '\u3000', '\uFEFF');
            if (line.Length == 0)
                continue;
            if (line[0] is '[' or '【')
            {
                if (line[^1] is not (']' or '】'))
                    throw text.Refuse(number, $"节的名称应写在方括号中，如“[列]”，而不是“{line}”。", $"a section name goes in brackets, like [列], not '{line}'.");
                var name = line[1..^1].Trim();
                if (text._sections.ContainsKey(name))
                    throw text.Refuse(number, $"“[{name}]”节出现了两次，请把它们合并成一节。", $"section [{name}] appears twice; merge them into one.");
                section = new Section(name, number);
                text._sections[name] = section;
                continue;
            }
            var equals = line.IndexOfAny(['=', '＝']);
            if (equals <= 0)
                throw text.Refuse(number, $"看不懂这一行：“{line}”。每行应写成“键 = 值”，例如“订单号 = 订单编号”；说明文字请以 # 开头。",
                    $"cannot read '{line}': each line is 'key = value', e.g. 订单号 = 订单编号; notes start with #.");
            if (section is null)
                throw text.Refuse(number, $"“{line}”写在了所有节之前。请先写节的名称，如“[列]”。", $"'{line}' comes before any section; start with a section such as [列].");
            var key = line[..equals].Trim();
            var value = line[(equals + 1)..].Trim();
            if (section.Entries.TryGetValue(key, out var earlier))
                throw text.Refuse(number, $"“{key}”在“[{section.Name}]”节中写了两次（另一次在第{earlier.Line}行）。", $"'{key}' is given twice in [{section.Name}] (also on line {earlier.Line}).");
            if (value.Length == 0)
                throw text.Refuse(number, $"“{key}”没有填写值。不需要的项请整行删除。", $"'{key}' has no value; delete the line if it is not needed.");
            section.Entries[key] = new Entry(key, value, number);
        }
        return text;
    }

    /// <summary>Items of a list value: 表头 = 订单编号, 实付金额、付款时间 (either comma, or 、).</summary>
    public static IReadOnlyList<string> Items(string value) =>
        value.Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string WithoutComment(string line)
    {
        // A # or ; starts a comment only at the start of a line or after a space: header names may hold either.
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] is '#' or ';' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
                return line[..i];
        }
        return line;
    }

    private static string Decode(MappingText text, byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            bytes = bytes[3..];
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            try
            {
                return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                throw text.Refuse(1, "文件既不是UTF-8文本，也不是GBK文本。请用记事本打开后“另存为”，编码选“UTF-8”。",
                    "the file is neither UTF-8 nor GBK text; open it in Notepad and save it as UTF-8.");
            }
        }
    }
}
