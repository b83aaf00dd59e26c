using EarlyHelp.Analytics.Hub.Tests.Fixtures;
using EarlyHelp.Analytics.Hub.Users;

namespace EarlyHelp.Analytics.Hub.Tests.Users;

/// <summary>Local accounts: hashed passwords, lockout, role changes, each audited.</summary>
public abstract class UserStoreTests<TFixture> : IDisposable where TFixture : IHubStoreFixture, new()
{
    private const string Password = "correct horse battery staple";
    private static readonly DateTimeOffset Start = new(2024, 4, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly LockoutPolicy ThreeStrikes = new() { MaximumFailedAttempts = 3, LockoutDuration = TimeSpan.FromMinutes(10) };
    private readonly TFixture hub = new();
    private readonly FixedClock clock = new(Start);

    protected TFixture Hub => hub;

    public void Dispose()
    {
        hub.Dispose();
        GC.SuppressFinalize(this);
    }

    private Hub.Store.IHubStore OpenWithUser()
    {
        var store = hub.Open(clock);
        Assert.IsType<UserChange.Done>(store.Users.Add(new NewUser("A.Practitioner", "A practitioner", UserRole.Panel), Password, "an.administrator"));
        return store;
    }

    [StoreFact]
    public void Add_NewUser_StoresAHashNotThePasswordAndAudits()
    {
        using var store = OpenWithUser();

        var user = store.Users.Find("a.practitioner")!;

        Assert.Equal(("a.practitioner", "A practitioner", UserRole.Panel, 0, false), (user.Username, user.DisplayName, user.Role, user.FailedAttempts, user.Disabled));
        var hash = (string)hub.Query("SELECT password_hash FROM app_user")!;
        Assert.DoesNotContain("horse", hash, StringComparison.Ordinal);
        // Identity's format 3 hashes start with byte 0x01, which base64 writes as "AQAAAA".
        Assert.StartsWith("AQAAAA", hash, StringComparison.Ordinal);
        var entry = Assert.Single(store.AuditLog.Entries());
        Assert.Equal(("an.administrator", "user.add", "a.practitioner", "role panel"), (entry.Actor, entry.Action, entry.Subject, entry.Detail));
    }

    [StoreFact]
    public void Add_ShortPasswordAndBadName_RefusedWithEachProblem()
    {
        using var store = hub.Open(clock);

        var change = store.Users.Add(new NewUser("a b", "", UserRole.Panel), "too short", "an.administrator");

        Assert.Equal(
        [
            "The user name must be 3 to 64 of the letters a-z, digits, '.', '_' and '-'. Got 'a b' instead.",
            "The display name must hold 1 to 100 characters. Got 0 instead.",
            "The password must be at least 15 characters. Got 9 instead.",
        ], Assert.IsType<UserChange.Refused>(change).Problems);
        Assert.Empty(store.Users.List());
    }

    [StoreFact]
    public void Add_TakenName_Refused()
    {
        using var store = OpenWithUser();

        var change = store.Users.Add(new NewUser("a.practitioner", "Someone else", UserRole.Analyst), Password, "an.administrator");

        Assert.Equal(["A user named 'a.practitioner' already exists."], Assert.IsType<UserChange.Refused>(change).Problems);
    }

    [StoreFact]
    public void SignIn_RightPassword_SucceedsAndAudits()
    {
        using var store = OpenWithUser();

        var result = store.Users.SignIn("A.PRACTITIONER", Password, ThreeStrikes);

        Assert.Equal("a.practitioner", Assert.IsType<SignInOutcome.Succeeded>(result).User.Username);
        var entry = store.AuditLog.Entries()[^1];
        Assert.Equal(("a.practitioner", "sign_in.success", "a.practitioner"), (entry.Actor, entry.Action, entry.Subject));
    }

    [StoreFact]
    public void SignIn_ThirdWrongPassword_LocksForTheDurationThenUnlocksByItself()
    {
        using var store = OpenWithUser();

        Assert.IsType<SignInOutcome.Failed>(store.Users.SignIn("a.practitioner", "wrong one", ThreeStrikes));
        Assert.IsType<SignInOutcome.Failed>(store.Users.SignIn("a.practitioner", "wrong two", ThreeStrikes));
        var locked = Assert.IsType<SignInOutcome.LockedOut>(store.Users.SignIn("a.practitioner", "wrong three", ThreeStrikes));

        Assert.Equal(Start.AddMinutes(10), locked.Until);
        // While locked, even the right password is refused.
        Assert.IsType<SignInOutcome.LockedOut>(store.Users.SignIn("a.practitioner", Password, ThreeStrikes));
        clock.Now = Start.AddMinutes(10);
        Assert.IsType<SignInOutcome.Succeeded>(store.Users.SignIn("a.practitioner", Password, ThreeStrikes));
        Assert.Equal(
        [
            "wrong password (1 of 3 from local, 1 of 50 from anywhere)",
            "wrong password (2 of 3 from local, 2 of 50 from anywhere)",
            "wrong password (3 of 3 from local, 3 of 50 from anywhere; locked until 2024-04-02T09:10:00.0000000+00:00)",
            "locked from local until 2024-04-02T09:10:00.0000000+00:00",
        ], store.AuditLog.Entries().Where(e => e.Action == "sign_in.failure").Select(e => e.Detail));
    }

    [StoreFact]
    public void SignIn_SuccessBetweenFailures_ResetsTheCount()
    {
        using var store = OpenWithUser();

        store.Users.SignIn("a.practitioner", "wrong", ThreeStrikes);
        store.Users.SignIn("a.practitioner", "wrong", ThreeStrikes);
        store.Users.SignIn("a.practitioner", Password, ThreeStrikes);
        store.Users.SignIn("a.practitioner", "wrong", ThreeStrikes);

        Assert.Equal(1, store.Users.Find("a.practitioner")!.FailedAttempts);
    }

    [StoreFact]
    public void SignIn_UnknownUser_FailsAndAuditsWithoutTheNameTried()
    {
        using var store = OpenWithUser();

        // What is typed in the name box is sometimes a password: it is kept only when it names an account.
        Assert.IsType<SignInOutcome.Failed>(store.Users.SignIn("nobody", Password, ThreeStrikes, "192.0.2.1"));

        var entry = store.AuditLog.Entries()[^1];
        Assert.Equal(("anonymous", "sign_in.failure", "", "unknown user name (1 of 3 from 192.0.2.1, 1 of 50 from anywhere)"),
            (entry.Actor, entry.Action, entry.Subject, entry.Detail));
    }

    [StoreFact]
    public void SignIn_UnknownUser_LockedLikeAKnownOne()
    {
        using var store = OpenWithUser();

        var outcomes = Enumerable.Range(0, 3).Select(_ => store.Users.SignIn("nobody", "wrong", ThreeStrikes, "192.0.2.1")).ToList();

        Assert.Equal([typeof(SignInOutcome.Failed), typeof(SignInOutcome.Failed), typeof(SignInOutcome.LockedOut)], outcomes.Select(o => o.GetType()));
        Assert.Equal(Start.AddMinutes(10), ((SignInOutcome.LockedOut)outcomes[2]).Until);
    }

    [StoreFact]
    public void SignIn_LockedFromOneClient_OpenFromAnother()
    {
        using var store = OpenWithUser();
        for (var attempt = 0; attempt < 3; attempt++)
            store.Users.SignIn("a.practitioner", "wrong", ThreeStrikes, "203.0.113.9");

        Assert.IsType<SignInOutcome.LockedOut>(store.Users.SignIn("a.practitioner", Password, ThreeStrikes, "203.0.113.9"));
        Assert.IsType<SignInOutcome.Succeeded>(store.Users.SignIn("a.practitioner", Password, ThreeStrikes, "198.51.100.1"));
    }

    [StoreFact]
    public void SignIn_PerNameLimitReached_LockedFromEveryClient()
    {
        using var store = OpenWithUser();
        var policy = ThreeStrikes with { MaximumFailedAttemptsPerName = 4 };
        foreach (var client in new[] { "203.0.113.1", "203.0.113.2" })
        {
            store.Users.SignIn("a.practitioner", "wrong", policy, client);
            store.Users.SignIn("a.practitioner", "wrong", policy, client);
        }

        var locked = Assert.IsType<SignInOutcome.LockedOut>(store.Users.SignIn("a.practitioner", Password, policy, "198.51.100.1"));
        Assert.Equal(Start.AddMinutes(10), locked.Until);
        Assert.Equal(Start.AddMinutes(10), store.Users.Find("a.practitioner")!.LockedUntil);
    }

    [StoreFact]
    public void Unlock_LockedAccount_AllowsSignInAgain()
    {
        using var store = OpenWithUser();
        for (var i = 0; i < 3; i++)
            store.Users.SignIn("a.practitioner", "wrong", ThreeStrikes);

        Assert.IsType<UserChange.Done>(store.Users.Unlock("a.practitioner", "an.administrator"));

        Assert.IsType<SignInOutcome.Succeeded>(store.Users.SignIn("a.practitioner", Password, ThreeStrikes));
    }

    [StoreFact]
    public void ChangeRoleAndDisable_ChangeTheSecurityStampAndAudit()
    {
        using var store = OpenWithUser();
        var stamp = store.Users.Find("a.practitioner")!.SecurityStamp;

        var changed = Assert.IsType<UserChange.Done>(store.Users.ChangeRole("a.practitioner", UserRole.Governance, "an.administrator")).User;
        var disabled = Assert.IsType<UserChange.Done>(store.Users.SetDisabled("a.practitioner", true, "an.administrator")).User;

        Assert.Equal(UserRole.Governance, changed.Role);
        Assert.NotEqual(stamp, changed.SecurityStamp);
        Assert.NotEqual(changed.SecurityStamp, disabled.SecurityStamp);
        Assert.IsType<SignInOutcome.Failed>(store.Users.SignIn("a.practitioner", Password, ThreeStrikes));
        Assert.Equal(["user.add", "user.role", "user.disable", "sign_in.failure"], store.AuditLog.Entries().Select(e => e.Action));
        Assert.IsType<UserChange.NotFound>(store.Users.Unlock("nobody", "an.administrator"));
    }

    [StoreFact]
    public void ChangeOwnPassword_WrongCurrent_RefusedRightCurrent_Changed()
    {
        using var store = OpenWithUser();
        const string newPassword = "a different long passphrase";

        Assert.Equal(["The current password is not right."],
            Assert.IsType<UserChange.Refused>(store.Users.ChangeOwnPassword("a.practitioner", "wrong", newPassword)).Problems);
        Assert.IsType<UserChange.Done>(store.Users.ChangeOwnPassword("a.practitioner", Password, newPassword));

        Assert.IsType<SignInOutcome.Failed>(store.Users.SignIn("a.practitioner", Password, ThreeStrikes));
        Assert.IsType<SignInOutcome.Succeeded>(store.Users.SignIn("a.practitioner", newPassword, ThreeStrikes));
    }

    [StoreFact]
    public void LockoutPolicy_Invalid_NamesEachOption()
    {
        var policy = new LockoutPolicy { MaximumFailedAttempts = 0, LockoutDuration = TimeSpan.Zero };

        Assert.Equal(
        [
            "The 'MaximumFailedAttempts' option must be at least 1. Got 0 instead.",
            "The 'LockoutDuration' option must be at least 1 second. Got 00:00:00 instead.",
        ], policy.Validate());
    }

    [StoreFact]
    public void Generate_Password_FiveGroupsOfFiveAndAccepted()
    {
        var password = Passwords.Generate();

        Assert.Matches("^[a-z2-9]{5}(-[a-z2-9]{5}){4}$", password);
        Assert.Empty(Passwords.Check(password));
    }
}

public sealed class SqliteUserStoreTests : UserStoreTests<SqliteHubFixture>;

public sealed class PostgresUserStoreTests : UserStoreTests<PostgresHubFixture>;
