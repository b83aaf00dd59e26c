using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;
using EarlyHelp.Analytics.Hub.Users;

namespace EarlyHelp.Analytics.Hub.Tests.Users;

/// <summary>
/// Each account's last sign-in, and the password an administrator set that its holder must replace: kept by sign-in,
/// add, reset and change, and brought forward from the audit log by schema step 18.
/// </summary>
public abstract class SignInRecordTests<TFixture> : IDisposable where TFixture : IHubStoreFixture, new()
{
    private const string Password = "correct horse battery staple";
    private static readonly DateTimeOffset Start = new(2024, 4, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly TFixture hub = new();
    private readonly FixedClock clock = new(Start);

    public void Dispose()
    {
        hub.Dispose();
        GC.SuppressFinalize(this);
    }

    [StoreFact]
    public void SignIn_Succeeded_RecordsTheTimeAndAFailureLeavesIt()
    {
        using var store = hub.Open(clock);
        store.Users.Add(new NewUser("a.practitioner", "A practitioner", UserRole.Panel), Password, "an.administrator");
        Assert.Null(store.Users.Find("a.practitioner")!.LastSignInAt);

        clock.Now = Start.AddHours(1);
        Assert.IsType<SignInOutcome.Succeeded>(store.Users.SignIn("a.practitioner", Password, new LockoutPolicy()));
        clock.Now = Start.AddHours(2);
        Assert.IsType<SignInOutcome.Failed>(store.Users.SignIn("a.practitioner", "not the password at all", new LockoutPolicy()));

        Assert.Equal(Start.AddHours(1), store.Users.Find("a.practitioner")!.LastSignInAt);
    }

    [StoreFact]
    public void Add_PasswordChosenByAnAdministrator_RequiredUntilTheHolderChoosesTheirOwn()
    {
        using var store = hub.Open(clock);

        var added = Assert.IsType<UserChange.Done>(store.Users.Add(new NewUser("a.practitioner", "A practitioner", UserRole.Panel), Password, "an.administrator", passwordChangeRequired: true));

        Assert.True(added.User.PasswordChangeRequired);
        Assert.True(store.Users.Find("a.practitioner")!.PasswordChangeRequired);
        Assert.Equal("role panel; must choose their own password at the next sign-in", Assert.Single(store.AuditLog.Entries()).Detail);
        var changed = Assert.IsType<UserChange.Done>(store.Users.ChangeOwnPassword("a.practitioner", Password, "a tidy kettle under seven hills"));
        Assert.False(changed.User.PasswordChangeRequired);
    }

    [StoreFact]
    public void ResetPassword_ByAnAdministrator_RequiredAndAudited()
    {
        using var store = hub.Open(clock);
        store.Users.Add(new NewUser("a.practitioner", "A practitioner", UserRole.Panel), Password, "an.administrator");
        Assert.False(store.Users.Find("a.practitioner")!.PasswordChangeRequired);

        Assert.IsType<UserChange.Done>(store.Users.ResetPassword("a.practitioner", "a tidy kettle under seven hills", "an.administrator", passwordChangeRequired: true));

        Assert.True(store.Users.Find("a.practitioner")!.PasswordChangeRequired);
        var entry = store.AuditLog.Entries().Last();
        Assert.Equal(("user.password_reset", "must choose their own password at the next sign-in"), (entry.Action, entry.Detail));
    }
}

public sealed class SqliteSignInRecordTests : SignInRecordTests<SqliteHubFixture>;

public sealed class PostgresSignInRecordTests : SignInRecordTests<PostgresHubFixture>;

/// <summary>Schema step 18 on a SQLite hub of step 17 with sign-ins in its audit log.</summary>
public sealed class SignInRecordMigrationTests : IDisposable
{
    private readonly SqliteHubFixture hub = new();
    private readonly FixedClock clock = new(new DateTimeOffset(2024, 4, 2, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => hub.Dispose();

    [Fact]
    public void Migrate_AccountsFromBeforeStep18_LastSignInFromTheAuditLogAndNoChangeRequired()
    {
        hub.CreateAtVersion(17);
        // The entries below stand for a keyed trail, whose key file a hub must have to open.
        AuditKey.Create(AuditKey.FileFor(hub.HubPath));
        hub.Execute("""
            INSERT INTO app_user (username, display_name, role, password_hash, failed_attempts, disabled, security_stamp, created_at)
            VALUES ('a.practitioner', 'A practitioner', 'panel', 'x', 0, 0, 's', '2024-01-01T00:00:00.0000000+00:00'),
                   ('never.in', 'Never signed in', 'panel', 'x', 0, 0, 's', '2024-01-01T00:00:00.0000000+00:00')
            """);
        // Two successes and a later failure: the later success is the last sign-in; another user's entry is not theirs.
        hub.Execute("""
            INSERT INTO audit_log (at, actor, action, subject, detail, prev_hash, hash) VALUES
            ('2024-03-01T08:00:00.0000000+00:00', 'a.practitioner', 'sign_in.success', 'a.practitioner', '', '', ''),
            ('2024-03-05T08:30:00.0000000+00:00', 'a.practitioner', 'sign_in.success', 'a.practitioner', '', '', ''),
            ('2024-03-06T08:00:00.0000000+00:00', 'anonymous', 'sign_in.failure', 'a.practitioner', '', '', ''),
            ('2024-03-07T08:00:00.0000000+00:00', 'someone.else', 'sign_in.success', 'someone.else', '', '', '')
            """);

        using var store = hub.Open(clock);

        var practitioner = store.Users.Find("a.practitioner")!;
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 8, 30, 0, TimeSpan.Zero), practitioner.LastSignInAt);
        Assert.False(practitioner.PasswordChangeRequired);
        Assert.Null(store.Users.Find("never.in")!.LastSignInAt);
    }
}
