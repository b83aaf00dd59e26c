namespace EarlyHelp.Analytics.Hub.Schema;

/// <summary>
/// Schema step 12: each opt-out entry says who recorded it. Entries made before this step take the actor of the latest
/// <c>opt_out.add</c> audit entry for their person, which is who recorded them.
/// </summary>
internal static class OptOutRecordedByMigration
{
    /// <summary>Applies the step.</summary>
    public static void Apply(MigrationContext context)
    {
        context.Execute("ALTER TABLE opt_out ADD COLUMN recorded_by TEXT");
        context.Execute("""
            UPDATE opt_out SET recorded_by = (
                SELECT a.actor FROM audit_log a WHERE a.action = 'opt_out.add' AND a.subject = 'person ' || opt_out.person_id
                ORDER BY a.id DESC LIMIT 1)
            """);
    }
}
