using Analytics.Ingestion.Formats.Mapping;
using Analytics.Store;

namespace Analytics.Api.Hosting;

/// <summary>
/// What `serve` and `demo` check before the service creates anything — settings that cannot be read, a database folder
/// that does not exist, another service on the same database, a port another program holds — each refused in one line
/// (exit 2) with the database, its folders and the lock left as they were. What passes returns the database's lock,
/// held for the service's lifetime so a second service on the same database is refused.
/// </summary>
internal static class ServiceStart
{
    /// <summary>The checks; null after writing the refusal's one line to <paramref name="errors"/>.</summary>
    public static DatabaseLock? TryCheck(IConfiguration configuration, ServiceSettings settings, IReadOnlyList<string> settingProblems,
        bool createDatabaseFolder, TextWriter errors)
    {
        try
        {
            return Check(configuration, settings, settingProblems, createDatabaseFolder);
        }
        catch (StartRefusedException refused)
        {
            errors.WriteLine(refused.Message);
            return null;
        }
    }

    public static DatabaseLock Check(IConfiguration configuration, ServiceSettings settings, IReadOnlyList<string> settingProblems, bool createDatabaseFolder)
    {
        if (settingProblems.Count > 0)
            throw new StartRefusedException("设置有误，服务没有启动：" + string.Join(" ", settingProblems));
        CheckMappingFiles(settings);
        var database = Path.GetFullPath(settings.DatabasePath);
        var folderExists = Directory.Exists(Path.GetDirectoryName(database));
        if (!folderExists && !createDatabaseFolder)
            StartChecks.DatabaseFolder(database, create: false);

        // The lock first: a second start of a running service is better told so than that its port is taken.
        var lockExisted = File.Exists(DatabaseLock.PathFor(database));
        var held = folderExists ? TakeLock(database) : null;
        try
        {
            ListenPorts.CheckFree(ListenPorts.UrlsOf(configuration));
        }
        catch (StartRefusedException)
        {
            held?.Dispose();
            if (held is not null && !lockExisted)
                File.Delete(DatabaseLock.PathFor(database));
            throw;
        }
        if (held is not null)
            return held;
        StartChecks.DatabaseFolder(database, create: true);
        return TakeLock(database);
    }

    /// <summary>
    /// Runs the service; a port taken after the check (or named in a way the check does not read) is refused in one line
    /// too, instead of Kestrel's stack trace.
    /// </summary>
    public static async Task<int> RunAsync(WebApplication app, TextWriter errors)
    {
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            await errors.WriteLineAsync($"监听地址已被占用：{e.Message}；请先停止占用它的程序，或用 --urls 换一个端口。");
            return 2;
        }
    }

    /// <summary>Every mapping file is read before anything starts: one that cannot be used is named with its line, and nothing runs.</summary>
    private static void CheckMappingFiles(ServiceSettings settings)
    {
        try
        {
            StoreFormats.Load(new StoreOptions { DatabasePath = settings.DatabasePath, FormatsDirectory = settings.FormatsPath });
        }
        catch (MappingFileException bad)
        {
            throw new StartRefusedException($"映射文件有误，服务没有启动：{bad.Message} / {bad.MessageEn}");
        }
    }

    /// <summary>Refuses, as a second start would be, when a service runs on the database now; takes no lock.</summary>
    public static void RefuseIfRunning(string database)
    {
        if (File.Exists(database))
            TakeLock(Path.GetFullPath(database)).Dispose();
    }

    private static DatabaseLock TakeLock(string database) => DatabaseLock.TryTake(database) ?? throw new StartRefusedException(
        $"数据库 {database} 已有一个服务在使用（锁文件 {DatabaseLock.PathFor(database)}）：同一个数据库只能运行一个服务；要重启，请先停止正在运行的那个。");
}
