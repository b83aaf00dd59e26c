using System.Data.Common;
using System.Text.RegularExpressions;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Postgres;

/// <summary>
/// Least privilege on a PostgreSQL hub: one group role per part of the product, granted only what that part needs.
/// <list type="bullet">
/// <item><c>PREFIX_analyst</c> (training, scoring, analysis) reads every table but the ones that hold names,
/// addresses and identity records as received, and the panel's credentials; it registers models and stores scoring runs.</item>
/// <item><c>PREFIX_web</c> (the panel app) reads the same, keeps its users, sessions, reviews, opt-outs and clerical
/// decisions, and appends to the audit log; it can neither change nor delete an audit entry or a review.</item>
/// <item>Names reach the web role only through <c>reidentify(reference)</c>, a SECURITY DEFINER function that returns
/// a prompt's family members' names only when the same transaction has already written the audit entry of that
/// look (<c>prompt.reidentify</c> for that reference): no name is read without its trace.</item>
/// </list>
/// The roles cannot log in; a login role per service is made a member (see docs/postgresql.md). Loads run as the hub's owner.
/// </summary>
public static partial class PostgresRoles
{
    /// <summary>Tables with names, addresses and identity fields as received: never granted to a role.</summary>
    public static IReadOnlyList<string> IdentityTables { get; } = ["person_identity", "identity_record", "gazetteer"];

    /// <summary>The panel's credentials: only the web role sees them.</summary>
    public static IReadOnlyList<string> CredentialTables { get; } = ["app_user", "app_session", "sign_in_throttle"];

    /// <summary>Tables the database keeps append-only: roles may insert and read, never change.</summary>
    public static IReadOnlyList<string> AppendOnlyTables { get; } = ["audit_log", "review", "audit_chain", "prompt_next_step"];

    /// <summary>Tables the panel app changes.</summary>
    public static IReadOnlyList<string> WebTables { get; } =
    [
        "app_user", "app_session", "sign_in_throttle", "opt_out", "prompt", "clerical_decision", "model_registry", "model_proposal",
        "data_quality_query", "data_quality_step", "data_quality_numbering", "comparison_family", "comparison_member",
    ];

    /// <summary>Tables training and scoring change.</summary>
    public static IReadOnlyList<string> AnalystTables { get; } = ["model_registry", "scoring_run", "prompt", "prompt_member", "comparison_family", "comparison_member"];

    /// <summary>The statements that create (or bring up to date) the roles named <paramref name="prefix"/><c>_analyst</c> and <c>_web</c> on the hub in <paramref name="schema"/>.</summary>
    public static IReadOnlyList<string> Statements(string prefix, string schema, IReadOnlyList<string> tables)
    {
        CheckName(prefix, "role prefix");
        CheckName(schema, "schema");
        string analyst = $"{prefix}_analyst", web = $"{prefix}_web";
        var readable = tables.Except(IdentityTables).ToArray();
        var statements = new List<string>();
        foreach (var role in new[] { analyst, web })
        {
            statements.Add($"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN CREATE ROLE {role} NOLOGIN; END IF; END $$");
            statements.Add($"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {role}");
            statements.Add($"GRANT USAGE ON SCHEMA {schema} TO {role}");
            statements.Add($"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {schema} TO {role}");
        }
        statements.Add(Grant("SELECT", readable.Except(CredentialTables), analyst, schema));
        statements.Add(Grant("SELECT", readable, web, schema));
        foreach (var role in new[] { analyst, web })
            statements.Add(Grant("INSERT", AppendOnlyTables.Intersect(tables), role, schema));
        statements.Add(Grant("INSERT, UPDATE, DELETE", AnalystTables.Intersect(tables), analyst, schema));
        statements.Add(Grant("INSERT, UPDATE, DELETE", WebTables.Intersect(tables), web, schema));
        statements.Add(ReidentifyFunction(schema));
        statements.Add($"REVOKE ALL ON FUNCTION {schema}.reidentify(text) FROM PUBLIC");
        statements.Add($"GRANT EXECUTE ON FUNCTION {schema}.reidentify(text) TO {web}");
        return statements;
    }

    /// <summary>Creates the roles on the hub <paramref name="connection"/> is open on (as its owner, with CREATEROLE), in one transaction; returns the roles.</summary>
    public static IReadOnlyList<string> Create(DbConnection connection, string prefix)
    {
        var schema = Convert.ToString(connection.Scalar(null, "SELECT current_schema()"), System.Globalization.CultureInfo.InvariantCulture)
            ?? throw new BadInputException("HUB", "the connection has no current schema");
        var tables = new List<string>();
        using (var command = connection.Command(null, "SELECT table_name FROM information_schema.tables WHERE table_schema = @p0 AND table_type = 'BASE TABLE' ORDER BY table_name", schema))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                tables.Add(reader.GetString(0));
        }
        using var transaction = connection.BeginWriteTransaction();
        foreach (var statement in Statements(prefix, schema, tables))
            connection.Execute(transaction, statement);
        transaction.Commit();
        return [$"{prefix}_analyst", $"{prefix}_web"];
    }

    private static string Grant(string privileges, IEnumerable<string> tables, string role, string schema)
    {
        var list = string.Join(", ", tables.Select(table => $"{schema}.{table}"));
        // An empty list would be a syntax error; nothing to grant is a statement that does nothing.
        return list.Length == 0 ? "SELECT 1" : $"GRANT {privileges} ON {list} TO {role}";
    }

    /// <summary>
    /// The re-identification function. It runs as the hub's owner, reads the members stored with the prompt (its family on
    /// the run's as-of date) as the panel app's own query does, and refuses unless this transaction has written the audit entry for the reference.
    /// </summary>
    internal static string ReidentifyFunction(string schema) => $"""
        CREATE OR REPLACE FUNCTION {schema}.reidentify(p_reference text)
        RETURNS TABLE (member_role text, member_forename text, member_surname text, member_date_of_birth text)
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'prompt.reidentify' AND a.subject = p_reference
                           AND a.xmin = xid(pg_current_xact_id())) THEN
                RAISE EXCEPTION 'names of prompt % are shown only after this transaction writes its audit entry', p_reference
                    USING ERRCODE = '42501';
            END IF;
            RETURN QUERY
                SELECT m.role, i.forename, i.surname, i.date_of_birth
                FROM prompt p
                JOIN prompt_member m ON m.reference = p.reference
                LEFT JOIN person_identity i ON i.person_id = m.person_id
                WHERE p.reference = p_reference AND p.hidden_at IS NULL
                ORDER BY CASE m.role WHEN 'parent' THEN 0 WHEN 'child' THEN 1 ELSE 2 END, i.date_of_birth, m.person_id;
        END $$
        """;

    private static void CheckName(string name, string what)
    {
        if (!SqlName().IsMatch(name))
            throw new BadInputException(what, $"'{name}' is not a plain SQL name: lower-case letters, digits and '_', starting with a letter, at most 48 characters");
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,47}$")]
    private static partial Regex SqlName();
}
