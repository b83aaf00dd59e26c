using System.Globalization;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Users;

/// <summary>What came of a second-factor code.</summary>
public abstract record SecondFactorOutcome
{
    /// <summary>The code was right and not used before.</summary>
    public sealed record Accepted(UserAccount User) : SecondFactorOutcome;

    /// <summary>The code was wrong, or already used in its step.</summary>
    public sealed record Refused() : SecondFactorOutcome;

    /// <summary>Too many wrong codes (or passwords) from this client: locked until the time given.</summary>
    public sealed record LockedOut(DateTimeOffset Until) : SecondFactorOutcome;
}

public sealed partial class UserStore
{
    /// <summary>
    /// Starts (or restarts) enrolment in a second factor: a new secret, kept apart until a code from it is confirmed,
    /// so that a half-finished enrolment never replaces a working one. Returns the secret in base32.
    /// </summary>
    public string BeginTwoFactorEnrolment(string username)
    {
        var secret = OneTimePasswords.NewSecret();
        connection.Execute(null, "UPDATE app_user SET totp_pending_secret = @p1 WHERE username = @p0", Usernames.Normalise(username), secret);
        return secret;
    }

    /// <summary>The secret of an enrolment begun and not yet confirmed, or null.</summary>
    public string? PendingTwoFactorSecret(string username) =>
        connection.Scalar(null, "SELECT totp_pending_secret FROM app_user WHERE username = @p0", Usernames.Normalise(username)) as string;

    /// <summary>Confirms enrolment with a code from the new secret; the secret then guards every sign-in. Audited.</summary>
    public SecondFactorOutcome ConfirmTwoFactor(string username, string code, LockoutPolicy policy, string client = LocalClient) =>
        CheckCode(username, code, policy, client, "totp_pending_secret", "user.two_factor.enrol",
            "totp_secret = totp_pending_secret, totp_pending_secret = NULL, ");

    /// <summary>Checks a sign-in's second-factor code. Wrong codes count towards the same lockout as wrong passwords; a code is accepted once only. Audited.</summary>
    public SecondFactorOutcome VerifyTwoFactor(string username, string code, LockoutPolicy policy, string client = LocalClient) =>
        CheckCode(username, code, policy, client, "totp_secret", "sign_in.second_factor", "");

    /// <summary>Removes a user's second factor (a lost phone): they enrol again at their next sign-in where it is required. Audited.</summary>
    public UserChange ResetTwoFactor(string username, string actor) =>
        Change(username, actor, "user.two_factor.reset", "", EndSessions("second factor reset"),
            "totp_secret = NULL, totp_pending_secret = NULL, totp_last_step = NULL, security_stamp = @p1", NewStamp());

    private SecondFactorOutcome CheckCode(string username, string code, LockoutPolicy policy, string client, string secretColumn, string action, string onSuccess)
    {
        var name = Usernames.Normalise(username);
        var now = clock.GetUtcNow();
        using var transaction = connection.BeginWriteTransaction();
        var account = Find(transaction, name);
        var secret = connection.Scalar(transaction, $"SELECT {secretColumn} FROM app_user WHERE username = @p0", name) as string;
        var lastStep = connection.Scalar(transaction, "SELECT totp_last_step FROM app_user WHERE username = @p0", name) is long step ? step : (long?)null;
        var matched = secret is null ? null : OneTimePasswords.MatchingStep(secret, code, now);
        SecondFactorOutcome result;
        if (account is null || account.Disabled || secret is null)
        {
            result = new SecondFactorOutcome.Refused();
        }
        else if (throttle.LockedUntil(transaction, name, client, now) is { } lockedUntil)
        {
            auditLog.Append(transaction, name, action + ".failure", name, $"locked from {client} until {HubQueries.FormatTime(lockedUntil)}");
            result = new SecondFactorOutcome.LockedOut(lockedUntil);
        }
        // RFC 6238 section 5.2: a code accepted once must not be accepted again, nor any code of an earlier step.
        else if (matched is null || matched <= lastStep)
        {
            var (detail, until) = throttle.RecordFailure(transaction, name, client, now, policy);
            var why = matched is null ? "wrong code" : "code already used";
            auditLog.Append(transaction, name, action + ".failure", name, $"{why} ({detail})");
            result = until is null ? new SecondFactorOutcome.Refused() : new SecondFactorOutcome.LockedOut(until.Value);
        }
        else
        {
            connection.Execute(transaction, $"UPDATE app_user SET {onSuccess}totp_last_step = @p1 WHERE username = @p0", name, matched);
            throttle.Clear(transaction, name, client);
            auditLog.Append(transaction, name, action, name, string.Create(CultureInfo.InvariantCulture, $"from {client}"));
            result = new SecondFactorOutcome.Accepted(Find(transaction, name)!);
        }
        transaction.Commit();
        return result;
    }
}
