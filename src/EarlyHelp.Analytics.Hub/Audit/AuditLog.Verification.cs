using System.Globalization;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Audit;

public sealed partial class AuditLog
{
    /// <summary>
    /// Checks the trail: entry ids run 1, 2, 3, …, each entry links to the one before and its MAC (its SHA-256 before
    /// the trail was keyed) matches its fields; the same for the review records; that an <see cref="ChainStartAction"/>
    /// entry signs the record of where the keyed chain starts whenever it claims unkeyed entries or reviews; as many
    /// review entries as reviews; and, for each of <paramref name="checkpoints"/> (oldest first, as read from one file), that it is signed by
    /// this key, follows the one before, and that the hub still holds the entries and reviews it saw. A trail retention
    /// has cut (<see cref="AuditCut"/>) is checked from the cut on: the first entry and review kept must link to the hash
    /// and chain value the cut entry records, and the cut entry itself must be one of the entries checked.
    /// </summary>
    public AuditVerification Verify(IReadOnlyList<AuditCheckpoint>? checkpoints = null)
    {
        checkpoints ??= [];
        // Entries and reviews are read in one view of the hub: a review recorded between the two walks would otherwise
        // look like a review without its entry.
        using var snapshot = connection.BeginReadTransaction();
        var start = AuditChainRows.Start(connection, snapshot);
        AuditCut cut;
        try
        {
            cut = AuditChainRows.LatestCut(connection, snapshot);
        }
        catch (InvalidDataException e)
        {
            return new AuditVerification(0, null, e.Message);
        }
        // The hash at each count a checkpoint saw, filled in while walking, so that no chain is held in memory.
        var entryHeads = checkpoints.Select(c => c.Entries).Distinct().ToDictionary(count => count, _ => (string?)null);
        var reviewHeads = checkpoints.Select(c => c.Reviews).Distinct().ToDictionary(count => count, _ => (string?)null);

        var result = CheckEntries(AuditChainRows.Entries(connection, snapshot), start, key, entryHeads, cut);
        if (result.Problem is not null)
            return result;
        var (reviews, reviewProblem) = CheckReviews(AuditChainRows.Reviews(connection, snapshot), start, reviewHeads, cut);
        result = result with { Reviews = reviews, UnkeyedReviews = Math.Min(start.UnkeyedReviews, reviews) };
        if (reviewProblem is not null)
            return result with { Problem = reviewProblem };
        // The record of where the keyed chain starts says which entries and reviews are checked by plain SHA-256: it must be signed.
        if (ChainStartProblem(start, AuditChainRows.LatestEntry(connection, snapshot, ChainStartAction)) is { } startProblem)
            return result with { Problem = startProblem };
        // Review ids and review entries both count from the first ever: those retention removed are added back from the cut.
        var reviewEntries = AuditChainRows.ReviewEntries(connection, snapshot) + cut.ReviewEntries;
        if (reviewEntries != reviews)
        {
            return result with
            {
                Problem = string.Create(CultureInfo.InvariantCulture,
                    $"the log records {reviewEntries} reviews added or amended but the hub holds {reviews} review records"),
            };
        }
        var previous = AuditEntry.GenesisHash;
        for (var i = 0; i < checkpoints.Count; i++)
        {
            var checkpoint = checkpoints[i];
            // A checkpoint from before the cut saw entries retention has since removed: what it vouched for is gone, and
            // the cut entry, checked in the chain, vouches for where the trail now starts.
            var seen = new AuditChainState(checkpoint.Entries, checkpoint.Entries < cut.Entries ? checkpoint.Head : entryHeads[checkpoint.Entries],
                checkpoint.Reviews, checkpoint.Reviews < cut.Reviews ? checkpoint.ReviewHead : reviewHeads[checkpoint.Reviews]);
            if (CheckpointProblem(checkpoint, i + 1, previous, start, result, seen) is { } problem)
                return result with { Problem = problem, Checkpoints = i };
            previous = checkpoint.Mac;
        }
        return result with { Checkpoints = checkpoints.Count };
    }

    /// <summary>
    /// Walks <paramref name="entries"/>, noting the hash at each count in <paramref name="heads"/>. Entries after
    /// <see cref="AuditChainStart.UnkeyedEntries"/> must carry MACs under <paramref name="key"/>; with no key (while
    /// the trail is being keyed) every entry is checked as unkeyed. After a <paramref name="cut"/> the walk starts from it.
    /// </summary>
    internal static AuditVerification CheckEntries(
        IEnumerable<AuditEntry> entries, AuditChainStart start, AuditKey? key, Dictionary<long, string?> heads, AuditCut? cut = null)
    {
        cut ??= AuditCut.None;
        var previous = cut.EntryHash;
        var expectedId = cut.Entries + 1;
        heads[0] = AuditEntry.GenesisHash;
        heads[cut.Entries] = cut.EntryHash;
        foreach (var entry in entries)
        {
            var expectedHash = ExpectedHash(entry, key, start);
            var problem =
                entry.Id != expectedId ? string.Create(CultureInfo.InvariantCulture, $"expected entry {expectedId} but found {entry.Id}")
                : entry.PreviousHash != previous ? "its previous hash does not match the entry before"
                : !AuditKey.SameMac(expectedHash, entry.Hash) ? "its hash does not match its contents"
                : entry.Id == start.UnkeyedEntries && entry.Hash != start.UnkeyedHead
                    ? "it is the last entry written before the chain was keyed, but its hash is not the one recorded then"
                : null;
            if (problem is not null)
                return Broken(expectedId, entry.Id, problem, start);
            if (heads.ContainsKey(entry.Id))
                heads[entry.Id] = entry.Hash;
            previous = entry.Hash;
            expectedId++;
        }
        var count = expectedId - 1;
        if (count < start.UnkeyedEntries)
        {
            return Broken(expectedId, expectedId, string.Create(CultureInfo.InvariantCulture,
                $"the log ends at entry {count} but {start.UnkeyedEntries} entries were recorded when the chain was keyed"), start);
        }
        // The cut entry says where the walk starts, so it must be one of the entries walked: a cut written in place of the
        // entries it claims to replace would otherwise never be checked.
        if (cut.RecordedBy != 0 && (cut.RecordedBy <= cut.Entries || cut.RecordedBy > count))
        {
            return Broken(expectedId, cut.RecordedBy, string.Create(CultureInfo.InvariantCulture,
                $"entry {cut.RecordedBy} records a cut after entry {cut.Entries} but is not part of the chain that follows it"), start);
        }
        return new AuditVerification(count, null, null) { UnkeyedEntries = start.UnkeyedEntries, RemovedEntries = cut.Entries };
    }

