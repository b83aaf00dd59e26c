using EarlyHelp.Analytics.Hub.Postgres;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Schema;

/// <summary>
/// Schema step 20: who was in each prompt's family, and in each comparison family, on its run's as-of date, by person id
/// and role. Family ids are formed afresh at every load and may pass to another family, so everything that finds the
/// people a prompt is about (opt-out hiding, subject access, re-identification, the programme view) reads these rows, not
/// today's family under the same id. Prompts and comparison families saved before this step are filled from the
/// memberships the hub holds now on each run's as-of date, which is what those readers used before.
/// </summary>
internal static class PromptMemberMigration
{
    /// <summary>Applies the step.</summary>
    public static void Apply(MigrationContext context)
    {
        context.Execute("""
            CREATE TABLE prompt_member (
                reference TEXT NOT NULL REFERENCES prompt (reference), person_id {id} NOT NULL, role TEXT NOT NULL,
                PRIMARY KEY (reference, person_id, role))
            """);
        context.Execute("CREATE INDEX prompt_member_person ON prompt_member (person_id)");
        // No key to comparison_family: its rows are removed on their own (an objection, retention), their members after them.
        context.Execute("""
            CREATE TABLE comparison_member (
                run_id {id} NOT NULL, rank INTEGER NOT NULL, person_id {id} NOT NULL, role TEXT NOT NULL,
                PRIMARY KEY (run_id, rank, person_id, role))
            """);
        context.Execute("CREATE INDEX comparison_member_person ON comparison_member (person_id)");
        PromptMembers.Store(context.Connection, context.Transaction, null);
        // A hub whose roles were set up before this step has a reidentify function that reads family_member: bring it forward.
        if (context.Connection is Npgsql.NpgsqlConnection
            && context.Connection.Scalar(context.Transaction, "SELECT to_regprocedure('reidentify(text)') IS NOT NULL") is true
            && context.Connection.Scalar(context.Transaction, "SELECT current_schema()") is string schema)
            context.Connection.Execute(context.Transaction, PostgresRoles.ReidentifyFunction(schema));
    }
}
