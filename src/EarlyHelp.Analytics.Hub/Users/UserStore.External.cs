using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Users;

public sealed partial class UserStore
{
    /// <summary>
    /// The password hash stored for an account that signs in only through the council's identity provider: valid
    /// base64 whose format byte (0xFF) <see cref="Microsoft.AspNetCore.Identity.PasswordHasher{TUser}"/> does not know,
    /// so every password typed for it fails, and a mark that the account belongs to the identity provider.
    /// </summary>
    internal const string ExternalPasswordHash = "/w==";

    /// <summary>
    /// Signs in a user whom the identity provider vouched for, in one transaction with its audit entries: adds the
    /// account at the first sign-in, and brings its role and display name up to date at each one (a changed role ends
    /// the account's other sessions, as <see cref="ChangeRole"/> does). Refused, and audited, when the account is
    /// switched off or the name belongs to a local account.
    /// </summary>
    public ExternalSignInOutcome SignInExternal(ExternalIdentity identity, UserRole role, string client = LocalClient)
    {
        var name = Usernames.Normalise(identity.Username);
        var problems = Usernames.Check(name, identity.DisplayName).ToArray();
        if (problems.Length > 0)
            throw new ArgumentException(string.Join(" ", problems), nameof(identity));
        var vouched = $"subject '{identity.Subject}' at {identity.Issuer}, {identity.DisplayName}";

        using var transaction = connection.BeginWriteTransaction();
        var account = Find(transaction, name);
        var local = account is not null && !ExternalPasswordHash.Equals(
            connection.Scalar(transaction, "SELECT password_hash FROM app_user WHERE username = @p0", name) as string, StringComparison.Ordinal);
        if (local || account is { Disabled: true })
        {
            var why = local ? "the name belongs to a local account" : "account disabled";
            auditLog.Append(transaction, AnonymousActor, "sign_in.failure", name, $"identity provider: {why} ({vouched}, from {client})");
            transaction.Commit();
            return new ExternalSignInOutcome.Refused(why);
        }
        if (account is null)
        {
            connection.Execute(transaction, $"INSERT INTO app_user ({Columns}, password_hash) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8)",
                name, identity.DisplayName, role.Code(), 0, null, 0, NewStamp(), HubQueries.FormatTime(clock.GetUtcNow()), ExternalPasswordHash);
            auditLog.Append(transaction, name, "user.add", name, $"role {role.Code()} from the identity provider's groups");
        }
        else if (account.Role != role)
        {
            connection.Execute(transaction, "UPDATE app_user SET role = @p1, security_stamp = @p2 WHERE username = @p0", name, role.Code(), NewStamp());
            sessions.EndOpen(transaction, name, "role changed at the identity provider");
            auditLog.Append(transaction, name, "user.role", name, $"role {role.Code()} from the identity provider's groups");
        }
        if (account is not null && account.DisplayName != identity.DisplayName)
            connection.Execute(transaction, "UPDATE app_user SET display_name = @p1 WHERE username = @p0", name, identity.DisplayName);
        connection.Execute(transaction, "UPDATE app_user SET last_sign_in_at = @p1 WHERE username = @p0", name, HubQueries.FormatTime(clock.GetUtcNow()));
        auditLog.Append(transaction, name, "sign_in.success", name, $"identity provider: {vouched}, from {client}");
        var signedIn = Find(transaction, name)!;
        transaction.Commit();
        return new ExternalSignInOutcome.Succeeded(signedIn);
    }
}

/// <summary>A user as the identity provider vouched for them.</summary>
/// <param name="Username">The hub account name derived from the subject (see the panel app's identity provider sign-in).</param>
/// <param name="Subject">The identity provider's stable identifier of the user.</param>
/// <param name="Issuer">The identity provider.</param>
/// <param name="DisplayName">The name the identity provider gives, shown in the app and the audit log.</param>
public sealed record ExternalIdentity(string Username, string Subject, string Issuer, string DisplayName);

/// <summary>What came of a sign-in through the identity provider.</summary>
public abstract record ExternalSignInOutcome
{
    /// <summary>The account is added or brought up to date, and the sign-in audited.</summary>
    public sealed record Succeeded(UserAccount User) : ExternalSignInOutcome;

    /// <summary>The account is switched off, or its name is a local account's; the refusal is audited.</summary>
    public sealed record Refused(string Reason) : ExternalSignInOutcome;
}
