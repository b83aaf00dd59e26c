using System.Security.Cryptography;
using System.Text;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Audit;

/// <summary>
/// One line of the audit log. Each entry's hash covers its fields and the previous entry's hash, so a
/// changed, removed or reordered entry breaks the chain from that point on. Since the trail was keyed the
/// hash is a MAC (<see cref="ComputeMac"/>), which only the holder of the audit key can compute.
/// </summary>
/// <param name="Id">Position in the log, from 1.</param>
/// <param name="At">When it happened (UTC).</param>
/// <param name="Actor">Who did it (a user name).</param>
/// <param name="Action">What was done, e.g. <c>ingest</c>, <c>opt_out.add</c>, <c>prompt.view</c>.</param>
/// <param name="Subject">What it was done to, e.g. a folder or a pseudonymous family reference.</param>
/// <param name="Detail">Further detail in plain words or JSON.</param>
/// <param name="PreviousHash">Hash of the entry before, or <see cref="GenesisHash"/> for the first.</param>
/// <param name="Hash">HMAC-SHA256 (lower-case hex) of this entry, see <see cref="ComputeMac"/>; SHA-256 (<see cref="ComputeHash"/>) for an entry written before the trail was keyed.</param>
public sealed record AuditEntry(
    long Id, DateTimeOffset At, string Actor, string Action, string Subject, string Detail, string PreviousHash, string Hash)
{
    /// <summary>The previous hash of the first entry: 64 zeros.</summary>
    public static string GenesisHash { get; } = new('0', 64);

    /// <summary>The text form of <see cref="At"/> as stored and hashed: ISO 8601 round-trip, UTC.</summary>
    public static string FormatTime(DateTimeOffset at) => HubQueries.FormatTime(at);

    /// <summary>
    /// The hash of an entry written before the trail was keyed: SHA-256 of the UTF-8 JSON array
    /// <c>[previousHash, id, at, actor, action, subject, detail]</c> (see <see cref="AuditKey.Canonical"/>).
    /// </summary>
    public static string ComputeHash(string previousHash, long id, DateTimeOffset at, string actor, string action, string subject, string detail) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            AuditKey.Canonical(previousHash, id, FormatTime(at), actor, action, subject, detail))));

    /// <summary>
    /// The MAC of a keyed entry: HMAC-SHA256 with the audit key of the UTF-8 JSON array
    /// <c>["audit", previousHash, id, at, actor, action, subject, detail]</c>.
    /// </summary>
    public static string ComputeMac(AuditKey key, string previousHash, long id, DateTimeOffset at, string actor, string action, string subject, string detail)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Mac("audit", previousHash, id, FormatTime(at), actor, action, subject, detail);
    }
}

/// <summary>The result of checking the audit trail: the entries' chain, the reviews' chain and any checkpoints.</summary>
/// <param name="Entries">Entries that check out (all of them when intact; those before the broken one otherwise), counted from the first ever written: those retention removed (<see cref="RemovedEntries"/>) included.</param>
/// <param name="FirstBrokenId">Id of the first entry whose hash or link does not match; null when the entries check out.</param>
/// <param name="Problem">What is wrong (naming the review or checkpoint when the fault is there); null when intact.</param>
public sealed record AuditVerification(long Entries, long? FirstBrokenId, string? Problem)
{
    /// <summary>Whether every entry, review and checkpoint checks out.</summary>
    public bool IsIntact => Problem is null;

    /// <summary>Review records that check out, counted from the first ever written, as <see cref="Entries"/> are.</summary>
    public long Reviews { get; init; }

    /// <summary>Of the entries, those written before the trail was keyed (checked by SHA-256 only).</summary>
    public long UnkeyedEntries { get; init; }

    /// <summary>Of the reviews, those written before the trail was keyed (checked by SHA-256 only).</summary>
    public long UnkeyedReviews { get; init; }

    /// <summary>Entries before the first one kept, removed by retention (their number is recorded by the cut entry).</summary>
    public long RemovedEntries { get; init; }

    /// <summary>Checkpoints checked against the hub.</summary>
    public int Checkpoints { get; init; }
}
