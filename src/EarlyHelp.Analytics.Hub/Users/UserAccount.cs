namespace EarlyHelp.Analytics.Hub.Users;

/// <summary>A panel-app user as stored, without the password hash.</summary>
/// <param name="Username">Sign-in name: lower case, unique.</param>
/// <param name="DisplayName">Name shown in the app.</param>
/// <param name="Role">The user's role.</param>
/// <param name="FailedAttempts">Failed sign-ins from any client since the last success or lockout.</param>
/// <param name="LockedUntil">End of the latest lockout, from one client address or from all, or null.</param>
/// <param name="Disabled">Whether the account is switched off.</param>
/// <param name="SecurityStamp">Changes whenever role, password or status change, so that signed-in sessions made before are refused.</param>
/// <param name="CreatedAt">When the account was made.</param>
public sealed record UserAccount(
    string Username, string DisplayName, UserRole Role, int FailedAttempts, DateTimeOffset? LockedUntil, bool Disabled,
    string SecurityStamp, DateTimeOffset CreatedAt)
{
    /// <summary>Whether the account has a confirmed second factor (a time-based one-time password).</summary>
    public bool TwoFactorEnrolled { get; init; }

    /// <summary>When the account last signed in (with a password or through the identity provider), or null for never.</summary>
    public DateTimeOffset? LastSignInAt { get; init; }

    /// <summary>Whether the holder must choose their own password before anything else: an administrator set the current one.</summary>
    public bool PasswordChangeRequired { get; init; }

    /// <summary>Whether the account is locked at <paramref name="now"/>.</summary>
    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}

/// <summary>A user to add.</summary>
/// <param name="Username">Sign-in name: 3 to 64 of a-z, 0-9, '.', '_' and '-' (upper case is folded to lower).</param>
/// <param name="DisplayName">Name shown in the app: 1 to 100 characters.</param>
/// <param name="Role">The role.</param>
public sealed record NewUser(string Username, string DisplayName, UserRole Role);

/// <summary>When repeated failed sign-ins lock a user name: from one client address, or from anywhere.</summary>
public sealed record LockoutPolicy
{
    /// <summary>Failed sign-ins in a row from one client address that lock the name for that client. Default 5; at least 1.</summary>
    public int MaximumFailedAttempts { get; init; } = 5;

    /// <summary>
    /// Failed sign-ins in a row from any client that lock the name everywhere. Default 50; at least
    /// <see cref="MaximumFailedAttempts"/>: looser, so that a stranger needs ten times the failures to lock a user out.
    /// </summary>
    public int MaximumFailedAttemptsPerName { get; init; } = 50;

    /// <summary>How long a lockout lasts. Default 15 minutes; at least 1 second.</summary>
    public TimeSpan LockoutDuration { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Every problem with the policy, one message each.</summary>
    public IEnumerable<string> Validate()
    {
        if (MaximumFailedAttempts < 1)
            yield return $"The 'MaximumFailedAttempts' option must be at least 1. Got {MaximumFailedAttempts} instead.";
        if (MaximumFailedAttemptsPerName < MaximumFailedAttempts)
            yield return $"The 'MaximumFailedAttemptsPerName' option must be at least 'MaximumFailedAttempts' ({MaximumFailedAttempts}). Got {MaximumFailedAttemptsPerName} instead.";
        if (LockoutDuration < TimeSpan.FromSeconds(1))
            yield return $"The 'LockoutDuration' option must be at least 1 second. Got {LockoutDuration} instead.";
    }
}

/// <summary>What came of a sign-in attempt.</summary>
public abstract record SignInOutcome
{
    /// <summary>The password matched an enabled, unlocked account.</summary>
    public sealed record Succeeded(UserAccount User) : SignInOutcome;

    /// <summary>Unknown user, wrong password or disabled account: the caller must not say which.</summary>
    public sealed record Failed() : SignInOutcome;

    /// <summary>The name is locked for this client until the time given (by this attempt or earlier ones), whether or not it names an account.</summary>
    public sealed record LockedOut(DateTimeOffset Until) : SignInOutcome;
}

/// <summary>What came of a change to the users.</summary>
public abstract record UserChange
{
    /// <summary>The change was made and audited.</summary>
    public sealed record Done(UserAccount User) : UserChange;

    /// <summary>The change was refused for the reasons given; nothing changed.</summary>
    public sealed record Refused(IReadOnlyList<string> Problems) : UserChange;

    /// <summary>There is no such user; nothing changed.</summary>
    public sealed record NotFound() : UserChange;
}
