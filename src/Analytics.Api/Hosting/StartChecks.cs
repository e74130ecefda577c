namespace Analytics.Api.Hosting;

/// <summary>
/// Checks made before a verb or the service creates anything, so that a typo in a path is one line on the screen
/// instead of a new empty database, or a folder made at the root of the disk.
/// </summary>
internal static class StartChecks
{
    /// <summary>
    /// The database's folder must exist: a mistyped <c>--db</c> would otherwise make a new, empty database and report
    /// nothing wrong. With <paramref name="create"/> (<c>--create</c>) it is made.
    /// </summary>
    /// <param name="canCreate">Whether the verb takes <c>--create</c> (a report or a withdrawal needs a database that exists).</param>
    public static void DatabaseFolder(string databasePath, bool create, bool canCreate = true)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(databasePath))!;
        if (Directory.Exists(folder))
            return;
        if (File.Exists(folder))
            throw new StartRefusedException($"数据库路径 {databasePath} 不可用：{folder} 是一个文件，不是文件夹。");
        if (!create)
        {
            throw new StartRefusedException($"数据库所在的文件夹 {folder} 不存在（数据库 {databasePath}），请检查路径" +
                (canCreate ? "；如确要在那里新建数据库，请加 --create。" : "。"));
        }
        Directory.CreateDirectory(folder);
    }

    /// <summary>A file is to be written into this folder: it must exist and take a new file.</summary>
    /// <param name="remedy">What to do instead, e.g. 用 --out 换一个位置.</param>
    public static void WritableFolder(string filePath, string remedy)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(filePath))!;
        if (!Directory.Exists(folder))
            throw new StartRefusedException($"文件夹 {folder} 不存在，无法写入 {Path.GetFileName(filePath)}：请先建好它，或{remedy}。");
        try
        {
            // The one sure test of writing is to write: permissions, read-only media and ACLs all answer here.
            using var probe = new FileStream(Path.Combine(folder, $".analytics-write-test-{Guid.NewGuid():N}"), FileMode.CreateNew,
                FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new StartRefusedException($"不能在文件夹 {folder} 中写入文件（没有写权限，或为只读）：请{remedy}。");
        }
    }
}

/// <summary>A check before any work failed: one line for the operator, exit 2, nothing created or changed.</summary>
internal sealed class StartRefusedException(string message) : Exception(message);
