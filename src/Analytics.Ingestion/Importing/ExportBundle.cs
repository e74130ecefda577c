using System.IO.Compression;
using System.Text;
using Analytics.Ingestion.Formats;
using Analytics.Ingestion.Normalising;
using Analytics.Ingestion.Tables;

namespace Analytics.Ingestion.Importing;

/// <summary>
/// Files given together — on one command line, in one upload, in one inbox folder — as the imports they make. A zip is
/// opened and each export in it is an import of its own; a zip inside it, or an encrypted member, is refused with the
/// reason. The orders file and the items file of a two-file export (淘宝/天猫 订单报表 and 宝贝报表) given together are one
/// import, whether they came as two files or in one zip. Zip members are unpacked into a folder of the bundle's own,
/// deleted when it is disposed.
/// </summary>
public sealed class ExportBundle : IDisposable
{
    private static readonly string[] ExportExtensions = [".csv", ".txt", ".tsv", ".xlsx", ".xls"];

    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "analytics-bundle-" + Guid.NewGuid().ToString("N"));
    private readonly long _maxMemberBytes;
    private int _members;

    private ExportBundle(long maxMemberBytes) => _maxMemberBytes = maxMemberBytes;

    public IReadOnlyList<ImportUnit> Units { get; private set; } = [];

    /// <param name="maxMemberBytes">A zip member larger than this when unpacked is refused (an upload's size limit).</param>
    public static ExportBundle Open(IEnumerable<ExportFile> files, long maxMemberBytes = long.MaxValue)
    {
        var bundle = new ExportBundle(maxMemberBytes);
        try
        {
            var leaves = new List<Leaf>();
            foreach (var file in files)
                leaves.AddRange(bundle.Unpack(file));
            bundle.Units = Paired(leaves);
            return bundle;
        }
        catch
        {
            bundle.Dispose();
            throw;
        }
    }

    /// <summary>One file to import (or refuse), the file given it came from, and which part of a two-file export it is.</summary>
    private sealed record Leaf(ExportFile File, ExportFile Source, ImportRefusal? Refusal = null)
    {
        public ExportPart Part { get; init; }
        public ExportFormat? Format { get; init; }
    }

    private List<Leaf> Unpack(ExportFile file)
    {
        if (!IsZip(file))
            return [Sniffed(new Leaf(file, file))];
        try
        {
            return UnpackZip(file);
        }
        catch (InvalidDataException)
        {
            return [new Leaf(file, file, new ImportRefusal(
                $"“{file.Name}”不是完整的压缩包（可能还在下载中，或已损坏）。请重新下载后再导入。",
                $"'{file.Name}' is not a complete zip (still downloading, or damaged). Download it again."))];
        }
    }

    private List<Leaf> UnpackZip(ExportFile zipFile)
    {
        var leaves = new List<Leaf>();
        // Zips made on Chinese Windows name their members in GBK without saying so; names marked UTF-8 are read as such.
        using var zip = new ZipArchive(File.OpenRead(zipFile.Path), ZipArchiveMode.Read, leaveOpen: false, Encoding.GetEncoding("GB18030"));
        foreach (var entry in zip.Entries)
        {
            var name = entry.Name;
            // Folders, the resource forks a Mac adds, hidden files and Excel's lock files are not exports.
            if (name.Length == 0 || entry.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal) || name.StartsWith('.') ||
                name.StartsWith("~$", StringComparison.Ordinal))
                continue;
            var extension = Path.GetExtension(name).ToLowerInvariant();
            // A member refused unread is recorded under the zip's bytes, the file that was given.
            var member = new ExportFile(zipFile.Path, name);
            if (entry.IsEncrypted)
            {
                leaves.Add(new Leaf(member, zipFile, new ImportRefusal(
                    $"压缩包“{zipFile.Name}”中的“{name}”设置了密码，无法读取。请用密码解压后，直接导入解压出的文件。",
                    $"'{name}' in the zip '{zipFile.Name}' is encrypted (password-protected). Unpack it with its password and import the unpacked file.")));
            }
            else if (extension == ".zip")
            {
                leaves.Add(new Leaf(member, zipFile, new ImportRefusal(
                    $"压缩包“{zipFile.Name}”里又套了一个压缩包“{name}”，不能直接导入。请先解压，再导入里面的导出文件。",
                    $"The zip '{zipFile.Name}' holds another zip, '{name}', which is not imported. Unpack it and import the exports inside.")));
            }
            else if (!ExportExtensions.Contains(extension))
            {
                continue; // a note or a picture beside the exports
            }
            else if (entry.Length > _maxMemberBytes)
            {
                leaves.Add(new Leaf(member, zipFile, new ImportRefusal(
                    $"压缩包“{zipFile.Name}”中的“{name}”解压后有 {entry.Length / 1024 / 1024} MB，超过上限 {_maxMemberBytes / 1024 / 1024} MB。",
                    $"'{name}' in the zip '{zipFile.Name}' is {entry.Length / 1024 / 1024} MB unpacked, over the limit of {_maxMemberBytes / 1024 / 1024} MB.")));
            }
            else
            {
                var folder = Directory.CreateDirectory(Path.Combine(_scratch, (++_members).ToString(System.Globalization.CultureInfo.InvariantCulture))).FullName;
                var path = Path.Combine(folder, "export" + extension);
                entry.ExtractToFile(path);
                leaves.Add(Sniffed(new Leaf(new ExportFile(path, name), zipFile)));
            }
        }
        if (leaves.Count == 0)
        {
            leaves.Add(new Leaf(zipFile, zipFile, new ImportRefusal(
                $"压缩包“{zipFile.Name}”中没有 CSV 或 Excel 导出文件。",
                $"The zip '{zipFile.Name}' holds no CSV or Excel export.")));
        }
        return leaves;
    }

    private static bool IsZip(ExportFile file)
    {
        Span<byte> head = stackalloc byte[4];
        using (var stream = File.OpenRead(file.Path))
        {
            if (stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) < 4 || !ZipContainer.HasZipSignature(head))
                return false;
            if (string.Equals(Path.GetExtension(file.Name), ".zip", StringComparison.OrdinalIgnoreCase))
                return true;
            return ZipContainer.IsZipOfFiles(stream);
        }
    }

    /// <summary>Which part of a two-file export the file is, from its header; a file that cannot be read is left for its import to refuse.</summary>
    private static Leaf Sniffed(Leaf leaf)
    {
        try
        {
            var text = ExportFileText.Sniff(leaf.File.Path);
            if (text.Container is ExportContainer.Zip)
                return leaf;
            var rows = text.Container == ExportContainer.Text ? CsvRows.Read(leaf.File.Path, text) : WorkbookRows.Read(leaf.File.Path);
            using var document = ExportDocument.Open(rows, new ProvinceDirectory([]));
            return leaf with { Part = document.Reader.Part, Format = document.Format };
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            // Whatever a reader throws on these bytes, the file's own import says it, with the reason.
            return leaf;
        }
    }

    /// <summary>
    /// Each items file with the orders file of the same export: the one its name pairs with (ExportOrderList202303081015 and
    /// ExportOrderDetailList202303081015), else the only orders file left. Imports keep the order given, except that items
    /// files without their orders file come last, after every orders file they might complete.
    /// </summary>
    private static List<ImportUnit> Paired(List<Leaf> leaves)
    {
        var orders = leaves.Where(l => l.Refusal is null && l.Part == ExportPart.Orders).ToList();
        var items = leaves.Where(l => l.Refusal is null && l.Part == ExportPart.Items).ToList();
        var pairs = new Dictionary<Leaf, Leaf>(ReferenceEqualityComparer.Instance);
        foreach (var item in items)
        {
            var byName = orders.FirstOrDefault(o => !pairs.ContainsKey(o) && o.Format?.Platform == item.Format?.Platform &&
                string.Equals(o.Format?.CompanionFileName(o.File.Name), item.File.Name, StringComparison.OrdinalIgnoreCase));
            if (byName is not null)
                pairs[byName] = item;
        }
        var unpairedOrders = orders.Where(o => !pairs.ContainsKey(o)).ToList();
        var unpairedItems = items.Where(i => !pairs.ContainsValue(i)).ToList();
        if (unpairedOrders.Count == 1 && unpairedItems.Count == 1 && unpairedOrders[0].Format?.Platform == unpairedItems[0].Format?.Platform)
        {
            pairs[unpairedOrders[0]] = unpairedItems[0];
            unpairedItems.Clear();
        }

        var units = new List<ImportUnit>();
        foreach (var leaf in leaves)
        {
            if (pairs.TryGetValue(leaf, out var companion))
                units.Add(new ImportUnit(leaf.File, companion.File) { Sources = Distinct(leaf.Source, companion.Source) });
            else if (!items.Contains(leaf))
                units.Add(new ImportUnit(leaf.File, Refusal: leaf.Refusal) { Sources = [leaf.Source] });
        }
        units.AddRange(unpairedItems.Select(i => new ImportUnit(i.File) { Sources = [i.Source] }));
        return units;
    }

    private static ExportFile[] Distinct(ExportFile first, ExportFile second) => first == second ? [first] : [first, second];

    public void Dispose()
    {
        if (!Directory.Exists(_scratch))
            return;
        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a failed import; the temporary folder is harmless.
        }
    }
}
