using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Store;
using Microsoft.Data.Sqlite;

namespace EarlyHelp.Analytics.Hub.Sqlite;

/// <summary>
/// Inserts rows keyed by a natural key, idempotently: a row whose key is present is not inserted again
/// (<c>ON CONFLICT … DO NOTHING</c>), and when the stored row is still open and the new one is closed,
/// the close statement records the end. Rows go in <see cref="RowsPerStatement"/> at a time: one
/// multi-row INSERT costs SQLite about a quarter less per row than single-row ones.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
internal sealed class KeyedInsert<T> : IKeyedWriter<T>, IDisposable
{
    /// <summary>Rows bound into one INSERT statement (6 parameters each at most: well under SQLite's limit).</summary>
    public const int RowsPerStatement = 64;

    private readonly SqliteStatement single;
    private readonly SqliteStatement many;
    private readonly SqliteStatement? close;
    private readonly int parametersPerRow;
    private readonly Action<SqliteStatement, T> bind;
    private readonly Func<T, bool> closes;

    /// <summary>Prepares the inserts, and the close statement when the table has an open end.</summary>
    /// <param name="connection">The connection of the load.</param>
    /// <param name="table">The table.</param>
    /// <param name="columns">The columns inserted; a row's values are bound as parameters 1, 2, … in this order.</param>
    /// <param name="key">The natural key's columns (a primary key or UNIQUE constraint).</param>
    /// <param name="bind">Binds a row's values to a statement.</param>
    /// <param name="end">The column holding the open end (an end date, a month of death), or null when rows never close.</param>
    /// <param name="closes">Whether a row carries an end that may close a stored row.</param>
    public KeyedInsert(SqliteConnection connection, string table, string[] columns, string[] key, Action<SqliteStatement, T> bind,
        string? end = null, Func<T, bool>? closes = null)
    {
        parametersPerRow = columns.Length;
        single = new SqliteStatement(connection, InsertSql(table, columns, key, 1));
        many = new SqliteStatement(connection, InsertSql(table, columns, key, RowsPerStatement));
        close = end is null ? null : new SqliteStatement(connection, CloseSql(table, columns, key, end));
        this.bind = bind;
        this.closes = closes ?? (_ => false);
    }

    /// <summary>Binds a value that every row of the next writes shares, at its parameter number within a row.</summary>
    public void BindShared(int index, ReadOnlySpan<byte> utf8)
    {
        single.Bind(index, utf8);
        close?.Bind(index, utf8);
        for (var row = 0; row < RowsPerStatement; row++)
        {
            many.ParameterOffset = row * parametersPerRow;
            many.Bind(index, utf8);
        }
    }

    /// <summary>Writes the rows and counts what happened to them.</summary>
    public LoadCounts Write(ReadOnlySpan<T> rows)
    {
        var counts = default(LoadCounts);
        var whole = rows.Length - rows.Length % RowsPerStatement;
        for (var start = 0; start < whole; start += RowsPerStatement)
            counts += WriteMany(rows.Slice(start, RowsPerStatement));
        foreach (var row in rows[whole..])
            counts += WriteOne(row);
        return counts;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        single.Dispose();
        many.Dispose();
        close?.Dispose();
    }

    private LoadCounts WriteMany(ReadOnlySpan<T> rows)
    {
        for (var row = 0; row < rows.Length; row++)
        {
            many.ParameterOffset = row * parametersPerRow;
            bind(many, rows[row]);
        }
        long added = many.Execute();
        if (added == rows.Length)
            return new LoadCounts(added, 0, 0);
        // Some keys were present. A row just inserted keeps the end it came with, and the close statement
        // only fills an empty end from a row that has one, so it can change only rows stored before:
        // it finds them without knowing which rows of the statement were inserted.
        long updated = 0;
        foreach (var row in rows)
            updated += TryClose(row) ? 1 : 0;
        return new LoadCounts(added, updated, rows.Length - added - updated);
    }

    private LoadCounts WriteOne(T row)
    {
        bind(single, row);
        if (single.Execute() == 1)
            return new LoadCounts(1, 0, 0);
        return TryClose(row) ? new LoadCounts(0, 1, 0) : new LoadCounts(0, 0, 1);
    }

    private bool TryClose(T row)
    {
        if (close is null || !closes(row))
            return false;
        bind(close, row);
        return close.Execute() == 1;
    }

    private static string InsertSql(string table, string[] columns, string[] key, int rows)
    {
        var tuples = Enumerable.Range(0, rows).Select(row =>
            "(" + string.Join(", ", columns.Select((_, column) => $"?{row * columns.Length + column + 1}")) + ")");
        return $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES {string.Join(", ", tuples)} ON CONFLICT ({string.Join(", ", key)}) DO NOTHING";
    }

    /// <summary>Sets the end where the key matches and the stored end is empty; parameters numbered as in the insert.</summary>
    private static string CloseSql(string table, string[] columns, string[] key, string end)
    {
        string Parameter(string column) => $"?{Array.IndexOf(columns, column) + 1}";
        var match = string.Join(" AND ", key.Select(column => $"{column} = {Parameter(column)}"));
        return $"UPDATE {table} SET {end} = {Parameter(end)} WHERE {match} AND {end} IS NULL";
    }
}
