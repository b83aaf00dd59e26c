using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Store;
using Npgsql;

namespace EarlyHelp.Analytics.Hub.Postgres;

/// <summary>
/// Inserts rows keyed by a natural key, idempotently, as <c>Sqlite.KeyedInsert</c> does on SQLite: each batch is
/// copied (binary COPY) into a temporary table dropped at commit, then moved into the hub table in arrival order
/// with <c>ON CONFLICT … DO NOTHING</c>; where a stored row is still open and an arriving row with the same key is
/// closed, the end is filled in. The counts match SQLite's: added, ends filled in, the rest already present.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
internal sealed class CopyInsert<T> : IKeyedWriter<T>
{
    private readonly NpgsqlConnection connection;
    private readonly string stage;
    private readonly string copy;
    private readonly string insert;
    private readonly string? close;
    private readonly Action<NpgsqlBinaryImporter, T> write;
    private bool staged;
    private readonly string create;

    /// <summary>Prepares the statements for <paramref name="table"/>.</summary>
    /// <param name="connection">The connection of the load, inside its transaction.</param>
    /// <param name="table">The hub table.</param>
    /// <param name="columns">The columns written; <paramref name="write"/> writes a row's values in this order.</param>
    /// <param name="key">The natural key's columns (a primary key or UNIQUE constraint).</param>
    /// <param name="write">Writes a row's values (see <see cref="CopyWriting"/>).</param>
    /// <param name="end">The column holding the open end (an end date, a month of death), or null when rows never close.</param>
    /// <param name="partitioned">
    /// The table is hash-partitioned (<see cref="PostgresPartitioning"/>): its natural key is no constraint there, so a row
    /// is inserted only when no partition holds its key, and only a key's first arrival in the batch, as ON CONFLICT does.
    /// </param>
    public CopyInsert(NpgsqlConnection connection, string table, string[] columns, string[] key, Action<NpgsqlBinaryImporter, T> write, string? end = null,
        bool partitioned = false)
    {
        this.connection = connection;
        this.write = write;
        stage = $"load_{table}";
        var list = string.Join(", ", columns);
        var keys = string.Join(", ", key);
        var match = string.Join(" AND ", key.Select(column => $"t.{column} = s.{column}"));
        // The staging table takes its column types from the hub table, plus the arrival order.
        create = $"CREATE TEMPORARY TABLE {stage} ON COMMIT DROP AS SELECT 0::bigint AS arrival, {list} FROM {table} WITH NO DATA";
        copy = $"COPY {stage} (arrival, {list}) FROM STDIN (FORMAT BINARY)";
        // Partitioned: the load holds the hub's write lock, so no other writer inserts the same key between the check and the insert.
        insert = partitioned
            ? $"""
                INSERT INTO {table} ({list}) SELECT {list} FROM (SELECT DISTINCT ON ({keys}) * FROM {stage} ORDER BY {keys}, arrival) s
                WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE {match}) ORDER BY arrival
                """
            : $"INSERT INTO {table} ({list}) SELECT {list} FROM {stage} ORDER BY arrival ON CONFLICT ({keys}) DO NOTHING";
        if (end is not null)
        {
            // The first arriving row with an end closes the stored row, as the row-by-row insert on SQLite does.
            close = $"""
                UPDATE {table} t SET {end} = s.{end}
                FROM (SELECT DISTINCT ON ({keys}) {keys}, {end} FROM {stage} WHERE {end} IS NOT NULL ORDER BY {keys}, arrival) s
                WHERE {match} AND t.{end} IS NULL
                """;
        }
    }

    /// <summary>Writes the rows and counts what happened to them.</summary>
    public LoadCounts Write(ReadOnlySpan<T> rows)
    {
        if (rows.IsEmpty)
            return default;
        if (!staged)
        {
            connection.Execute(null, $"DROP TABLE IF EXISTS {stage}");
            connection.Execute(null, create);
            staged = true;
        }
        else
        {
            connection.Execute(null, $"TRUNCATE {stage}");
        }
        using (var importer = connection.BeginBinaryImport(copy))
        {
            for (var i = 0; i < rows.Length; i++)
            {
                importer.StartRow();
                importer.Write((long)i, NpgsqlTypes.NpgsqlDbType.Bigint);
                write(importer, rows[i]);
            }
            importer.Complete();
        }
        long added = connection.Execute(null, insert);
        if (added == rows.Length || close is null)
            return new LoadCounts(added, 0, rows.Length - added);
        // A row just inserted keeps the end it came with, and the update only fills an empty end, so it changes
        // only rows stored before, or an open row of this batch that a later closed row of the same key ends.
        long updated = connection.Execute(null, close);
        return new LoadCounts(added, updated, rows.Length - added - updated);
    }
}
