namespace EarlyHelp.Analytics.Hub.Schema;

/// <summary>
/// The few places where SQL differs between databases: type names and append-only guards. Migrations
/// write <c>{id}</c>, <c>{real}</c> and <c>{serial}</c> and each store expands them, so that one schema
/// text serves SQLite now and PostgreSQL later.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>Type of an id column, e.g. <c>INTEGER</c> (SQLite) or <c>BIGINT</c> (PostgreSQL).</summary>
    public abstract string IdType { get; }

    /// <summary>Type of a floating-point value column.</summary>
    public abstract string RealType { get; }

    /// <summary>A primary key the database numbers itself, e.g. <c>INTEGER PRIMARY KEY</c>.</summary>
    public abstract string SerialKey { get; }

    /// <summary>A query whose single value is 1 when the table named by parameter <c>@p0</c> exists, else 0.</summary>
    public abstract string TableExistsQuery { get; }

    /// <summary>Statements that make <paramref name="table"/> refuse UPDATE and DELETE.</summary>
    public abstract IEnumerable<string> AppendOnlyGuards(string table);

    /// <summary>Replaces the placeholders of <paramref name="sql"/> with this dialect's words.</summary>
    public string Expand(string sql) =>
        sql.Replace("{id}", IdType, StringComparison.Ordinal)
            .Replace("{real}", RealType, StringComparison.Ordinal)
            .Replace("{serial}", SerialKey, StringComparison.Ordinal);
}