    /// <summary>Walks the review records, noting the chain value at each count in <paramref name="heads"/>; returns how many check out and the first problem.</summary>
    private (long Reviews, string? Problem) CheckReviews(IEnumerable<ReviewRow> rows, AuditChainStart start, Dictionary<long, string?> heads, AuditCut cut)
    {
        var previous = cut.ReviewHash;
        var expectedId = cut.Reviews + 1;
        heads[0] = AuditEntry.GenesisHash;
        heads[cut.Reviews] = cut.ReviewHash;
        foreach (var review in rows)
        {
            string? problem;
            string link;
            if (review.Id != expectedId)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"expected review {expectedId} but found review {review.Id}");
                link = previous;
            }
            else if (review.Id <= start.UnkeyedReviews)
            {
                link = ReviewChain.UnkeyedHash(previous, review);
                problem = review.Id == start.UnkeyedReviews && link != start.UnkeyedReviewHead
                    ? string.Create(CultureInfo.InvariantCulture, $"review {review.Id}: the reviews written before the chain was keyed do not match the record made then")
                    : null;
            }
            else
            {
                link = review.Mac ?? "";
                problem = review.PreviousMac != previous
                    ? string.Create(CultureInfo.InvariantCulture, $"review {review.Id}: its previous MAC does not match the review before")
                    : !AuditKey.SameMac(ReviewChain.Mac(key, previous, review), review.Mac)
                        ? string.Create(CultureInfo.InvariantCulture, $"review {review.Id}: its MAC does not match its contents")
                    : null;
            }
            if (problem is not null)
                return (expectedId - 1, problem);
            if (heads.ContainsKey(review.Id))
                heads[review.Id] = link;
            previous = link;
            expectedId++;
        }
        var count = expectedId - 1;
        return count < start.UnkeyedReviews
            ? (count, string.Create(CultureInfo.InvariantCulture, $"the hub holds {count} reviews but {start.UnkeyedReviews} were recorded when the chain was keyed"))
            : (count, null);
    }

    /// <summary>What is wrong with checkpoint <paramref name="number"/> (from 1) against the hub, or null.</summary>
    private string? CheckpointProblem(
        AuditCheckpoint checkpoint, int number, string previous, AuditChainStart start, AuditVerification hub, AuditChainState seen)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"checkpoint {number} ({AuditEntry.FormatTime(checkpoint.At)})");
        return !AuditKey.SameMac(AuditCheckpoint.Sign(key, checkpoint), checkpoint.Mac)
                ? $"{name} is not signed by this audit key: it was changed, or written with another key"
            : checkpoint.Previous != previous
                ? $"{name} does not follow the checkpoint before it in the file: a checkpoint was removed or the lines re-ordered"
            : checkpoint.UnkeyedEntries != start.UnkeyedEntries || checkpoint.UnkeyedReviews != start.UnkeyedReviews
                ? $"the hub's record of where the keyed chain starts is not the one {name} saw"
            : checkpoint.Entries > hub.Entries
                ? string.Create(CultureInfo.InvariantCulture, $"{name} saw {checkpoint.Entries} entries but the log holds {hub.Entries}: entries were removed from its end")
            : seen.Head != checkpoint.Head
                ? string.Create(CultureInfo.InvariantCulture, $"entry {checkpoint.Entries} is not the entry {name} saw: the log was rewritten")
            : checkpoint.Reviews > hub.Reviews
                ? string.Create(CultureInfo.InvariantCulture, $"{name} saw {checkpoint.Reviews} reviews but the hub holds {hub.Reviews}: reviews were removed")
            : seen.ReviewHead != checkpoint.ReviewHead
                ? string.Create(CultureInfo.InvariantCulture, $"review {checkpoint.Reviews} is not the review {name} saw: the reviews were rewritten")
            : null;
    }

    /// <summary>What an entry's hash must be: its MAC under <paramref name="key"/> when it was written after the trail was keyed, else its SHA-256.</summary>
    private static string ExpectedHash(AuditEntry entry, AuditKey? key, AuditChainStart start) =>
        key is not null && entry.Id > start.UnkeyedEntries
            ? AuditEntry.ComputeMac(key, entry.PreviousHash, entry.Id, entry.At, entry.Actor, entry.Action, entry.Subject, entry.Detail)
            : AuditEntry.ComputeHash(entry.PreviousHash, entry.Id, entry.At, entry.Actor, entry.Action, entry.Subject, entry.Detail);

    private static AuditVerification Broken(long expectedId, long brokenId, string problem, AuditChainStart start) =>
        new(expectedId - 1, brokenId, problem) { UnkeyedEntries = Math.Min(start.UnkeyedEntries, expectedId - 1) };
}
