using System.Data.Common;
using System.Globalization;
using EarlyHelp.Analytics.Hub.Store;
using Microsoft.AspNetCore.Identity;

namespace EarlyHelp.Analytics.Hub.Users;

public sealed partial class UserStore
{
    /// <summary>The actor recorded for a failed sign-in: nobody has shown who they are.</summary>
    public const string AnonymousActor = "anonymous";

    /// <summary>The client recorded when none is given: a command on the hub's own machine.</summary>
    public const string LocalClient = "local";

    /// <summary>Stands in for the user when hashing for nobody in particular (the hasher does not read it).</summary>
    private static readonly UserAccount DecoyAccount = new("", "", UserRole.Panel, 0, null, false, "", default);

    /// <summary>A hash of a random password, checked against when the user is unknown so that the reply takes as long as for a known one.</summary>
    private static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword(DecoyAccount, Passwords.Generate()));

    /// <summary>
    /// Checks a password from <paramref name="client"/> (its address) and records the attempt. Failures are counted per
    /// client and name, and per name alone (<see cref="LockoutPolicy"/>); a success clears both counts. Unknown users,
    /// disabled accounts and wrong passwords all give <see cref="SignInOutcome.Failed"/>, are counted and locked alike,
    /// and cost one password hash each, so that neither the reply nor its timing tells which names exist.
    /// A typed name is recorded in the audit log only when it names an account.
    /// </summary>
    public SignInOutcome SignIn(string username, string password, LockoutPolicy policy, string client = LocalClient)
    {
        var problems = policy.Validate().ToArray();
        if (problems.Length > 0)
            throw new ArgumentException(string.Join(" ", problems), nameof(policy));
        var name = Usernames.Normalise(username);
        var now = clock.GetUtcNow();

        // The hash is checked outside the transaction: PBKDF2 takes tens of milliseconds and must not hold the write lock.
        var (account, verdict, hash) = Verify(name, password);

        using var transaction = connection.BeginWriteTransaction();
        // Read again under the write lock: another attempt may have changed the counts since.
        account = Find(transaction, name);
        var nameKey = throttle.NameKey(transaction, name);
        var subject = account is null ? "" : name;
        SignInOutcome result;
        if (throttle.LockedUntil(transaction, nameKey, client, now) is { } lockedUntil)
        {
            auditLog.Append(transaction, AnonymousActor, "sign_in.failure", subject, $"locked from {client} until {HubQueries.FormatTime(lockedUntil)}");
            result = new SignInOutcome.LockedOut(lockedUntil);
        }
        else if (account is null || account.Disabled || verdict == PasswordVerificationResult.Failed)
        {
            var why = account is null ? "unknown user name" : account.Disabled ? "account disabled" : "wrong password";
            var (detail, until) = throttle.RecordFailure(transaction, nameKey, client, now, policy);
            auditLog.Append(transaction, AnonymousActor, "sign_in.failure", subject, $"{why} ({detail})");
            result = until is null ? new SignInOutcome.Failed() : new SignInOutcome.LockedOut(until.Value);
        }
        else
        {
            var rehash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(account, password!) : hash;
            connection.Execute(transaction, "UPDATE app_user SET password_hash = @p1, last_sign_in_at = @p2 WHERE username = @p0", name, rehash, HubQueries.FormatTime(now));
            throttle.Clear(transaction, nameKey, client);
            auditLog.Append(transaction, name, "sign_in.success", name, $"from {client}");
            result = new SignInOutcome.Succeeded(Find(transaction, name)!);
        }
        transaction.Commit();
        return result;
    }

    /// <summary>
    /// Changes a user's own password after checking the current one. Wrong current passwords count towards the same
    /// lockout as failed sign-ins; every attempt, done or refused, is audited; the user's other sessions end
    /// (all but <paramref name="keepSession"/>, the one making the change).
    /// </summary>
    public UserChange ChangeOwnPassword(string username, string currentPassword, string newPassword, LockoutPolicy? policy = null,
        string client = LocalClient, string? keepSession = null)
    {
        policy ??= new LockoutPolicy();
        var name = Usernames.Normalise(username);
        var now = clock.GetUtcNow();
        var (account, verdict, _) = Verify(name, currentPassword);
        if (account is null)
            return new UserChange.NotFound();

        using var transaction = connection.BeginWriteTransaction();
        UserChange result;
        if (throttle.LockedUntil(transaction, name, client, now) is { } lockedUntil)
        {
            result = Refuse(transaction, name, $"locked from {client} until {HubQueries.FormatTime(lockedUntil)}",
                "Too many wrong passwords. Try again after " + lockedUntil.ToString("HH:mm 'UTC on' d MMMM", CultureInfo.InvariantCulture)
                + ", or ask an administrator to unlock your account.");
        }
        else if (verdict == PasswordVerificationResult.Failed)
        {
            var (detail, _) = throttle.RecordFailure(transaction, name, client, now, policy);
            result = Refuse(transaction, name, $"wrong current password ({detail})", "The current password is not right.");
        }
        else if (Passwords.Check(newPassword, name).ToArray() is { Length: > 0 } problems)
        {
            auditLog.Append(transaction, name, "user.password_change.failure", name, "new password refused: " + string.Join(" ", problems));
            result = new UserChange.Refused(problems);
        }
        else
        {
            // The holder has chosen their own password now, so one an administrator set no longer has to be replaced.
            connection.Execute(transaction, "UPDATE app_user SET password_hash = @p1, security_stamp = @p2, password_change_required = 0 WHERE username = @p0",
                name, Hasher.HashPassword(account, newPassword), NewStamp());
            throttle.Clear(transaction, name, client);
            var ended = sessions.EndOpen(transaction, name, "password changed", keepSession);
            auditLog.Append(transaction, name, "user.password_change", name, $"from {client}; {ended} other sessions ended");
            result = new UserChange.Done(Find(transaction, name)!);
        }
        transaction.Commit();
        return result;
    }

    private UserChange.Refused Refuse(DbTransaction transaction, string name, string detail, string problem)
    {
        auditLog.Append(transaction, name, "user.password_change.failure", name, detail);
        return new UserChange.Refused([problem]);
    }

    /// <summary>The account (or null), how the password compares with its hash (a decoy hash for no account), and the hash.</summary>
    private (UserAccount? Account, PasswordVerificationResult Verdict, string? Hash) Verify(string name, string? password)
    {
        var account = Find(null, name);
        var hash = account is null ? null : (string?)connection.Scalar(null, "SELECT password_hash FROM app_user WHERE username = @p0", name);
        return (account, Hasher.VerifyHashedPassword(account ?? DecoyAccount, hash ?? DecoyHash.Value, password ?? ""), hash);
    }
}
