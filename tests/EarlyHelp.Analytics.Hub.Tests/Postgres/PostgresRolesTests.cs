using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Postgres;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;
using Npgsql;

namespace EarlyHelp.Analytics.Hub.Tests.Postgres;

/// <summary>
/// Each role of <see cref="PostgresRoles"/> is refused what its part of the product must not do, by the database
/// itself: the test switches to the role (SET ROLE) on the server and tries.
/// </summary>
public sealed class PostgresRolesTests : HubStoreTests<PostgresHubFixture>
{
    private const string InsufficientPrivilege = "42501";

    private readonly string prefix = $"eh_t{Guid.NewGuid():N}"[..20];

    [StoreFact]
    public void Analyst_ReadsEventsButNotNamesIdentityRecordsOrCredentials()
    {
        WithRoles(() => AsRole("analyst", connection =>
        {
            Assert.Equal(1L, Scalar(connection, "SELECT COUNT(*) FROM event"));
            foreach (var table in new[] { "person_identity", "identity_record", "gazetteer", "app_user" })
                Assert.Equal(InsufficientPrivilege, Refusal(connection, $"SELECT COUNT(*) FROM {table}"));
            Assert.Equal(InsufficientPrivilege, Refusal(connection, "SELECT * FROM reidentify('P-AAAA-0001')"));
        }));
    }

    [StoreFact]
    public void Web_AppendsToTheAuditLogButCannotChangeOrDeleteIt()
    {
        WithRoles(() => AsRole("web", connection =>
        {
            Execute(connection, "INSERT INTO audit_log (id, at, actor, action, subject, detail, prev_hash, hash) VALUES (99, 't', 'a', 'b', 'c', 'd', 'e', 'f')");
            foreach (var sql in new[] { "UPDATE audit_log SET detail = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log", "UPDATE review SET reason = 'x'", "DELETE FROM review" })
                Assert.Equal(InsufficientPrivilege, Refusal(connection, sql));
            // Retention cuts the trail by lifting the guard inside its transaction, which only the tables' owner can do.
            foreach (var table in new[] { "audit_log", "review" })
                Assert.Equal(InsufficientPrivilege, Refusal(connection, $"ALTER TABLE {table} DISABLE TRIGGER {table}_no_delete"));
            Assert.Equal(InsufficientPrivilege, Refusal(connection, "SELECT forename FROM person_identity"));
        }));
    }

    [StoreFact]
    public void Web_ReadsNamesThroughTheFunctionOnlyAfterWritingTheAuditEntry()
    {
        WithRoles(() => AsRole("web", connection =>
        {
            using (var unaudited = connection.BeginTransaction())
            {
                var error = Assert.Throws<PostgresException>(() => Scalar(connection, "SELECT member_forename FROM reidentify('P-AAAA-0001')"));
                Assert.Equal((InsufficientPrivilege, "names of prompt P-AAAA-0001 are shown only after this transaction writes its audit entry"), (error.SqlState, error.MessageText));
            }
            using var audited = connection.BeginTransaction();
            Execute(connection, "INSERT INTO audit_log (id, at, actor, action, subject, detail, prev_hash, hash) VALUES (99, 't', 'a', 'prompt.reidentify', 'P-AAAA-0001', 'd', 'e', 'f')");
            Assert.Equal("Ada", Scalar(connection, "SELECT member_forename FROM reidentify('P-AAAA-0001')"));
            // An entry for another prompt does not open this one.
            Assert.Throws<PostgresException>(() => Scalar(connection, "SELECT member_forename FROM reidentify('P-AAAA-0002')"));
        }));
    }

    [StoreFact]
    public void PanelStore_AsTheWebRole_ShowsNamesThroughTheFunctionWithTheEntryWrittenFirst()
    {
        WithRoles(() =>
        {
            // The store as the panel app would open it, logged in as a member of the web role.
            var asWeb = new NpgsqlConnectionStringBuilder(Hub.ConnectionString) { Options = $"-c role={prefix}_web" };
            using var store = PostgresHubStore.Open(asWeb.ConnectionString, auditKeyFile: Hub.AuditKeyFile);

            var shown = Assert.IsType<Reidentification.Shown>(store.Prompts.Reidentify(PromptReference.Parse("P-AAAA-0001"), "panel meeting", "a.practitioner"));

            Assert.Equal(("Ada", "Lovelace"), (Assert.Single(shown.Members).Forename, shown.Members[0].Surname));
            var entry = store.AuditLog.Entries()[^1];
            Assert.Equal(("prompt.reidentify", "P-AAAA-0001", "purpose: panel meeting; 1 member shown"), (entry.Action, entry.Subject, entry.Detail));
            Assert.True(store.AuditLog.Verify().IsIntact);
        });
    }

    /// <summary>A hub with one family of one person (named Ada) on one prompt, P-AAAA-0001, and one event; then the roles, which <paramref name="test"/> uses and which are dropped after it (roles belong to the whole server).</summary>
    private void WithRoles(Action test)
    {
        try
        {
            CreateHubWithRoles();
            test();
        }
        finally
        {
            using var connection = PostgresServer.Connect();
            foreach (var role in new[] { "analyst", "web" })
            {
                Execute(connection, $"DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = '{prefix}_{role}') THEN " +
                    $"DROP OWNED BY {prefix}_{role}; DROP ROLE {prefix}_{role}; END IF; END $$");
            }
        }
    }

    private void CreateHubWithRoles()
    {
        Hub.Open().Dispose();
        Hub.Execute("""
            INSERT INTO person (person_id, birth_month) VALUES (1, '2015-03');
            INSERT INTO person_identity (person_id, forename, surname, date_of_birth, postcode) VALUES (1, 'Ada', 'Lovelace', '2015-03-02', 'BS1 1AA');
            INSERT INTO family (family_id) VALUES (7);
            INSERT INTO family_member (family_id, person_id, role, start_date) VALUES (7, 1, 'child', '2015-03-02');
            INSERT INTO event (person_id, dataset, start_date, source_ref) VALUES (1, 'police.asb_incident', '2024-01-01', 'R-1');
            INSERT INTO scoring_run (run_id, model_name, model_version, model_sha256, as_of, capacity, created_at, created_by,
                families_scored, excluded_statutory, excluded_opted_out, excluded_no_dependent_child)
                VALUES (1, 'm', '1', 'x', '2025-01-01', 1, 't', 'a', 1, 0, 0, 0);
            INSERT INTO prompt (reference, run_id, family_id, rank, probability, band, content) VALUES ('P-AAAA-0001', 1, 7, 1, 0.5, 'high', '{}');
            INSERT INTO prompt_member (reference, person_id, role) VALUES ('P-AAAA-0001', 1, 'child');
            """);
        using var connection = Hub.Connect();
        PostgresRoles.Create(connection, prefix);
        // The test role made the roles; it joins them so that it can act as each.
        Execute(connection, $"GRANT {prefix}_analyst, {prefix}_web TO CURRENT_USER");
    }

    private void AsRole(string role, Action<NpgsqlConnection> act)
    {
        using var connection = Hub.Connect();
        Execute(connection, $"SET ROLE {prefix}_{role}");
        act(connection);
    }

    private static string? Refusal(NpgsqlConnection connection, string sql)
    {
        try
        {
            Execute(connection, sql);
            return null;
        }
        catch (PostgresException e)
        {
            return e.SqlState;
        }
    }

    private static object? Scalar(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    private static void Execute(NpgsqlConnection connection, string sql) => PostgresServer.Execute(connection, sql);
}
