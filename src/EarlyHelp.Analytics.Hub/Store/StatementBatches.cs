using System.Data.Common;

namespace EarlyHelp.Analytics.Hub.Store;

/// <summary>A statement with its positional parameters (<c>@p0</c>, <c>@p1</c>, …), run as part of a batch.</summary>
/// <param name="Sql">The statement.</param>
/// <param name="Parameters">Its parameters, in order; null becomes SQL NULL.</param>
internal sealed record Statement(string Sql, params object?[] Parameters);

/// <summary>A query run as part of a batch, with what reads its result set; the reader is open only during <paramref name="Read"/>.</summary>
/// <param name="Sql">The query.</param>
/// <param name="Parameters">Its parameters, in order; null becomes SQL NULL.</param>
/// <param name="Read">Reads the query's rows (it may read none); it must not run commands, as the batch is still open.</param>
internal sealed record BatchedQuery(string Sql, object?[] Parameters, Action<DbDataReader> Read);

/// <summary>
/// Several statements in one round trip where the connection can batch them (PostgreSQL), and one after another where it
/// cannot (SQLite, whose "round trips" are calls within the process). A panel review's locks, reads and writes used to
/// be eight round trips, each waiting for the server's backend to be scheduled on busy cores; batched they are three
/// (docs/postgresql.md#the-panel-under-load).
/// </summary>
internal static class StatementBatches
{
    /// <summary>Runs <paramref name="statements"/> in order inside <paramref name="transaction"/>; returns the rows they changed.</summary>
    public static int ExecuteAll(this DbConnection connection, DbTransaction transaction, IReadOnlyList<Statement> statements)
    {
        if (statements.Count == 0)
            return 0;
        if (!connection.CanCreateBatch || statements.Count == 1)
            return statements.Sum(statement => connection.Execute(transaction, statement.Sql, statement.Parameters));
        using var batch = Batch(connection, transaction, statements.Select(statement => (statement.Sql, statement.Parameters)));
        return batch.ExecuteNonQuery();
    }

    /// <summary>Runs <paramref name="queries"/> in order inside <paramref name="transaction"/>, handing each one's result set to its reader.</summary>
    public static void QueryAll(this DbConnection connection, DbTransaction transaction, IReadOnlyList<BatchedQuery> queries)
    {
        if (!connection.CanCreateBatch || queries.Count <= 1)
        {
            foreach (var query in queries)
            {
                using var command = connection.Command(transaction, query.Sql, query.Parameters);
                using var reader = command.ExecuteReader();
                query.Read(reader);
            }
            return;
        }

        using var batch = Batch(connection, transaction, queries.Select(query => (query.Sql, query.Parameters)));
        using var results = batch.ExecuteReader();
        for (var i = 0; i < queries.Count; i++)
        {
            if (i > 0 && !results.NextResult())
                throw new InvalidOperationException($"The batch returned {i} result sets for {queries.Count} queries.");
            queries[i].Read(results);
        }
    }

    private static DbBatch Batch(DbConnection connection, DbTransaction transaction, IEnumerable<(string Sql, object?[] Parameters)> statements)
    {
        var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var (sql, parameters) in statements)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = sql;
            DbConnectionExtensions.Bind(command.Parameters, command.CreateParameter, parameters);
            batch.BatchCommands.Add(command);
        }
        return batch;
    }
}
