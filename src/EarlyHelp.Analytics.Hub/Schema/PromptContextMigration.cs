namespace EarlyHelp.Analytics.Hub.Schema;

/// <summary>
/// Schema step 16: what the panel needs in front of it beyond the model's evidence. Each prompt keeps its family's
/// context at the run's as-of date (members' roles and ages, agency records open or recently closed, and the worker or
/// team each names), captured when the run is saved; prompts saved before this step have none and say so. Agencies
/// whose extracts carry the allocated worker or team (as case systems hold them) have those fields kept per record,
/// replaced by each load of the dataset: they are staff contact details, not the family's.
/// </summary>
internal static class PromptContextMigration
{
    /// <summary>Applies the step.</summary>
    public static void Apply(MigrationContext context)
    {
        context.Execute("ALTER TABLE prompt ADD COLUMN context TEXT");
        context.Execute("""
            CREATE TABLE record_contact (
                dataset TEXT NOT NULL, record_ref TEXT NOT NULL,
                worker TEXT, worker_role TEXT, team TEXT, phone TEXT, email TEXT,
                PRIMARY KEY (dataset, record_ref))
            """);
    }
}
