namespace Analytics.Store;

/// <summary>
/// The lock file beside the database (<c>analytics.db.lock</c>) that a running service holds open, exclusively, for its
/// whole life: a second service on the same database, and a restore under a running one, find it taken and refuse.
/// The operating system lets go of it when the process ends, however it ends, so a crash leaves no stale lock; the
/// empty file itself stays (deleting it on the way out would let a waiting opener lock a file no one else can see).
/// </summary>
public sealed class DatabaseLock : IDisposable
{
    private readonly FileStream _file;

    private DatabaseLock(FileStream file) => _file = file;

    public static string PathFor(string databasePath) => Path.GetFullPath(databasePath) + ".lock";

    /// <summary>Takes the lock, or returns null when another process (or another service in this one) holds it.</summary>
    public static DatabaseLock? TryTake(string databasePath)
    {
        try
        {
            // FileShare.None is an exclusive flock on Linux and a sharing lock on Windows: either way, one holder.
            return new DatabaseLock(new FileStream(PathFor(databasePath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e) when (e is not (DirectoryNotFoundException or FileNotFoundException))
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}
