using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Audit;

/// <summary>
/// One line of the audit log. Each entry's hash covers its fields and the previous entry's hash, so a
/// changed, removed or reordered entry breaks the chain from that point on.
/// </summary>
/// <param name="Id">Position in the log, from 1.</param>
/// <param name="At">When it happened (UTC).</param>
/// <param name="Actor">Who did it (a user name).</param>
/// <param name="Action">What was done, e.g. <c>ingest</c>, <c>opt_out.add</c>, <c>prompt.view</c>.</param>
/// <param name="Subject">What it was done to, e.g. a folder or a pseudonymous family reference.</param>
/// <param name="Detail">Further detail in plain words or JSON.</param>
/// <param name="PreviousHash">Hash of the entry before, or <see cref="GenesisHash"/> for the first.</param>
/// <param name="Hash">SHA-256 (lower-case hex) of this entry, see <see cref="ComputeHash"/>.</param>
public sealed record AuditEntry(
    long Id, DateTimeOffset At, string Actor, string Action, string Subject, string Detail, string PreviousHash, string Hash)
{
    private static readonly JsonSerializerOptions CanonicalJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The previous hash of the first entry: 64 zeros.</summary>
    public static string GenesisHash { get; } = new('0', 64);

    /// <summary>The text form of <see cref="At"/> as stored and hashed: ISO 8601 round-trip, UTC.</summary>
    public static string FormatTime(DateTimeOffset at) => HubQueries.FormatTime(at);

    /// <summary>
    /// The hash of an entry: SHA-256 of the UTF-8 JSON array <c>[previousHash, id, at, actor, action, subject, detail]</c>.
    /// JSON quoting keeps field boundaries unambiguous, so no two different entries hash the same text; only
    /// quotes, backslashes and control characters are escaped, so the text is easy to rebuild elsewhere.
    /// </summary>
    public static string ComputeHash(string previousHash, long id, DateTimeOffset at, string actor, string action, string subject, string detail)
    {
        var canonical = JsonSerializer.Serialize(new object[] { previousHash, id, FormatTime(at), actor, action, subject, detail }, CanonicalJson);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

/// <summary>The result of checking the audit log's hash chain.</summary>
/// <param name="Entries">Entries checked.</param>
/// <param name="FirstBrokenId">Id of the first entry whose hash or link does not match; null when the chain is intact.</param>
/// <param name="Problem">What is wrong with that entry; null when intact.</param>
public sealed record AuditVerification(long Entries, long? FirstBrokenId, string? Problem)
{
    /// <summary>Whether every entry's hash and link match.</summary>
    public bool IsIntact => FirstBrokenId is null;
}
