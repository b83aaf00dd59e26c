using System.Data.Common;

namespace EarlyHelp.Analytics.Hub.Store;

/// <summary>Portable ADO.NET commands with positional parameters named <c>@p0</c>, <c>@p1</c>, ….</summary>
internal static class DbConnectionExtensions
{
    /// <summary>A command for <paramref name="sql"/> with its parameters bound (null becomes SQL NULL).</summary>
    public static DbCommand Command(this DbConnection connection, DbTransaction? transaction, string sql, params object?[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.Value = parameters[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>
    /// A transaction that only reads: one consistent view of the hub for checks that read several tables, without the
    /// write lock that SQLite's default (immediate) transaction takes, so writers carry on meanwhile.
    /// </summary>
    public static DbTransaction BeginReadTransaction(this DbConnection connection) =>
        connection is Microsoft.Data.Sqlite.SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);

    /// <summary>
    /// A transaction that writes. SQLite's default transaction takes the database's write lock at once; on
    /// PostgreSQL the transaction takes an advisory lock on (<see cref="WriteLockKey"/>, the schema) held to its end, so that
    /// writers that read a chain head or a next number before they insert never interleave.
    /// </summary>
    public static DbTransaction BeginWriteTransaction(this DbConnection connection)
    {
        var transaction = connection.BeginTransaction();
        if (connection is Npgsql.NpgsqlConnection)
            connection.Execute(transaction, "SELECT pg_advisory_xact_lock(@p0, hashtext(current_schema()))", WriteLockKey);
        return transaction;
    }

    /// <summary>The first half of the advisory lock every PostgreSQL writer of a hub takes (the bytes of "EHhw"); the second is the hub's schema.</summary>
    public const int WriteLockKey = 0x4548_6877;

    /// <summary>
    /// A transaction for one of the few writers that may run beside each other on PostgreSQL: a panel review, a batch of
    /// view entries for the audit trail, a scoring run's save. It holds the hub's write lock in shared mode, so it still
    /// waits for (and holds off) every other writer, which takes that lock exclusively; among themselves these writers
    /// take only the lane they need (<paramref name="lane"/> now, <see cref="TakeLane"/> later). Without this a review
    /// waited for a whole scoring run's save, 100 ms of inserts that touch nothing a review reads
    /// (docs/postgresql.md#the-panel-under-load). On SQLite, where a database has one writer at a time, it is
    /// <see cref="BeginWriteTransaction"/>.
    /// </summary>
    public static DbTransaction BeginLaneWriteTransaction(this DbConnection connection, WriteLane lane)
    {
        if (connection is not Npgsql.NpgsqlConnection)
            return connection.BeginWriteTransaction();
        var transaction = connection.BeginTransaction();
        connection.Execute(transaction, "SELECT pg_advisory_xact_lock_shared(@p0, hashtext(current_schema())), pg_advisory_xact_lock(@p1, hashtext(current_schema()))",
            WriteLockKey, (int)lane);
        return transaction;
    }

    /// <summary>
    /// Takes <paramref name="lane"/> inside a transaction begun by <see cref="BeginLaneWriteTransaction"/>, held to its end:
    /// a scoring run's save takes <see cref="WriteLane.AuditChain"/> only for its closing audit entry. Nothing on SQLite,
    /// whose write transaction already excludes every other writer.
    /// </summary>
    public static void TakeLane(this DbConnection connection, DbTransaction transaction, WriteLane lane)
    {
        if (connection is Npgsql.NpgsqlConnection)
            connection.Execute(transaction, "SELECT pg_advisory_xact_lock(@p0, hashtext(current_schema()))", (int)lane);
    }

    /// <summary>Runs a statement; returns the rows it changed.</summary>
    public static int Execute(this DbConnection connection, DbTransaction? transaction, string sql, params object?[] parameters)
    {
        using var command = connection.Command(transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>Runs a query and returns its first value, or null when it returns no row or NULL.</summary>
    public static object? Scalar(this DbConnection connection, DbTransaction? transaction, string sql, params object?[] parameters)
    {
        using var command = connection.Command(transaction, sql, parameters);
        return command.ExecuteScalar() is { } value and not DBNull ? value : null;
    }
}
