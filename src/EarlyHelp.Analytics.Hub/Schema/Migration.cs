using System.Data.Common;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Schema;

/// <summary>One forward step of the hub schema. Applied once, in version order, inside one transaction.</summary>
/// <param name="Version">Schema version after the step; steps are numbered 1, 2, 3, … without gaps.</param>
/// <param name="Description">What the step does, recorded in <c>schema_version</c>.</param>
/// <param name="Apply">Runs the step's statements on the connection, in the transaction, in the dialect.</param>
public sealed record Migration(int Version, string Description, Action<MigrationContext> Apply);

/// <summary>What a migration step works with: a connection inside a transaction, and the dialect to write SQL in.</summary>
/// <param name="Connection">The open connection.</param>
/// <param name="Transaction">The transaction the step runs in.</param>
/// <param name="Dialect">The database's dialect.</param>
public sealed record MigrationContext(DbConnection Connection, DbTransaction Transaction, SqlDialect Dialect)
{
    /// <summary>Runs one statement after expanding the dialect placeholders; parameters are named <c>@p0</c>, <c>@p1</c>, ….</summary>
    public void Execute(string sql, params object?[] parameters) =>
        Connection.Execute(Transaction, Dialect.Expand(sql), parameters);
}
