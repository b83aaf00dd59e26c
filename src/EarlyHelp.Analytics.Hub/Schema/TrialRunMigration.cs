namespace EarlyHelp.Analytics.Hub.Schema;

/// <summary>
/// Schema step 10: a scoring run records whether it was a trial, a run of a registered model that is not the
/// champion. Such a run exists to evaluate a model, so every page, summary and audit entry that shows it says so;
/// runs stored before this step were all of the champion or of a model named on purpose, and read as not trials.
/// </summary>
internal static class TrialRunMigration
{
    /// <summary>Adds the trial flag to scoring runs.</summary>
    public static void Apply(MigrationContext context) =>
        context.Execute("ALTER TABLE scoring_run ADD COLUMN trial INTEGER NOT NULL DEFAULT 0");
}
