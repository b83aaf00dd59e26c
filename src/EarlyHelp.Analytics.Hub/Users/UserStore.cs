using System.Data.Common;
using System.Security.Cryptography;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Store;
using Microsoft.AspNetCore.Identity;

namespace EarlyHelp.Analytics.Hub.Users;

/// <summary>
/// The panel app's local accounts (<c>app_user</c>). Passwords are kept only as ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/> hashes (PBKDF2 with HMAC-SHA512, salted). Every change and every
/// sign-in, failed or not, is written to the audit log in the same transaction.
/// </summary>
public sealed partial class UserStore
{
    private const string Columns = "username, display_name, role, failed_attempts, locked_until, disabled, security_stamp, created_at";

    // Failures and lockouts live in sign_in_throttle, keyed by the name for accounts: the account shows the count from
    // anywhere, and the latest lockout from any one client.
    private const string SelectColumns = """
        username, display_name, role,
        COALESCE((SELECT failures FROM sign_in_throttle t WHERE t.name_key = app_user.username AND t.client = '*'), 0),
        (SELECT MAX(locked_until) FROM sign_in_throttle t WHERE t.name_key = app_user.username),
        disabled, security_stamp, created_at, CASE WHEN totp_secret IS NULL THEN 0 ELSE 1 END, last_sign_in_at, password_change_required
        """;

    private static readonly PasswordHasher<UserAccount> Hasher = new();

    private readonly DbConnection connection;
    private readonly AuditLog auditLog;
    private readonly SessionStore sessions;
    private readonly SignInThrottle throttle;
    private readonly TimeProvider clock;

    /// <summary>A store over the hub's open connection; changes that end a user's sessions end them in <paramref name="sessions"/>.</summary>
    internal UserStore(DbConnection connection, AuditLog auditLog, SessionStore sessions, TimeProvider clock)
    {
        this.connection = connection;
        this.auditLog = auditLog;
        this.sessions = sessions;
        throttle = new SignInThrottle(connection);
        this.clock = clock;
    }

    /// <summary>
    /// Adds a user with a password; refused when a name or the password breaks the rules, or the name is taken. With
    /// <paramref name="passwordChangeRequired"/> (an administrator chose the password) the user must replace it at first sign-in.
    /// </summary>
    public UserChange Add(NewUser user, string password, string actor, bool passwordChangeRequired = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var username = Usernames.Normalise(user.Username);
        var problems = Usernames.Check(username, user.DisplayName).Concat(Passwords.Check(password, username)).ToList();
        if (!Enum.IsDefined(user.Role))
            problems.Add("Choose a role.");
        if (problems.Count > 0)
            return new UserChange.Refused(problems);

        using var transaction = connection.BeginWriteTransaction();
        if (connection.Scalar(transaction, "SELECT 1 FROM app_user WHERE username = @p0", username) is not null)
            return new UserChange.Refused([$"A user named '{username}' already exists."]);
        var account = new UserAccount(username, user.DisplayName.Trim(), user.Role, 0, null, false, NewStamp(), clock.GetUtcNow());
        connection.Execute(transaction, $"INSERT INTO app_user ({Columns}, password_hash, password_change_required) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)",
            account.Username, account.DisplayName, account.Role.Code(), 0, null, 0, account.SecurityStamp,
            HubQueries.FormatTime(account.CreatedAt), Hasher.HashPassword(account, password), passwordChangeRequired ? 1 : 0);
        auditLog.Append(transaction, actor, "user.add", username, $"role {user.Role.Code()}{ChangeRequiredDetail(passwordChangeRequired)}");
        transaction.Commit();
        return new UserChange.Done(account with { PasswordChangeRequired = passwordChangeRequired });
    }

    /// <summary>The user with this name (any case), or null.</summary>
    public UserAccount? Find(string username) => Find(null, Usernames.Normalise(username));

    /// <summary>Every user, by name.</summary>
    public IReadOnlyList<UserAccount> List()
    {
        using var command = connection.Command(null, $"SELECT {SelectColumns} FROM app_user ORDER BY username");
        using var reader = command.ExecuteReader();
        var users = new List<UserAccount>();
        while (reader.Read())
            users.Add(Read(reader));
        return users;
    }

