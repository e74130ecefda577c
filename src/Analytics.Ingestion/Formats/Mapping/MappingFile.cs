using System.Text.RegularExpressions;
using Analytics.Ingestion.Normalising;

namespace Analytics.Ingestion.Formats.Mapping;

/// <summary>
/// Reads and checks one mapping file: the sections and keys it may hold, and everything that would make it misread
/// an export. Whatever is wrong is refused with the file, the line and the reason (<see cref="MappingFileException"/>),
/// never half-used. The keys are documented in docs/export-formats.md §13.
/// </summary>
internal static partial class MappingFile
{
    public const string Extension = ".ini";

    private const string Platform = "平台", Recognition = "识别", Columns = "列", Statuses = "状态";

    private static readonly Dictionary<string, string[]> Keys = new(StringComparer.Ordinal)
    {
        [Platform] = ["代码", "名称", "别名", "导出名称"],
        [Recognition] = ["表头", "完整表头"],
        [Columns] =
        [
            "订单号", "订单行号", "支付时间", "下单时间", "实付金额", "实付金额口径", "单价", "数量", "商品编号", "商品名称", "订单状态", "售后状态",
            "退款金额", "退款金额口径", "省", "市", "区", "地址", "买家账号", "收货人", "收货人电话",
        ],
        [Statuses] = ["已付款", "未付款", "已取消", "已退款"],
    };

