namespace EarlyHelp.Analytics.Hub.Schema;

/// <summary>
/// Schema step 13: data-quality queries. A query is raised by a "data looks wrong" review and names the dataset whose
/// owner is asked (null until a steward routes it); each step of its life is kept with who took it and why.
/// </summary>
internal static class DataQualityMigration
{
    /// <summary>Applies the step.</summary>
    public static void Apply(MigrationContext context)
    {
        context.Execute("""
            CREATE TABLE data_quality_query (
                query_id {id} PRIMARY KEY, reference TEXT NOT NULL, review_id {id} NOT NULL, dataset TEXT REFERENCES dataset (code),
                description TEXT NOT NULL, raised_by TEXT NOT NULL, raised_at TEXT NOT NULL, status TEXT NOT NULL)
            """);
        context.Execute("CREATE INDEX data_quality_query_status ON data_quality_query (status)");
        context.Execute("""
            CREATE TABLE data_quality_step (
                query_id {id} NOT NULL REFERENCES data_quality_query (query_id), step INTEGER NOT NULL, status TEXT NOT NULL,
                dataset TEXT, actor TEXT NOT NULL, at TEXT NOT NULL, note TEXT NOT NULL,
                PRIMARY KEY (query_id, step))
            """);
    }
}
