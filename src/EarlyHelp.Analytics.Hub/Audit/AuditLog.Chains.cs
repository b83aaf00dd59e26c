using System.Data.Common;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Audit;

public sealed partial class AuditLog
{
    /// <summary>
    /// The id, the previous MAC and the MAC of a review record about to be inserted inside <paramref name="transaction"/>,
    /// as the next link of the review chain: it follows the last review, or the last one retention removed, so review
    /// ids never start again. The caller inserts the record with all three in the same transaction.
    /// </summary>
    internal (long Id, string PreviousMac, string Mac) SealReview(
        DbTransaction transaction, string reference, string outcome, string reason, string reviewer, string at, long? supersedes)
    {
        var (lastId, lastMac) = AuditChainRows.LastReview(connection, transaction);
        var id = lastId + 1;
        // The first keyed review links to the head of the reviews written before the trail was keyed.
        var previous = lastMac ?? AuditChainRows.Start(connection, transaction).UnkeyedReviewHead;
        var review = new ReviewRow(id, reference, outcome, reason, reviewer, at, supersedes, previous, null);
        return (id, previous, ReviewChain.Mac(key, previous, review));
    }

    /// <summary>
    /// A checkpoint of the trail as it stands, signed with the audit key, following <paramref name="previous"/> (the
    /// last checkpoint in the file it will be appended to, or null for a new file). It reads only the chains' ends:
    /// what it signs was checked by <see cref="Verify"/> or is checked against the next verification.
    /// </summary>
    public AuditCheckpoint Checkpoint(AuditCheckpoint? previous)
    {
        using var transaction = connection.BeginReadTransaction();
        var start = AuditChainRows.Start(connection, transaction);
        var (entries, head) = AuditChainRows.LastEntry(connection, transaction);
        var (reviews, reviewMac) = AuditChainRows.LastReview(connection, transaction);
        transaction.Commit();
        var reviewHead = reviews == 0 ? AuditEntry.GenesisHash : reviewMac ?? start.UnkeyedReviewHead;
        var unsigned = new AuditCheckpoint(clock.GetUtcNow(), entries, head, reviews, reviewHead,
            start.UnkeyedEntries, start.UnkeyedReviews, previous?.Mac ?? AuditEntry.GenesisHash, "");
        return unsigned with { Mac = AuditCheckpoint.Sign(key, unsigned) };
    }

    /// <summary>Signs a checkpoint of the trail as it stands and appends it to the checkpoint file <paramref name="path"/>, after the file's last one.</summary>
    public AuditCheckpoint WriteCheckpoint(string path)
    {
        var checkpoints = AuditCheckpoint.Read(path);
        var checkpoint = Checkpoint(checkpoints.Count == 0 ? null : checkpoints[^1]);
        AuditCheckpoint.Append(path, checkpoint);
        return checkpoint;
    }

    /// <summary>Where the keyed chain starts, as recorded when the trail was keyed.</summary>
    public AuditChainStart ChainStart() => AuditChainRows.Start(connection, null);
}
