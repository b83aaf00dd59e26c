namespace EarlyHelp.Analytics.Hub.Schema;

/// <summary>
/// Schema step 17: the last data-quality query number ever given, kept apart from the queries themselves, so that a
/// number freed by retention is never given again and an audit entry naming "query 3" keeps meaning the one it named.
/// </summary>
internal static class QueryNumberMigration
{
    /// <summary>Applies the step.</summary>
    public static void Apply(MigrationContext context)
    {
        context.Execute("CREATE TABLE data_quality_numbering (last_query_id {id} NOT NULL)");
        context.Execute("INSERT INTO data_quality_numbering (last_query_id) SELECT COALESCE(MAX(query_id), 0) FROM data_quality_query");
    }
}
