using EarlyHelp.Analytics.Hub.Schema;

namespace EarlyHelp.Analytics.Hub.Sqlite;

/// <summary>SQLite's words for the schema placeholders.</summary>
public sealed class SqliteDialect : SqlDialect
{
    /// <summary>The one instance.</summary>
    public static SqliteDialect Instance { get; } = new();

    private SqliteDialect()
    {
    }

    /// <inheritdoc />
    public override string IdType => "INTEGER";

    /// <inheritdoc />
    public override string RealType => "REAL";

    /// <inheritdoc />
    /// <remarks>Exactly <c>INTEGER PRIMARY KEY</c> makes the column an alias of the rowid: no separate index.</remarks>
    public override string SerialKey => "INTEGER PRIMARY KEY";

    /// <inheritdoc />
    /// <remarks>Every SQLite table has its rowid: nothing to add.</remarks>
    public override string LoadOrderColumn => "";

    /// <inheritdoc />
    public override string LoadOrder => "rowid";

    /// <inheritdoc />
    public override string TableExistsQuery => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @p0";

    /// <inheritdoc />
    public override IEnumerable<string> AppendOnlyGuards(string table) => new[] { "UPDATE", "DELETE" }.Select(operation => Guard(table, operation));

    /// <inheritdoc />
    /// <remarks>SQLite cannot switch a trigger off; dropping it inside the transaction is undone by a rollback.</remarks>
    public override string LiftDeleteGuard(string table) => $"DROP TRIGGER {table}_no_delete";

    /// <inheritdoc />
    public override string RestoreDeleteGuard(string table) => Guard(table, "DELETE");

    private static string Guard(string table, string operation) => $"""
        CREATE TRIGGER {table}_no_{operation.ToLowerInvariant()} BEFORE {operation} ON {table}
        BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END
        """;
}
