using System.Data.Common;
using EarlyHelp.Analytics.Hub.Schema;

namespace EarlyHelp.Analytics.Hub.Store;

/// <summary>
/// Deletes from a table the database keeps append-only (the audit log, reviews, next steps), for retention only: the
/// guard is lifted inside the caller's transaction and put back before it ends, so a rollback leaves it as it was and no
/// other writer ever sees the table unguarded. On PostgreSQL only the table's owner can lift it.
/// </summary>
internal static class GuardedDelete
{
    /// <summary>Runs <paramref name="delete"/> with <paramref name="table"/>'s DELETE guard lifted; returns the rows it deleted.</summary>
    public static long Run(DbConnection connection, DbTransaction transaction, SqlDialect dialect, string table, Func<long> delete)
    {
        connection.Execute(transaction, dialect.LiftDeleteGuard(table));
        var deleted = delete();
        connection.Execute(transaction, dialect.RestoreDeleteGuard(table));
        return deleted;
    }
}
