using System.Security.Cryptography;
using System.Text;

namespace EarlyHelp.Analytics.Hub.Audit;

/// <summary>
/// The panel's review records form a second chain beside the entries: each keyed review's MAC covers its fields
/// and the MAC of the review before, so a review edited, removed or re-ordered behind the database's guard shows.
/// Reviews written before the trail was keyed are chained by plain SHA-256 once, when it is keyed.
/// </summary>
internal static class ReviewChain
{
    /// <summary>The SHA-256 chain link of an unkeyed review after <paramref name="previous"/> (the genesis hash for the first).</summary>
    public static string UnkeyedHash(string previous, ReviewRow review) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AuditKey.Canonical(review.Fields(previous)))));

    /// <summary>The MAC of a keyed review after <paramref name="previous"/>.</summary>
    public static string Mac(AuditKey key, string previous, ReviewRow review) => key.Mac(review.Fields(previous));
}
