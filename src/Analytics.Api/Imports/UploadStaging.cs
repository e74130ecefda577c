using System.IO.Compression;
using System.Text.Json;
using Analytics.Api.Hosting;

namespace Analytics.Api.Imports;

/// <summary>
/// Files an operator uploaded and has seen the preview of, waiting for "确认导入". Kept beside the database in
/// <c>uploads/</c> under a random id, with who staged them and for which shop; forgotten after two hours. A zip is
/// unpacked into one staged file per export inside it.
/// </summary>
internal sealed class UploadStaging(ServiceSettings settings, TimeProvider time)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromHours(2);
    private static readonly string[] ExportExtensions = [".csv", ".txt", ".xlsx", ".xls"];

    public string Folder { get; } = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settings.DatabasePath))!, "uploads");

    /// <summary>Stages an uploaded file (or each export inside a zip); returns the staged files.</summary>
    public async Task<IReadOnlyList<StagedUpload>> StageAsync(IFormFile file, string account, string shop, CancellationToken cancellationToken)
    {
        ForgetOld();
        var name = Path.GetFileName(file.FileName);
        if (!string.Equals(Path.GetExtension(name), ".zip", StringComparison.OrdinalIgnoreCase))
        {
            await using var upload = file.OpenReadStream();
            return [await StageAsync(upload, name, account, shop, cancellationToken)];
        }
        var staged = new List<StagedUpload>();
        await using var zipStream = file.OpenReadStream();
        using var zip = new ZipArchive(zipStream, ZipArchiveMode.Read);
        foreach (var entry in zip.Entries)
        {
            // Folders, and the resource forks a Mac adds, are not exports.
            if (entry.FullName.EndsWith('/') || entry.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal) ||
                !ExportExtensions.Contains(Path.GetExtension(entry.Name), StringComparer.OrdinalIgnoreCase))
                continue;
            if (entry.Length > settings.UploadMaxMegabytes * 1024L * 1024L)
                throw new BadHttpRequestException($"压缩包中的“{entry.FullName}”解压后超过 {settings.UploadMaxMegabytes} MB 的上传上限。");
            await using var inside = entry.Open();
            staged.Add(await StageAsync(inside, entry.Name, account, shop, cancellationToken));
        }
        if (staged.Count == 0)
            throw new BadHttpRequestException($"压缩包“{name}”中没有 CSV 或 Excel 导出文件。");
        return staged;
    }

    public StagedUpload? Find(string id)
    {
        if (id.Length != 32 || !id.All(char.IsAsciiHexDigitLower))
            return null;
        var meta = Path.Combine(Folder, id, "upload.json");
        return File.Exists(meta) ? JsonSerializer.Deserialize<StagedUpload>(File.ReadAllText(meta)) : null;
    }

    public void Forget(string id)
    {
        var folder = Path.Combine(Folder, id);
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }

    private async Task<StagedUpload> StageAsync(Stream content, string fileName, string account, string shop, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        var folder = Directory.CreateDirectory(Path.Combine(Folder, id)).FullName;
        var path = Path.Combine(folder, "export" + Path.GetExtension(fileName).ToLowerInvariant());
        await using (var target = File.Create(path))
            await content.CopyToAsync(target, cancellationToken);
        var staged = new StagedUpload(id, fileName, path, account, shop, time.GetUtcNow());
        await File.WriteAllTextAsync(Path.Combine(folder, "upload.json"), JsonSerializer.Serialize(staged), cancellationToken);
        return staged;
    }

    private void ForgetOld()
    {
        if (!Directory.Exists(Folder))
            return;
        foreach (var folder in Directory.EnumerateDirectories(Folder))
        {
            if (time.GetUtcNow() - Directory.GetCreationTimeUtc(folder) > KeptFor)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // Being confirmed right now; the next upload clears it.
                }
            }
        }
    }
}

/// <param name="Account">The account that staged it: only it may confirm or discard it.</param>
internal sealed record StagedUpload(string Id, string FileName, string Path, string Account, string Shop, DateTimeOffset StagedAt);
