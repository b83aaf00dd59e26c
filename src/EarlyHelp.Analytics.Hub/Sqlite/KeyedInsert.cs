using EarlyHelp.Analytics.Hub.Ingest;
using Microsoft.Data.Sqlite;

namespace EarlyHelp.Analytics.Hub.Sqlite;

/// <summary>
/// Inserts rows keyed by a natural key, idempotently: a row whose key is present is not inserted again
/// (<c>ON CONFLICT … DO NOTHING</c>), and when the stored row is still open and the new one is closed,
/// the close statement records the end. Both statements use the same parameter numbers, so one bind
/// function serves both.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
internal sealed class KeyedInsert<T> : IDisposable
{
    private readonly SqliteStatement insert;
    private readonly SqliteStatement? close;
    private readonly Action<SqliteStatement, T> bind;
    private readonly Func<T, bool> closes;

    /// <summary>Prepares the insert, and the close statement when the table has an open end.</summary>
    /// <param name="connection">The connection of the load.</param>
    /// <param name="insertSql">The insert, ending in <c>ON CONFLICT (key) DO NOTHING</c>.</param>
    /// <param name="closeSql">An UPDATE that sets the end where the key matches and the end is NULL; null when rows never close.</param>
    /// <param name="bind">Binds a row's values to a statement.</param>
    /// <param name="closes">Whether a row carries an end that may close a stored row.</param>
    public KeyedInsert(SqliteConnection connection, string insertSql, string? closeSql, Action<SqliteStatement, T> bind, Func<T, bool>? closes = null)
    {
        insert = new SqliteStatement(connection, insertSql);
        close = closeSql is null ? null : new SqliteStatement(connection, closeSql);
        this.bind = bind;
        this.closes = closes ?? (_ => false);
    }

    /// <summary>Binds a value that every row of the next writes shares (bindings last until changed).</summary>
    public void BindShared(int index, ReadOnlySpan<byte> utf8)
    {
        insert.Bind(index, utf8);
        close?.Bind(index, utf8);
    }

    /// <summary>Writes the rows and counts what happened to them.</summary>
    public LoadCounts Write(ReadOnlySpan<T> rows)
    {
        long added = 0, updated = 0, present = 0;
        foreach (var row in rows)
        {
            bind(insert, row);
            if (insert.Execute() == 1)
            {
                added++;
                continue;
            }
            if (close is not null && closes(row))
            {
                bind(close, row);
                if (close.Execute() == 1)
                {
                    updated++;
                    continue;
                }
            }
            present++;
        }
        return new LoadCounts(added, updated, present);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        insert.Dispose();
        close?.Dispose();
    }
}
