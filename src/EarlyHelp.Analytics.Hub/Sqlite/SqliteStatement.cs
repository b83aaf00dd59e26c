using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace EarlyHelp.Analytics.Hub.Sqlite;

/// <summary>
/// A prepared statement on the native SQLite handle, reused with new parameters for every row. Bulk
/// loads and event reads go through it because the ADO.NET layer boxes every value and allocates a
/// string per text field, which costs more than SQLite's own work at millions of rows.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 database;
    private readonly sqlite3_stmt statement;

    /// <summary>Prepares <paramref name="sql"/> on <paramref name="connection"/>; parameters are numbered from 1.</summary>
    public SqliteStatement(SqliteConnection connection, string sql)
        : this(connection.Handle!, sql)
    {
    }

    /// <summary>Prepares <paramref name="sql"/> on a native database handle.</summary>
    public SqliteStatement(sqlite3 database, string sql)
    {
        this.database = database;
        Check(raw.sqlite3_prepare_v2(database, sql, out statement));
    }

    /// <summary>Added to every parameter number bound: the first parameter of the row being bound in a multi-row statement.</summary>
    public int ParameterOffset { get; set; }

    /// <summary>Binds an integer.</summary>
    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(statement, ParameterOffset + index, value));

    /// <summary>Binds an integer, or NULL.</summary>
    public void Bind(int index, long? value) =>
        Check(value is { } number
            ? raw.sqlite3_bind_int64(statement, ParameterOffset + index, number)
            : raw.sqlite3_bind_null(statement, ParameterOffset + index));

    /// <summary>Binds text, or NULL.</summary>
    public void Bind(int index, string? value) =>
        Check(value is null
            ? raw.sqlite3_bind_null(statement, ParameterOffset + index)
            : raw.sqlite3_bind_text16(statement, ParameterOffset + index, value.AsSpan()));

    /// <summary>Binds UTF-8 text.</summary>
    public void Bind(int index, ReadOnlySpan<byte> utf8) => Check(raw.sqlite3_bind_text(statement, ParameterOffset + index, utf8));

    /// <summary>Binds a number, or NULL.</summary>
    public void Bind(int index, double? value) =>
        Check(value is { } number
            ? raw.sqlite3_bind_double(statement, ParameterOffset + index, number)
            : raw.sqlite3_bind_null(statement, ParameterOffset + index));

    /// <summary>Binds a date as ISO text, or NULL.</summary>
    public void Bind(int index, DateOnly? value)
    {
        if (value is not { } date)
        {
            Check(raw.sqlite3_bind_null(statement, ParameterOffset + index));
            return;
        }
        Span<byte> text = stackalloc byte[IsoDate.Length];
        IsoDate.Write(date, text);
        Check(raw.sqlite3_bind_text(statement, ParameterOffset + index, text));
    }

    /// <summary>Runs a statement that returns no rows; returns the rows it changed.</summary>
    public int Execute()
    {
        var result = raw.sqlite3_step(statement);
        if (result != raw.SQLITE_DONE)
        {
            var message = raw.sqlite3_errmsg(database).utf8_to_string();
            raw.sqlite3_reset(statement);
            throw new SqliteException(message, result);
        }
        raw.sqlite3_reset(statement);
        return raw.sqlite3_changes(database);
    }

    /// <summary>Advances a query to its next row; false when there are no more.</summary>
    public bool Step()
    {
        var result = raw.sqlite3_step(statement);
        if (result == raw.SQLITE_ROW)
            return true;
        if (result != raw.SQLITE_DONE)
            Check(result);
        return false;
    }

    /// <summary>Integer value of column <paramref name="index"/> (from 0) of the current row.</summary>
    public long Int64(int index) => raw.sqlite3_column_int64(statement, index);

    /// <summary>Number value of column <paramref name="index"/>.</summary>
    public double Double(int index) => raw.sqlite3_column_double(statement, index);

    /// <summary>Whether column <paramref name="index"/> is NULL.</summary>
    public bool IsNull(int index) => raw.sqlite3_column_type(statement, index) == raw.SQLITE_NULL;

    /// <summary>UTF-8 bytes of a text column, valid until the next step.</summary>
    public ReadOnlySpan<byte> Utf8(int index) => raw.sqlite3_column_blob(statement, index);

    /// <inheritdoc />
    public void Dispose() => statement.Dispose();

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
            throw new SqliteException(raw.sqlite3_errmsg(database).utf8_to_string(), result);
    }
}
