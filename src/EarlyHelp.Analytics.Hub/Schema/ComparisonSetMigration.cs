namespace EarlyHelp.Analytics.Hub.Schema;

/// <summary>
/// Schema step 19: a scoring run's comparison set, the families ranked just below its cut-off. Only the family id, the run
/// and the rank are kept (no score, no feature, no evidence): the programme view counts what happened to them, in aggregate
/// only, against what happened to the prompted families. Runs saved before this step have none.
/// </summary>
internal static class ComparisonSetMigration
{
    /// <summary>Applies the step.</summary>
    public static void Apply(MigrationContext context)
    {
        context.Execute("""
            CREATE TABLE comparison_family (
                run_id {id} NOT NULL REFERENCES scoring_run (run_id), rank INTEGER NOT NULL, family_id {id} NOT NULL,
                PRIMARY KEY (run_id, rank))
            """);
        context.Execute("CREATE INDEX comparison_family_family ON comparison_family (family_id)");
    }
}
