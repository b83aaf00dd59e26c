namespace EarlyHelp.Analytics.Hub.Schema;

/// <summary>
/// Schema step 18: each account keeps when it last signed in, and whether its holder must choose their own password before
/// anything else (set when an administrator adds the account or resets its password in the app). Accounts made before this
/// step take their last successful sign-in from the audit log and are not made to change their password.
/// </summary>
internal static class SignInRecordMigration
{
    /// <summary>Applies the step.</summary>
    public static void Apply(MigrationContext context)
    {
        context.Execute("ALTER TABLE app_user ADD COLUMN last_sign_in_at TEXT");
        context.Execute("ALTER TABLE app_user ADD COLUMN password_change_required INTEGER NOT NULL DEFAULT 0");
        context.Execute("""
            UPDATE app_user SET last_sign_in_at = (
                SELECT MAX(a.at) FROM audit_log a WHERE a.action = 'sign_in.success' AND a.subject = app_user.username)
            """);
    }
}
