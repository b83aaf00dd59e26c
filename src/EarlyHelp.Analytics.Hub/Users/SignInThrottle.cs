using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Users;

/// <summary>
/// Failed password guesses, counted per (client address, user name) and per user name alone (<c>sign_in_throttle</c>).
/// The first limit is tight and stops one client guessing; the second is looser and stops many clients sharing the
/// work, yet takes a stranger many more failures to trip, so one client cannot keep a user locked out from elsewhere.
/// Names that are not accounts are counted just the same, so that the answers do not tell which names exist.
/// </summary>
internal sealed class SignInThrottle(DbConnection connection)
{
    /// <summary>The client column of the per-name limit.</summary>
    private const string AnyClient = "*";

    /// <summary>
    /// The key a typed name is counted under: the name itself when it names an account, otherwise a hash of it,
    /// because what was typed in the name box is sometimes a password.
    /// </summary>
    public string NameKey(DbTransaction? transaction, string name) =>
        connection.Scalar(transaction, "SELECT 1 FROM app_user WHERE username = @p0", name) is not null
            ? name
            : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));

    /// <summary>The end of the lockout that applies to this client and name at <paramref name="now"/>, or null when none does.</summary>
    public DateTimeOffset? LockedUntil(DbTransaction transaction, string nameKey, string client, DateTimeOffset now)
    {
        var until = connection.Scalar(transaction,
            "SELECT MAX(locked_until) FROM sign_in_throttle WHERE name_key = @p0 AND client IN (@p1, @p2) AND locked_until > @p3",
            nameKey, client, AnyClient, HubQueries.FormatTime(now));
        return until is string text ? HubQueries.ParseTime(text) : null;
    }

    /// <summary>Counts a failure against both limits; returns what happened in words for the audit log, and the lockout it started, if any.</summary>
    public (string Detail, DateTimeOffset? LockedUntil) RecordFailure(DbTransaction transaction, string nameKey, string client, DateTimeOffset now, LockoutPolicy policy)
    {
        var fromClient = Count(transaction, nameKey, client, now, policy.MaximumFailedAttempts, policy.LockoutDuration);
        var fromAnywhere = Count(transaction, nameKey, AnyClient, now, policy.MaximumFailedAttemptsPerName, policy.LockoutDuration);
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"{fromClient.Failures} of {policy.MaximumFailedAttempts} from {client}, {fromAnywhere.Failures} of {policy.MaximumFailedAttemptsPerName} from anywhere");
        var until = fromClient.LockedUntil ?? fromAnywhere.LockedUntil;
        return (until is null ? detail : $"{detail}; locked until {HubQueries.FormatTime(until.Value)}", until);
    }

    /// <summary>Forgets the failures of this name from this client and from anywhere, after the right password.</summary>
    public void Clear(DbTransaction transaction, string nameKey, string client) =>
        connection.Execute(transaction, "DELETE FROM sign_in_throttle WHERE name_key = @p0 AND client IN (@p1, @p2)", nameKey, client, AnyClient);

    /// <summary>Ends every lockout and count of a name, from every client.</summary>
    public int Unlock(DbTransaction transaction, string nameKey) =>
        connection.Execute(transaction, "DELETE FROM sign_in_throttle WHERE name_key = @p0", nameKey);

    private (int Failures, DateTimeOffset? LockedUntil) Count(DbTransaction transaction, string nameKey, string client, DateTimeOffset now, int limit, TimeSpan duration)
    {
        var failures = Convert.ToInt32(connection.Scalar(transaction,
            "SELECT failures FROM sign_in_throttle WHERE name_key = @p0 AND client = @p1", nameKey, client) ?? 0L, CultureInfo.InvariantCulture) + 1;
        // A lockout resets the count, so the next lockout again takes the full number of failures.
        DateTimeOffset? until = failures >= limit ? now + duration : null;
        connection.Execute(transaction, """
            INSERT INTO sign_in_throttle (name_key, client, failures, locked_until) VALUES (@p0, @p1, @p2, @p3)
            ON CONFLICT (name_key, client) DO UPDATE SET failures = excluded.failures, locked_until = COALESCE(excluded.locked_until, sign_in_throttle.locked_until)
            """, nameKey, client, until is null ? failures : 0, until is null ? null : HubQueries.FormatTime(until.Value));
        return (failures, until);
    }
}
