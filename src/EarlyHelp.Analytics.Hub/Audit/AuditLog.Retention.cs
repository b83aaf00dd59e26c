using System.Data.Common;
using System.Globalization;
using EarlyHelp.Analytics.Hub.Schema;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Audit;

/// <summary>Reviews removed from the front of their chain, waiting for the cut entry that records them.</summary>
/// <param name="Through">The last review removed.</param>
/// <param name="ChainValue">The review chain's value at it, which the first review kept links to.</param>
/// <param name="Removed">Review records removed.</param>
internal sealed record ReviewCut(long Through, string ChainValue, long Removed);

/// <summary>A cut of the trail: where it started before and where it starts now.</summary>
/// <param name="Before">The cut before this one (<see cref="AuditCut.None"/> for the first).</param>
/// <param name="After">This cut, as its entry records it.</param>
public sealed record AuditTrailCut(AuditCut Before, AuditCut After)
{
    /// <summary>Entries this cut removed.</summary>
    public long EntriesRemoved => After.Entries - Before.Entries;
}

public sealed partial class AuditLog
{
    /// <summary>
    /// Removes reviews 1 to <paramref name="through"/> (those after the last cut; whole prompts' reviews, chosen by
    /// retention) inside <paramref name="transaction"/>, and returns the chain value the next review links to, for the cut
    /// entry. The chain value is read from the rows being removed, so the trail must have verified first.
    /// </summary>
    internal ReviewCut RemoveReviews(DbTransaction transaction, SqlDialect dialect, long through)
    {
        var start = AuditChainRows.Start(connection, transaction);
        var value = AuditChainRows.LatestCut(connection, transaction).ReviewHash;
        long removed = 0;
        foreach (var review in AuditChainRows.Reviews(connection, transaction).TakeWhile(r => r.Id <= through).ToList())
        {
            value = review.Id <= start.UnkeyedReviews ? ReviewChain.UnkeyedHash(value, review) : review.Mac ?? "";
            removed++;
        }
        GuardedDelete.Run(connection, transaction, dialect, "review", () => connection.Execute(transaction, "DELETE FROM review WHERE review_id <= @p0", through));
        return new ReviewCut(through, value, removed);
    }

    /// <summary>
    /// Cuts the trail inside <paramref name="transaction"/>: removes the entries, from the front, written before
    /// <paramref name="entriesBefore"/> (none when null), and appends the <see cref="AuditCut.Action"/> entry recording
    /// them and any <paramref name="reviews"/> removed. Null when nothing was removed. Entries this transaction wrote are
    /// never removed: they are newer than any period.
    /// </summary>
    internal AuditTrailCut? Cut(DbTransaction transaction, SqlDialect dialect, string actor, DateTimeOffset? entriesBefore, ReviewCut? reviews)
    {
        var before = AuditChainRows.LatestCut(connection, transaction);
        var (lastId, lastHash) = AuditChainRows.LastEntry(connection, transaction);
        var signed = AuditChainRows.LatestEntry(connection, transaction, ChainStartAction) is not null;
        var through = before.Entries;
        if (entriesBefore is { } cutoff)
        {
            // The front of the log, up to the first entry inside the period: the chain is cut in one place only.
            var firstKept = connection.Scalar(transaction, "SELECT MIN(id) FROM audit_log WHERE at >= @p0", AuditEntry.FormatTime(cutoff));
            through = Math.Max(through, firstKept is null or DBNull ? lastId : Convert.ToInt64(firstKept, CultureInfo.InvariantCulture) - 1);
        }
        var after = before;
        if (through > before.Entries)
        {
            var hash = Convert.ToString(connection.Scalar(transaction, "SELECT hash FROM audit_log WHERE id = @p0", through), CultureInfo.InvariantCulture)!;
            var reviewEntries = Convert.ToInt64(connection.Scalar(transaction,
                $"SELECT COUNT(*) FROM audit_log WHERE id <= @p0 AND {AuditChainRows.ReviewEntryCondition}", through), CultureInfo.InvariantCulture);
            GuardedDelete.Run(connection, transaction, dialect, "audit_log", () => connection.Execute(transaction, "DELETE FROM audit_log WHERE id <= @p0", through));
            after = after with { Entries = through, EntryHash = hash, ReviewEntries = before.ReviewEntries + reviewEntries };
        }
        if (reviews is not null)
            after = after with { Reviews = reviews.Through, ReviewHash = reviews.ChainValue };
        if (after == before)
            return null;
        var detail = after.Detail(before, entriesBefore ?? DateTimeOffset.MinValue);
        // Written after the entry that was last before the cut, which may itself have been removed: the id and hash come
        // from before the removal.
        var entry = Insert(transaction, lastId + 1, lastHash, actor, AuditCut.Action, "audit trail", detail);
        // The entry signing where the keyed chain starts may have been cut with the rest: it is signed again after the cut.
        var start = AuditChainRows.Start(connection, transaction);
        if (signed && start.HasUnkeyed && AuditChainRows.LatestEntry(connection, transaction, ChainStartAction) is null)
            Insert(transaction, entry.Id + 1, entry.Hash, ChainStartActor, ChainStartAction, "audit chain", ChainStartDetail(start));
        return new AuditTrailCut(before, after with { RecordedBy = entry.Id });
    }
}
