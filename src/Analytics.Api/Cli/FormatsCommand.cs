using Analytics.Store;

namespace Analytics.Api.Cli;

/// <summary>
/// `formats [--formats DIR] [--lang en]`: the exports the program reads — its own readers and the platforms mapping files
/// add — and what each can say. Reading the files is the check: a bad one is refused (exit 2) with its file, line and reason.
/// </summary>
internal static class FormatsCommand
{
    public static int Run(CommandOptions options, TextWriter output)
    {
        options.AllowOnly("formats", "lang");
        var english = CommandOptions.English(options);
        if (options.Positional.Count > 0)
            throw new UsageException("formats 不接受文件参数；映射文件夹用 --formats 指定。\nformats takes no files; name the mapping folder with --formats.");
        var storeOptions = new StoreOptions
        {
            DatabasePath = "unused.db",
            FormatsDirectory = options.Value("formats") ?? Environment.GetEnvironmentVariable("Formats__Path"),
        };
        foreach (var format in StoreFormats.Load(storeOptions).Describe())
        {
            var platform = format.PlatformName is null ? format.Platform : $"{format.Platform} {format.PlatformName}";
            var refunds = english ? (format.StatesRefundAmounts ? "refund amounts stated" : "refunds inferred from statuses (estimates)")
                : format.StatesRefundAmounts ? "退款金额取自文件" : "退款按状态推断（估算）";
            var from = format.MappingFile is null ? (english ? "built in" : "程序自带") : (english ? $"mapping file {format.MappingFile}" : $"映射文件 {format.MappingFile}");
            output.WriteLine($"{platform}：{format.Name}（{string.Join("、", format.Signature)}）；{refunds}；{from}");
        }
        return 0;
    }
}