    public static MappingDefinition Read(string path, IReadOnlyList<ExportFormat> builtIn)
    {
        var text = MappingText.Read(path);
        foreach (var section in text.Sections.Values)
        {
            if (!Keys.TryGetValue(section.Name, out var allowed))
                throw text.Refuse(section.Line, $"没有“[{section.Name}]”这一节。可用的节：{string.Join("、", Keys.Keys.Select(k => $"[{k}]"))}。",
                    $"there is no section [{section.Name}]; the sections are {string.Join(", ", Keys.Keys.Select(k => $"[{k}]"))}.");
            foreach (var entry in section.Entries.Values.Where(e => !allowed.Contains(e.Key)))
                throw text.Refuse(entry.Line, $"“[{section.Name}]”节中没有“{entry.Key}”这一项。可用的项：{string.Join("、", allowed)}。",
                    $"[{section.Name}] has no key '{entry.Key}'; its keys are {string.Join(", ", allowed)}.");
        }

        var code = Required(text, Platform, "代码");
        if (!CodeShape().IsMatch(code.Value))
            throw text.Refuse(code.Line, $"平台代码“{code.Value}”只能用小写英文字母、数字和下划线（2–30个，以字母开头），例如 lecuntao。它会写进数据库，导入后不要再改。",
                $"the platform code '{code.Value}' takes lower-case letters, digits and _ (2–30, starting with a letter), e.g. lecuntao; it is stored, so never change it after imports.");
        if (builtIn.FirstOrDefault(f => f.Platform == code.Value) is { } taken)
            throw text.Refuse(code.Line, $"平台代码“{code.Value}”已由程序自带的“{taken.Name}”使用，请换一个代码。",
                $"the platform code '{code.Value}' is the built-in {taken.Name}'s; choose another.");
        var name = Required(text, Platform, "名称");

        var signatureEntry = Required(text, Recognition, "表头");
        var signature = MappingText.Items(signatureEntry.Value);
        if (signature.Count < 2)
            throw text.Refuse(signatureEntry.Line, "“表头”至少要写两个列名（用逗号分开）：只凭一列，别的平台的导出也可能被认成这个平台。",
                "表头 needs at least two column names (comma-separated): one alone could claim other platforms' exports.");
        var shadowing = builtIn.FirstOrDefault(f => f.Signature.All(s => signature.Any(n => HeaderText.Normalise(n) == HeaderText.Normalise(s))));
        if (shadowing is not null)
            throw text.Refuse(signatureEntry.Line, $"“表头”包含了程序自带的“{shadowing.Name}”的全部识别列（{string.Join("、", shadowing.Signature)}），这样的文件总会先被认成“{shadowing.Name}”。请换用这个平台独有的列名。",
                $"表头 holds every signature column of the built-in {shadowing.Name} ({string.Join(", ", shadowing.Signature)}), which would always claim such files first; use columns only this platform has.");

        var paidScope = Scope(text, "实付金额口径", fallback: false);
        var statuses = StatusLists(text);
        var definition = new MappingDefinition
        {
            File = path,
            Code = code.Value,
            CodeLine = code.Line,
            Name = name.Value,
            Aliases = Value(text, Platform, "别名") is { } aliases ? MappingText.Items(aliases.Value) : [],
            ExportName = Value(text, Platform, "导出名称")?.Value ?? $"{name.Value}订单导出",
            Signature = signature,
            SignatureLine = signatureEntry.Line,
            FullHeader = Value(text, Recognition, "完整表头") is { } full ? MappingText.Items(full.Value) : [],
            OrderId = Column(Required(text, Columns, "订单号"))!,
            LineId = Value(text, Columns, "订单行号") is { } line
                ? line.Value.Split(['+', '＋'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(part => Column(line with { Value = part })!).ToList()
                : [],
            PaidAt = Column(Value(text, Columns, "支付时间")),
            OrderedAt = Column(Value(text, Columns, "下单时间")),
            Paid = Column(Required(text, Columns, "实付金额"))!,
            PaidPerOrder = paidScope,
            UnitPrice = Column(Value(text, Columns, "单价")),
            Quantity = Column(Value(text, Columns, "数量")),
            ProductId = Column(Value(text, Columns, "商品编号")),
            Title = Column(Value(text, Columns, "商品名称")),
            Status = Column(Value(text, Columns, "订单状态")),
            AfterSale = Column(Value(text, Columns, "售后状态")),
            Refund = Column(Value(text, Columns, "退款金额")),
            RefundPerOrder = Scope(text, "退款金额口径", fallback: paidScope),
            Province = Column(Value(text, Columns, "省")),
            City = Column(Value(text, Columns, "市")),
            District = Column(Value(text, Columns, "区")),
            Address = Column(Value(text, Columns, "地址")),
            BuyerAccount = Column(Value(text, Columns, "买家账号")),
            Receiver = Column(Value(text, Columns, "收货人")),
            ReceiverPhone = Column(Value(text, Columns, "收货人电话")),
            PaidStatuses = statuses.Paid,
            UnpaidStatuses = statuses.Unpaid,
            RefundedStatuses = statuses.Refunded,
        };

        if (definition.PaidAt is null && definition.OrderedAt is null)
            throw text.Refuse(SectionLine(text, Columns), "“[列]”中要写“支付时间”（付款时间所在的列）；文件没有付款时间时，写“下单时间”，并在“[状态]”中写明哪些状态是“已付款”。",
                "[列] needs 支付时间 (the payment-time column); where the export has none, give 下单时间 and list the paid statuses under [状态] 已付款.");
        if (definition.PaidAt is null && definition.PaidStatuses.Count + definition.RefundedStatuses.Count == 0)
            throw text.Refuse(definition.OrderedAt!.Line, "只有“下单时间”而没有“支付时间”时，必须在“[状态]”中用“已付款”列出表示已付款的状态，否则未付款的订单也会被计入。",
                "with 下单时间 and no 支付时间, [状态] must list the paid statuses under 已付款, or unpaid orders would count.");
        if (definition.ListsStatuses && definition.Status is null && definition.AfterSale is null)
            throw text.Refuse(SectionLine(text, Statuses), "“[状态]”列出了状态，但“[列]”中没有写“订单状态”所在的列。",
                "[状态] lists statuses, but [列] names no 订单状态 column.");
        if (Value(text, Columns, "退款金额口径") is { } refundScope && definition.Refund is null)
            throw text.Refuse(refundScope.Line, "写了“退款金额口径”，却没有写“退款金额”所在的列。", "退款金额口径 is given without a 退款金额 column.");
        return definition;
    }

    private static MappedColumn? Column(MappingText.Entry? entry) => entry is null ? null
        : new MappedColumn(entry.Value.Split(['|', '｜'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), entry.Line);

    private static MappingText.Entry? Value(MappingText text, string section, string key) =>
        text.Sections.TryGetValue(section, out var found) ? found.Entries.GetValueOrDefault(key) : null;

    private static MappingText.Entry Required(MappingText text, string section, string key) =>
        Value(text, section, key) ?? throw text.Refuse(SectionLine(text, section), $"缺少“[{section}]”节中的“{key}”，这一项必须填写。",
            $"[{section}] {key} is missing; it is required.");

    private static int SectionLine(MappingText text, string section) => text.Sections.TryGetValue(section, out var found) ? found.Line : 1;

    /// <summary>每行 (the row's own amount) or 每单 (the order's, taken once).</summary>
    private static bool Scope(MappingText text, string key, bool fallback) => Value(text, Columns, key) switch
    {
        null => fallback,
        { Value: "每行" } => false,
        { Value: "每单" } => true,
        var other => throw text.Refuse(other.Line, $"“{key}”只能是“每行”（每一行是这一行商品的金额）或“每单”（整单的金额，在这一单的各行重复或只写一次），不能是“{other.Value}”。",
            $"{key} is 每行 (each row's own amount) or 每单 (the whole order's amount), not '{other.Value}'."),
    };

    private static (HashSet<string> Paid, HashSet<string> Unpaid, HashSet<string> Refunded) StatusLists(MappingText text)
    {
        var lists = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in Keys[Statuses])
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            if (Value(text, Statuses, key) is { } entry)
            {
                foreach (var status in MappingText.Items(entry.Value))
                {
                    if (seen.TryGetValue(status, out var other) && other != key)
                        throw text.Refuse(entry.Line, $"状态“{status}”同时写在了“{other}”和“{key}”中，一个状态只能有一种含义。",
                            $"status '{status}' is listed under both {other} and {key}; a status has one meaning.");
                    seen[status] = key;
                    set.Add(status);
                }
            }
            lists[key] = set;
        }
        // 已取消 is kept apart for the reader of the file: an order cancelled before payment is an unpaid one.
        return (lists["已付款"], [.. lists["未付款"], .. lists["已取消"]], lists["已退款"]);
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{1,29}$")]
    private static partial Regex CodeShape();
}
