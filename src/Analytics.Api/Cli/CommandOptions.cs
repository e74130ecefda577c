namespace Analytics.Api.Cli;

/// <summary>`--name value` options, `--flag` switches and positional arguments of one verb.</summary>
internal sealed class CommandOptions
{
    private static readonly HashSet<string> Switches = ["small", "password-stdin", "create", "print"];
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _switches = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public static CommandOptions Parse(ReadOnlySpan<string> args)
    {
        var options = new CommandOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                options.Positional.Add(arg);
                continue;
            }
            var name = arg[2..];
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
                options._values[name[..equals]] = name[(equals + 1)..];
            else if (Switches.Contains(name))
                options._switches.Add(name);
            else if (i + 1 < args.Length)
                options._values[name] = args[++i];
            else
                throw new UsageException($"选项 --{name} 需要一个值。\nOption --{name} needs a value.");
        }
        return options;
    }

    public string? Value(string name) => _values.GetValueOrDefault(name);

    public bool Has(string name) => _switches.Contains(name);

    public int Number(string name, int fallback)
    {
        var text = Value(name);
        if (text is null)
            return fallback;
        return int.TryParse(text.Replace(",", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal), out var number) && number > 0
            ? number
            : throw new UsageException($"--{name} 需要一个正整数，而不是“{text}”。\n--{name} takes a positive whole number, not '{text}'.");
    }

    /// <summary>`--lang en`: messages in English instead of Chinese.</summary>
    public static bool English(CommandOptions options) => options.Value("lang") switch
    {
        null or "zh" => false,
        "en" => true,
        var other => throw new UsageException($"--lang 只能是 zh 或 en，不是“{other}”。\n--lang takes zh or en, not '{other}'."),
    };

    /// <summary>
    /// The options that name a setting (<c>--Screen:Title 标题</c>, <c>--Backup:Keep=30</c>) as the host's
    /// <c>--Section:Key=value</c> arguments, taken out of the verb's own options: any setting can be given on the command line.
    /// </summary>
    public IReadOnlyList<string> TakeSettings()
    {
        var settings = _values.Where(v => v.Key.Contains(':', StringComparison.Ordinal)).ToList();
        foreach (var (key, _) in settings)
            _values.Remove(key);
        return [.. settings.Select(s => $"--{s.Key}={s.Value}")];
    }

    public void AllowOnly(params string[] names)
    {
        var unknown = _values.Keys.Concat(_switches).FirstOrDefault(k => !names.Contains(k));
        if (unknown is not null)
            throw new UsageException($"未知选项 --{unknown}；此命令可用的选项：{string.Join("、", names.Select(n => "--" + n))}。\nUnknown option --{unknown}; this verb takes {string.Join(", ", names.Select(n => "--" + n))}.");
    }
}
