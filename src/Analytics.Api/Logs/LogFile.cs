using System.Globalization;
using System.Text;
using Analytics.Ingestion.Normalising;

namespace Analytics.Api.Logs;

/// <summary>
/// The service's log files: <c>analytics-yyyyMMdd.log</c> per Beijing day, continued in <c>analytics-yyyyMMdd-2.log</c> and
/// so on when a file reaches its size cap, and only the newest days kept — a PC that runs for years never fills its disk
/// with logs. Writing never fails the service: a line that cannot be written is dropped.
/// </summary>
internal sealed class LogFile(string folder, long maxBytes, int keepDays, TimeProvider time) : IDisposable
{
    private const string Prefix = "analytics-";
    private readonly Lock _lock = new();
    private StreamWriter? _writer;
    private DateOnly _day;
    private long _written;

    public string Folder => folder;

    public void Write(string text)
    {
        var bytes = Encoding.UTF8.GetByteCount(text);
        lock (_lock)
        {
            try
            {
                var today = time.BeijingToday();
                if (_writer is null || today != _day || _written + bytes > maxBytes && _written > 0)
                    Open(today, bytes);
                _writer!.Write(text);
                _writer.Flush();
                _written += bytes;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A full disk or a folder taken away must not stop the service; the next line tries a new file.
                _writer?.Dispose();
                _writer = null;
            }
        }
    }

    /// <summary>The day's file with room for the line: the current one, else the next number; a new day prunes old days.</summary>
    private void Open(DateOnly today, long bytes)
    {
        var newDay = today != _day;
        _writer?.Dispose();
        _writer = null;
        Directory.CreateDirectory(folder);
        if (newDay)
            Prune(today);
        for (var part = 1; ; part++)
        {
            var path = PathFor(today, part);
            var length = File.Exists(path) ? new FileInfo(path).Length : 0;
            if (length > 0 && length + bytes > maxBytes)
                continue;
            var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            _writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            (_day, _written) = (today, length);
            return;
        }
    }

    public string PathFor(DateOnly day, int part = 1) => Path.Combine(folder,
        $"{Prefix}{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}{(part > 1 ? $"-{part}" : "")}.log");

    /// <summary>Deletes the files of all but the newest <c>keepDays</c> days that have logs (today among them).</summary>
    private void Prune(DateOnly today)
    {
        var byDay = Directory.EnumerateFiles(folder, Prefix + "*.log")
            .Select(path => (Path: path, Day: DayOf(Path.GetFileName(path))))
            .Where(f => f.Day is not null && f.Day <= today)
            .GroupBy(f => f.Day!.Value)
            .OrderByDescending(g => g.Key)
            .ToList();
        var kept = byDay.Any(g => g.Key == today) ? keepDays : keepDays - 1;
        foreach (var file in byDay.Skip(Math.Max(0, kept)).SelectMany(g => g))
            File.Delete(file.Path);
    }

    private static DateOnly? DayOf(string fileName) =>
        fileName.Length >= Prefix.Length + 8 && DateOnly.TryParseExact(fileName.AsSpan(Prefix.Length, 8), "yyyyMMdd",
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public void Dispose()
    {
        lock (_lock)
        {
            _writer?.Dispose();
            _writer = null;
        }
    }
}
