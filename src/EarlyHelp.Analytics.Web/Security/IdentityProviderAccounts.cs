using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using EarlyHelp.Analytics.Hub.Users;
using OtpNet;

namespace EarlyHelp.Analytics.Web.Security;

/// <summary>How a user the identity provider vouches for becomes a hub account: its name from the subject, its role from the groups.</summary>
public static partial class IdentityProviderAccounts
{
    /// <summary>What every identity provider account's name starts with; local account names should not.</summary>
    public const string Prefix = "oidc-";

    /// <summary>
    /// The hub account name of <paramref name="subject"/>: <c>oidc-</c> and the subject itself when it is already a valid
    /// name in lower case (a GUID such as Entra ID's <c>oid</c>, a Keycloak id), so the audit log names the user by the
    /// identity provider's own identifier. Otherwise (a case-sensitive or long subject, which folding to lower case could
    /// merge with another) <c>oidc--</c> and 26 base32 characters (130 bits) of the subject's SHA-256. The two forms cannot
    /// meet: a subject used as it is never starts with '-'.
    /// </summary>
    public static string AccountName(string subject) =>
        PlainSubject().IsMatch(subject) ? Prefix + subject : Prefix + "-" + Base32Encoding.ToString(SHA256.HashData(Encoding.UTF8.GetBytes(subject)))[..26].ToLowerInvariant();

    /// <summary>
    /// The role of a user in <paramref name="groups"/>: of the roles their groups map to, the first in the precedence
    /// order; null when no group maps to a role.
    /// </summary>
    public static UserRole? RoleFor(IEnumerable<string> groups, IdentityProviderOptions options)
    {
        var held = groups.ToHashSet(StringComparer.Ordinal);
        var mapped = options.GroupsByRole;
        foreach (var role in options.RoleOrder)
        {
            if (mapped.TryGetValue(role, out var roleGroups) && roleGroups.Overlaps(held))
                return role;
        }
        return null;
    }

    // Room for the prefix within the hub's 64-character names.
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,58}$")]
    private static partial Regex PlainSubject();
}
