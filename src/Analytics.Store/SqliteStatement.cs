using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Analytics.Store;

/// <summary>
/// One prepared statement reused for every row of a bulk write, bound by index on SQLite's own API.
/// Microsoft.Data.Sqlite re-binds every parameter by name on each execution (~0.4 µs a value, measured here),
/// which on a million-line import costs more than SQLite's own work; small reads still go through Dapper.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    public int Index(string name)
    {
        var index = raw.sqlite3_bind_parameter_index(_statement, name);
        return index > 0 ? index : throw new ArgumentException($"The statement has no parameter {name}.", nameof(name));
    }

    public void Bind(int index, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text(_statement, index, value));

    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    /// <summary>Runs the statement; returns the first column of the row it returned, or null when it returned none.</summary>
    public long? Execute()
    {
        try
        {
            var result = raw.sqlite3_step(_statement);
            if (result == raw.SQLITE_ROW)
            {
                var value = raw.sqlite3_column_int64(_statement, 0);
                while (raw.sqlite3_step(_statement) == raw.SQLITE_ROW) { }
                return value;
            }
            if (result != raw.SQLITE_DONE)
                Check(result);
            return null;
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>Runs a query for one text value; null when it returns no row or a null.</summary>
    public string? QueryText() => QueryTexts().First;

    /// <summary>Runs a query for the first two text columns of its first row; nulls when it returns no row.</summary>
    public (string? First, string? Second) QueryTexts()
    {
        try
        {
            var result = raw.sqlite3_step(_statement);
            if (result == raw.SQLITE_ROW)
                return (Column(0), raw.sqlite3_column_count(_statement) > 1 ? Column(1) : null);
            if (result != raw.SQLITE_DONE)
                Check(result);
            return (null, null);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>Steps a query to its next row; false (and the statement reset) when there are no more.</summary>
    public bool Step()
    {
        var result = raw.sqlite3_step(_statement);
        if (result == raw.SQLITE_ROW)
            return true;
        raw.sqlite3_reset(_statement);
        if (result != raw.SQLITE_DONE)
            Check(result);
        return false;
    }

    public string ColumnText(int index) => raw.sqlite3_column_text(_statement, index).utf8_to_string();

    /// <summary>Whether a text column equals <paramref name="value"/> (ASCII), without making a string of it.</summary>
    public bool ColumnTextEquals(int index, string value)
    {
        var bytes = raw.sqlite3_column_blob(_statement, index);
        if (bytes.Length != value.Length)
            return false;
        for (var i = 0; i < bytes.Length; i++)
            if (bytes[i] != value[i])
                return false;
        return true;
    }

    public long ColumnInt64(int index) => raw.sqlite3_column_int64(_statement, index);

    /// <summary>Resets a query stepped to fewer than all its rows, so it can run again.</summary>
    public void Reset() => raw.sqlite3_reset(_statement);

    public string? ColumnTextOrNull(int index) => Column(index);

    private string? Column(int index) =>
        raw.sqlite3_column_type(_statement, index) == raw.SQLITE_NULL ? null : raw.sqlite3_column_text(_statement, index).utf8_to_string();

    /// <summary>Runs a statement that returns no rows; returns how many rows it inserted, updated or deleted.</summary>
    public int ExecuteChanges()
    {
        Execute();
        return raw.sqlite3_changes(_db);
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int result)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE))
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), result);
    }
}
