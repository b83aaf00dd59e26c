namespace EarlyHelp.Analytics.Hub.Audit;

/// <summary>
/// Where the keyed chain starts. A hub made before the trail was keyed holds entries and reviews chained by plain
/// SHA-256; the schema step that keyed it checked that chain once and recorded its length, its head and what it
/// found. The first keyed entry links to <see cref="UnkeyedHead"/> and the first keyed review to
/// <see cref="UnkeyedReviewHead"/>, so the unkeyed part is bound into the keyed chain from then on.
/// </summary>
/// <param name="UnkeyedEntries">Entries written before the chain was keyed (0 for a hub made since).</param>
/// <param name="UnkeyedHead">The last of those entries' hash, or the genesis hash when there were none.</param>
/// <param name="UnkeyedReviews">Review records written before the chain was keyed.</param>
/// <param name="UnkeyedReviewHead">The SHA-256 chain head over those reviews (see <see cref="ReviewChain.UnkeyedHash"/>).</param>
/// <param name="UnkeyedProblem">What the one check of the unkeyed entries found wrong, or null when they checked out.</param>
/// <param name="KeyedAt">When the chain was keyed.</param>
public sealed record AuditChainStart(
    long UnkeyedEntries, string UnkeyedHead, long UnkeyedReviews, string UnkeyedReviewHead, string? UnkeyedProblem, DateTimeOffset KeyedAt)
{
    /// <summary>Whether any entry or review is recorded as written before keying: then an entry must sign this record.</summary>
    public bool HasUnkeyed => UnkeyedEntries > 0 || UnkeyedReviews > 0;

    /// <summary>The start used while checking a trail that is about to be keyed: nothing is keyed yet.</summary>
    internal static AuditChainStart BeforeKeying { get; } =
        new(0, AuditEntry.GenesisHash, 0, AuditEntry.GenesisHash, null, DateTimeOffset.UnixEpoch);
}