    /// <summary>Gives a user another role; their open sessions end.</summary>
    public UserChange ChangeRole(string username, UserRole role, string actor) =>
        Change(username, actor, "user.role", $"role {role.Code()}", EndSessions("role changed"), "role = @p1, security_stamp = @p2", role.Code(), NewStamp());

    /// <summary>Switches an account off (its sessions end) or back on.</summary>
    public UserChange SetDisabled(string username, bool disabled, string actor) =>
        Change(username, actor, disabled ? "user.disable" : "user.enable", "", disabled ? EndSessions("account switched off") : null,
            "disabled = @p1, security_stamp = @p2", disabled ? 1 : 0, NewStamp());

    /// <summary>Ends every open session of a user at once, wherever it was started.</summary>
    public UserChange EndSessions(string username, string actor) =>
        Change(username, actor, "user.end_sessions", "", EndSessions($"ended by {actor}"), "security_stamp = @p1", NewStamp());

    /// <summary>Ends every lockout of the user's name, from every client, and clears the failed attempts.</summary>
    public UserChange Unlock(string username, string actor) =>
        Change(username, actor, "user.unlock", "", (transaction, name) => throttle.Unlock(transaction, name), "failed_attempts = 0");

    /// <summary>
    /// Sets a new password chosen or generated by an administrator; the user's sessions end and any lockout is cleared. With
    /// <paramref name="passwordChangeRequired"/> the user must replace it at their next sign-in.
    /// </summary>
    public UserChange ResetPassword(string username, string password, string actor, bool passwordChangeRequired = false)
    {
        var problems = Passwords.Check(password, Usernames.Normalise(username)).ToArray();
        if (problems.Length > 0)
            return new UserChange.Refused(problems);
        return Change(username, actor, "user.password_reset", ChangeRequiredDetail(passwordChangeRequired).TrimStart(';', ' '), (transaction, name) =>
            {
                throttle.Unlock(transaction, name);
                sessions.EndOpen(transaction, name, "password reset");
            },
            "password_hash = @p1, security_stamp = @p2, password_change_required = @p3", HashFor(username, password), NewStamp(), passwordChangeRequired ? 1 : 0);
    }

    private static string ChangeRequiredDetail(bool required) => required ? "; must choose their own password at the next sign-in" : "";

    private Action<DbTransaction, string> EndSessions(string reason) => (transaction, name) => sessions.EndOpen(transaction, name, reason);

    /// <summary>Updates one user and audits it in one transaction; <paramref name="also"/> runs in the same transaction.</summary>
    private UserChange Change(string username, string actor, string action, string detail, Action<DbTransaction, string>? also,
        string assignments, params object?[] values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var name = Usernames.Normalise(username);
        using var transaction = connection.BeginWriteTransaction();
        if (connection.Execute(transaction, $"UPDATE app_user SET {assignments} WHERE username = @p0", [name, .. values]) == 0)
            return new UserChange.NotFound();
        also?.Invoke(transaction, name);
        auditLog.Append(transaction, actor, action, name, detail);
        var account = Find(transaction, name)!;
        transaction.Commit();
        return new UserChange.Done(account);
    }

    private UserAccount? Find(DbTransaction? transaction, string username)
    {
        using var command = connection.Command(transaction, $"SELECT {SelectColumns} FROM app_user WHERE username = @p0", username);
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    private static string HashFor(string username, string password) =>
        Hasher.HashPassword(DecoyAccount with { Username = username }, password);

    private static UserAccount Read(DbDataReader reader) => new(
        reader.GetString(0), reader.GetString(1),
        UserRoles.TryParse(reader.GetString(2), out var role) ? role : throw new FormatException($"Unknown role '{reader.GetString(2)}' in the hub."),
        reader.GetInt32(3), reader.IsDBNull(4) ? null : HubQueries.ParseTime(reader.GetString(4)), reader.GetInt64(5) != 0,
        reader.GetString(6), HubQueries.ParseTime(reader.GetString(7)))
    {
        TwoFactorEnrolled = reader.GetInt64(8) != 0,
        LastSignInAt = reader.IsDBNull(9) ? null : HubQueries.ParseTime(reader.GetString(9)),
        PasswordChangeRequired = reader.GetInt64(10) != 0,
    };

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
