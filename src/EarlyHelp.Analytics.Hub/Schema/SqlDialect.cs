namespace EarlyHelp.Analytics.Hub.Schema;

/// <summary>
/// The few places where SQL differs between databases: type names, append-only guards and the order rows were
/// loaded in. Migrations write <c>{id}</c>, <c>{real}</c>, <c>{serial}</c> and <c>{load_order}</c> and each store
/// expands them, so that one schema text serves SQLite and PostgreSQL.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>Type of an id column, e.g. <c>INTEGER</c> (SQLite) or <c>BIGINT</c> (PostgreSQL).</summary>
    public abstract string IdType { get; }

    /// <summary>Type of a floating-point value column.</summary>
    public abstract string RealType { get; }

    /// <summary>
    /// What <c>{id} PRIMARY KEY</c> becomes: on SQLite <c>INTEGER PRIMARY KEY</c>, which numbers a row inserted
    /// without a value, and some inserts rely on that; elsewhere a key that does the same.
    /// </summary>
    public virtual string IdKey => $"{IdType} PRIMARY KEY";

    /// <summary>A primary key the database numbers itself, e.g. <c>INTEGER PRIMARY KEY</c>.</summary>
    public abstract string SerialKey { get; }

    /// <summary>A query whose single value is 1 when the table named by parameter <c>@p0</c> exists, else 0.</summary>
    public abstract string TableExistsQuery { get; }

    /// <summary>
    /// A column definition (with its leading comma) that numbers a table's rows in the order they were inserted, or
    /// empty where the database keeps such a number itself (SQLite's rowid). Written <c>{load_order}</c> in a CREATE TABLE.
    /// </summary>
    public abstract string LoadOrderColumn { get; }

    /// <summary>The expression that orders rows as they were inserted, in a table created with <see cref="LoadOrderColumn"/>.</summary>
    public abstract string LoadOrder { get; }

    /// <summary>Statements that make <paramref name="table"/> refuse UPDATE and DELETE.</summary>
    public abstract IEnumerable<string> AppendOnlyGuards(string table);

    /// <summary>
    /// Statements that lift <paramref name="table"/>'s guard against DELETE until <see cref="RestoreDeleteGuard"/>, inside
    /// one transaction: retention's cut of the audit trail. Only the table's owner may run them.
    /// </summary>
    public abstract string LiftDeleteGuard(string table);

    /// <summary>The statement that puts back the guard <see cref="LiftDeleteGuard"/> lifted.</summary>
    public abstract string RestoreDeleteGuard(string table);

    /// <summary>Replaces the placeholders of <paramref name="sql"/> with this dialect's words.</summary>
    public string Expand(string sql) =>
        sql.Replace("{id} PRIMARY KEY", IdKey, StringComparison.Ordinal)
            .Replace("{id}", IdType, StringComparison.Ordinal)
            .Replace("{real}", RealType, StringComparison.Ordinal)
            .Replace("{serial}", SerialKey, StringComparison.Ordinal)
            .Replace("{load_order}", LoadOrderColumn, StringComparison.Ordinal);
}
