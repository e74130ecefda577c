using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Analytics.Api.Hosting;
using Analytics.Ingestion.Importing;

namespace Analytics.Api.Imports;

/// <summary>
/// Files an operator uploaded and has seen the preview of, waiting for "确认导入". Kept beside the database in
/// <c>uploads/</c> under a random id, with who staged them and for which shop; forgotten after two hours. The files of one
/// upload are staged as the imports they make (<see cref="ExportBundle"/>): a zip is unpacked into one staged import per
/// export inside it, and a 淘宝/天猫 订单报表 staged with its 宝贝报表 is one staged import of both files.
/// </summary>
internal sealed class UploadStaging(ServiceSettings settings, TimeProvider time)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromHours(2);

    public string Folder { get; } = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settings.DatabasePath))!, "uploads");

    /// <summary>Stages the files of one upload (zips unpacked, pairs kept together); returns the staged imports.</summary>
    public async Task<IReadOnlyList<StagedUpload>> StageAsync(IReadOnlyList<IFormFile> files, string account, string shop, CancellationToken cancellationToken)
    {
        ForgetOld();
        var received = Directory.CreateDirectory(Path.Combine(Folder, "receiving-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var saved = new List<ExportFile>();
            foreach (var file in files)
            {
                var folder = Directory.CreateDirectory(Path.Combine(received, saved.Count.ToString(CultureInfo.InvariantCulture))).FullName;
                var path = Path.Combine(folder, "upload" + Path.GetExtension(file.FileName).ToLowerInvariant());
                await using (var upload = file.OpenReadStream())
                await using (var target = File.Create(path))
                    await upload.CopyToAsync(target, cancellationToken);
                saved.Add(new ExportFile(path, Path.GetFileName(file.FileName)));
            }
            using var bundle = ExportBundle.Open(saved, settings.UploadMaxMegabytes * 1024L * 1024L);
            var staged = new List<StagedUpload>();
            foreach (var unit in bundle.Units)
                staged.Add(await StageAsync(unit, account, shop, cancellationToken));
            return staged;
        }
        finally
        {
            Directory.Delete(received, recursive: true);
        }
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

    private async Task<StagedUpload> StageAsync(ImportUnit unit, string account, string shop, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        var folder = Directory.CreateDirectory(Path.Combine(Folder, id)).FullName;
        var path = Path.Combine(folder, "export" + Path.GetExtension(unit.File.Name).ToLowerInvariant());
        File.Copy(unit.File.Path, path);
        string? companionPath = null;
        if (unit.Companion is { } companion)
        {
            companionPath = Path.Combine(folder, "companion" + Path.GetExtension(companion.Name).ToLowerInvariant());
            File.Copy(companion.Path, companionPath);
        }
        var staged = new StagedUpload(id, unit.File.Name, path, account, shop, time.GetUtcNow())
        {
            CompanionFileName = unit.Companion?.Name,
            CompanionPath = companionPath,
            Refusal = unit.Refusal,
        };
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
internal sealed record StagedUpload(string Id, string FileName, string Path, string Account, string Shop, DateTimeOffset StagedAt)
{
    /// <summary>The items file staged with an orders file (淘宝/天猫 宝贝报表): the two are one import.</summary>
    public string? CompanionFileName { get; init; }
    public string? CompanionPath { get; init; }

    /// <summary>Why the file cannot be imported (a zip inside the zip, an encrypted member): confirming records the rejection.</summary>
    public ImportRefusal? Refusal { get; init; }

    /// <summary>What importing it takes.</summary>
    [JsonIgnore]
    public ImportUnit Unit => new(new ExportFile(Path, FileName),
        CompanionPath is null ? null : new ExportFile(CompanionPath, CompanionFileName!), Refusal);
}
