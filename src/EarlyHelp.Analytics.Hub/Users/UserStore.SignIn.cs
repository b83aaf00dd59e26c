using System.Globalization;
using EarlyHelp.Analytics.Hub.Store;
using Microsoft.AspNetCore.Identity;

namespace EarlyHelp.Analytics.Hub.Users;

public sealed partial class UserStore
{
    /// <summary>The actor recorded for a failed sign-in: nobody has shown who they are.</summary>
    public const string AnonymousActor = "anonymous";

    /// <summary>Stands in for the user when hashing for nobody in particular (the hasher does not read it).</summary>
    private static readonly UserAccount DecoyAccount = new("", "", UserRole.Panel, 0, null, false, "", default);

    /// <summary>A hash of a random password, checked against when the user is unknown so that the reply takes as long as for a known one.</summary>
    private static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword(DecoyAccount, Passwords.Generate()));

    /// <summary>
    /// Checks a password and records the attempt. <paramref name="policy"/>'s number of failures in a row locks the
    /// account for its duration; a success clears the count. Unknown users, disabled accounts and wrong passwords all
    /// give <see cref="SignInOutcome.Failed"/>, so that the reply does not tell which names exist.
    /// </summary>
    public SignInOutcome SignIn(string username, string password, LockoutPolicy policy)
    {
        var problems = policy.Validate().ToArray();
        if (problems.Length > 0)
            throw new ArgumentException(string.Join(" ", problems), nameof(policy));
        var name = Usernames.Normalise(username);
        var subject = name.Length > Usernames.MaximumLength ? name[..Usernames.MaximumLength] : name;
        var now = clock.GetUtcNow();

        // The hash is checked outside the transaction: PBKDF2 takes tens of milliseconds and must not hold the write lock.
        var account = Find(null, name);
        var hash = account is null ? null : (string?)connection.Scalar(null, "SELECT password_hash FROM app_user WHERE username = @p0", name);
        var verdict = Hasher.VerifyHashedPassword(account ?? DecoyAccount, hash ?? DecoyHash.Value, password ?? "");

        using var transaction = connection.BeginTransaction();
        // Read again under the write lock: another attempt may have changed the count since.
        account = Find(transaction, name);
        SignInOutcome result;
        if (account is null || account.Disabled)
        {
            auditLog.Append(transaction, AnonymousActor, "sign_in.failure", subject, account is null ? "unknown user name" : "account disabled");
            result = new SignInOutcome.Failed();
        }
        else if (account.IsLockedAt(now))
        {
            auditLog.Append(transaction, AnonymousActor, "sign_in.failure", name, $"account locked until {HubQueries.FormatTime(account.LockedUntil!.Value)}");
            result = new SignInOutcome.LockedOut(account.LockedUntil!.Value);
        }
        else if (verdict == PasswordVerificationResult.Failed)
        {
            result = RecordFailure(transaction, account, now, policy);
        }
        else
        {
            var rehash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(account, password!) : hash;
            connection.Execute(transaction, "UPDATE app_user SET failed_attempts = 0, locked_until = NULL, password_hash = @p1 WHERE username = @p0",
                name, rehash);
            auditLog.Append(transaction, name, "sign_in.success", name, "");
            result = new SignInOutcome.Succeeded(account with { FailedAttempts = 0, LockedUntil = null });
        }
        transaction.Commit();
        return result;
    }

    private SignInOutcome RecordFailure(System.Data.Common.DbTransaction transaction, UserAccount account, DateTimeOffset now, LockoutPolicy policy)
    {
        var attempts = account.FailedAttempts + 1;
        if (attempts < policy.MaximumFailedAttempts)
        {
            connection.Execute(transaction, "UPDATE app_user SET failed_attempts = @p1 WHERE username = @p0", account.Username, attempts);
            auditLog.Append(transaction, AnonymousActor, "sign_in.failure", account.Username,
                string.Create(CultureInfo.InvariantCulture, $"wrong password ({attempts} of {policy.MaximumFailedAttempts})"));
            return new SignInOutcome.Failed();
        }
        var until = now + policy.LockoutDuration;
        connection.Execute(transaction, "UPDATE app_user SET failed_attempts = 0, locked_until = @p1 WHERE username = @p0",
            account.Username, HubQueries.FormatTime(until));
        auditLog.Append(transaction, AnonymousActor, "sign_in.failure", account.Username,
            string.Create(CultureInfo.InvariantCulture, $"wrong password ({attempts} of {policy.MaximumFailedAttempts}); account locked until {HubQueries.FormatTime(until)}"));
        return new SignInOutcome.LockedOut(until);
    }

    /// <summary>Changes a user's own password after checking the current one; their other sessions end.</summary>
    public UserChange ChangeOwnPassword(string username, string currentPassword, string newPassword)
    {
        var name = Usernames.Normalise(username);
        var account = Find(null, name);
        var hash = account is null ? null : (string?)connection.Scalar(null, "SELECT password_hash FROM app_user WHERE username = @p0", name);
        if (account is null || hash is null)
            return new UserChange.NotFound();
        if (Hasher.VerifyHashedPassword(account, hash, currentPassword ?? "") == PasswordVerificationResult.Failed)
            return new UserChange.Refused(["The current password is not right."]);
        var problems = Passwords.Check(newPassword).ToArray();
        if (problems.Length > 0)
            return new UserChange.Refused(problems);
        return Change(name, name, "user.password_change", "", "password_hash = @p1, security_stamp = @p2", Hasher.HashPassword(account, newPassword), NewStamp());
    }
}
