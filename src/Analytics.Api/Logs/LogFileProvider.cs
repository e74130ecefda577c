using System.Globalization;
using System.Text;
using Analytics.Ingestion.Normalising;

namespace Analytics.Api.Logs;

/// <summary>
/// Writes what the service logs (at the levels the Logging settings let through) to <see cref="LogFile"/>, one line per
/// entry in Beijing time, an exception's text indented below it.
/// </summary>
[ProviderAlias("File")]
internal sealed class LogFileProvider(LogFile file, TimeProvider time) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new FileLogger(categoryName, file, time);

    public void Dispose() => file.Dispose();

    private sealed class FileLogger(string category, LogFile file, TimeProvider time) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            var line = new StringBuilder()
                .Append(time.BeijingNow().ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture))
                .Append(' ').Append(Level(logLevel)).Append(' ').Append(category).Append(": ")
                .Append(formatter(state, exception).ReplaceLineEndings("\n    "))
                .Append('\n');
            if (exception is not null)
                line.Append("    ").Append(exception.ToString().ReplaceLineEndings("\n    ")).Append('\n');
            file.Write(line.ToString());
        }

        private static string Level(LogLevel level) => level switch
        {
            LogLevel.Trace => "TRACE",
            LogLevel.Debug => "DEBUG",
            LogLevel.Information => "INFO ",
            LogLevel.Warning => "WARN ",
            LogLevel.Error => "ERROR",
            _ => "FATAL",
        };
    }
}
