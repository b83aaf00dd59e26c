using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Hub.Schema;

/// <summary>
/// Schema step 11: records change and leave. Each dataset says whether its extracts are full refreshes; each identity
/// record (and so each event) says in which load it was first seen and last changed, and <c>record_change</c> keeps
/// what each amendment changed, field by field, so that a past as-of date can be read as it was known. The ingest log
/// counts records deleted at source and past retention, and says why a file was not applied.
/// </summary>
internal static class RecordVersionMigration
{
    /// <summary>Applies the step.</summary>
    public static void Apply(MigrationContext context)
    {
        context.Execute("ALTER TABLE dataset ADD COLUMN refresh TEXT NOT NULL DEFAULT 'full_refresh'");
        foreach (var dataset in DatasetCatalogue.All.Where(d => d.Refresh != ExtractRefresh.FullRefresh))
            context.Execute("UPDATE dataset SET refresh = @p0 WHERE code = @p1", dataset.Refresh.Code(), dataset.Code);
        // Records loaded before this step have no first run: their history starts here.
        context.Execute("ALTER TABLE identity_record ADD COLUMN first_run {id}");
        context.Execute("ALTER TABLE identity_record ADD COLUMN changed_run {id}");
        context.Execute("""
            CREATE TABLE record_change (
                run_id {id} NOT NULL, dataset TEXT NOT NULL, record_ref TEXT NOT NULL, field TEXT NOT NULL,
                old_value TEXT, new_value TEXT)
            """);
        context.Execute("CREATE INDEX record_change_record ON record_change (dataset, record_ref)");
        context.Execute("ALTER TABLE ingest_file ADD COLUMN rows_deleted {id} NOT NULL DEFAULT 0");
        context.Execute("ALTER TABLE ingest_file ADD COLUMN not_applied TEXT");
        context.Execute("ALTER TABLE ingest_run ADD COLUMN rows_deleted {id} NOT NULL DEFAULT 0");
        context.Execute("ALTER TABLE ingest_run ADD COLUMN rows_expired {id} NOT NULL DEFAULT 0");
    }
}
