namespace EarlyHelp.Analytics.Hub.Schema;

/// <summary>
/// Schema step 8: what sign-in keeps on the server. Sessions live in the hub so that signing out, a role or
/// password change, or an administrator can end them at once, whatever a copied cookie says; failed sign-ins are
/// counted per client address and user name (and per name alone) rather than per account, so that a stranger
/// cannot lock a user out from elsewhere; and an account may hold a time-based one-time password secret.
/// </summary>
internal static class SignInMigration
{
    /// <summary>Creates the session and throttle tables and the second-factor columns.</summary>
    public static void Apply(MigrationContext context)
    {
        // session_id is the SHA-256 of the token in the cookie: reading the hub does not give a usable session.
        context.Execute("""
            CREATE TABLE app_session (
                session_id TEXT PRIMARY KEY, username TEXT NOT NULL REFERENCES app_user (username),
                created_at TEXT NOT NULL, last_seen_at TEXT NOT NULL, ended_at TEXT, end_reason TEXT)
            """);
        context.Execute("CREATE INDEX app_session_user ON app_session (username, ended_at)");
        // name_key is the user name when it names an account, else a hash of what was typed (which may be a
        // password typed in the wrong box); client is the client address, or '*' for the limit on the name alone.
        context.Execute("""
            CREATE TABLE sign_in_throttle (
                name_key TEXT NOT NULL, client TEXT NOT NULL, failures INTEGER NOT NULL, locked_until TEXT,
                PRIMARY KEY (name_key, client))
            """);
        context.Execute("ALTER TABLE app_user ADD COLUMN totp_secret TEXT");
        context.Execute("ALTER TABLE app_user ADD COLUMN totp_pending_secret TEXT");
        context.Execute("ALTER TABLE app_user ADD COLUMN totp_last_step INTEGER");
    }
}
