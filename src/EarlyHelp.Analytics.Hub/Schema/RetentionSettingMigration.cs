namespace EarlyHelp.Analytics.Hub.Schema;

/// <summary>
/// The retention periods a hub keeps, one row a period that differs from the program's default, with who set it and when:
/// every load and every <c>retention apply</c> then uses the same periods.
/// </summary>
internal static class RetentionSettingMigration
{
    /// <summary>Applies the step.</summary>
    public static void Apply(MigrationContext context) =>
        context.Execute("CREATE TABLE retention_setting (name TEXT PRIMARY KEY, months INTEGER NOT NULL, set_by TEXT NOT NULL, set_at TEXT NOT NULL)");
}
