using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Audit;

public sealed partial class AuditLog
{
    /// <summary>The action of the entry that signs the record of where the keyed chain starts (<c>audit_chain</c>).</summary>
    public const string ChainStartAction = "audit.chain_start";

    /// <summary>
    /// The action of the entry that says the record claims unkeyed entries or reviews but nothing keyed bore it out when
    /// the hub was opened with its key: from then on the record is never signed by the program, however many keyed
    /// entries follow, so that rewriting the log as unkeyed and waiting for the next entry cannot get it signed.
    /// </summary>
    public const string ChainStartUnprovenAction = "audit.chain_start_unproven";

    /// <summary>The actor of these entries: the program itself, not a person.</summary>
    public const string ChainStartActor = "earlyhelp";

    /// <summary>
    /// The MAC of the record of where the keyed chain starts: every field of the <c>audit_chain</c> row, so that claiming
    /// more (or other) entries or reviews as written before keying, which would have them checked by plain SHA-256, needs the key.
    /// </summary>
    internal static string ChainStartMac(AuditKey key, AuditChainStart start) =>
        key.Mac("audit_chain", start.UnkeyedEntries, start.UnkeyedHead, start.UnkeyedReviews, start.UnkeyedReviewHead,
            start.UnkeyedProblem, HubQueries.FormatTime(start.KeyedAt));

    /// <summary>
    /// Signs the record of where the keyed chain starts, when it claims unkeyed entries or reviews and no entry signs it
    /// yet (a hub keyed before the record was signed): as the key is created, or later when the keyed chain bears the
    /// record out (see <see cref="KeyedChainBearsOut"/>). A record nothing bears out is left unsigned for good (an
    /// <see cref="ChainStartUnprovenAction"/> entry says so), and <see cref="Verify"/> reports it. A record claiming
    /// nothing unkeyed needs no signature: raising its counts does.
    /// </summary>
    internal void SignChainStart(bool keyCreated)
    {
        if (!AuditChainRows.Start(connection, null).HasUnkeyed)
            return;
        using var transaction = connection.BeginLaneWriteTransaction(WriteLane.AuditChain);
        var start = AuditChainRows.Start(connection, transaction);
        if (AuditChainRows.LatestEntry(connection, transaction, ChainStartAction) is null
            && AuditChainRows.LatestEntry(connection, transaction, ChainStartUnprovenAction) is null)
        {
            if (keyCreated || KeyedChainBearsOut(transaction, start))
                Append(transaction, ChainStartActor, ChainStartAction, "audit chain", ChainStartDetail(start));
            else
                Append(transaction, ChainStartActor, ChainStartUnprovenAction, "audit chain", string.Create(CultureInfo.InvariantCulture,
                    $"{start.UnkeyedEntries} entries and {start.UnkeyedReviews} reviews are recorded as written before the trail was keyed, but nothing keyed bears that out; the record stays unsigned"));
        }
        transaction.Commit();
    }

    /// <summary>
    /// Whether the keyed chain bears out the record: at least one keyed entry follows the unkeyed ones (its MAC binds their
    /// count and head), and, while no cut has removed keyed entries, there are as many keyed reviews as keyed entries
    /// recording a review. Reviews rewritten as unkeyed would leave keyed review entries without keyed reviews.
    /// </summary>
    private bool KeyedChainBearsOut(DbTransaction transaction, AuditChainStart start)
    {
        if (AuditChainRows.LastEntry(connection, transaction).Id <= start.UnkeyedEntries)
            return false;
        if (AuditChainRows.LatestCut(connection, transaction).Entries > start.UnkeyedEntries)
            return true;
        var keyedReviewEntries = Convert.ToInt64(connection.Scalar(transaction,
            $"SELECT COUNT(*) FROM audit_log WHERE id > @p0 AND {AuditChainRows.ReviewEntryCondition}", start.UnkeyedEntries), CultureInfo.InvariantCulture);
        return keyedReviewEntries == AuditChainRows.LastReview(connection, transaction).Id - start.UnkeyedReviews;
    }

    /// <summary>The signing entry's detail: the record in words, then its MAC.</summary>
    private string ChainStartDetail(AuditChainStart start) => string.Create(CultureInfo.InvariantCulture,
        $"{start.UnkeyedEntries} entries and {start.UnkeyedReviews} reviews were written before the trail was keyed on {start.KeyedAt:yyyy-MM-dd}; that record is signed {ChainStartMac(key, start)}");

    /// <summary>
    /// What is wrong with the signature of the record of where the keyed chain starts, given the latest signing entry
    /// (whose own MAC the chain walk has checked), or null when it holds.
    /// </summary>
    private string? ChainStartProblem(AuditChainStart start, AuditEntry? signature)
    {
        if (signature is null)
        {
            return start.HasUnkeyed
                ? string.Create(CultureInfo.InvariantCulture,
                    $"the hub records {start.UnkeyedEntries} entries and {start.UnkeyedReviews} reviews as written before the trail was keyed, but no {ChainStartAction} entry signs that record: it was changed, or nothing keyed has been written since keying")
                : null;
        }
        if (signature.Id <= start.UnkeyedEntries)
            return string.Create(CultureInfo.InvariantCulture, $"entry {signature.Id} signs where the keyed chain starts but is counted among the unkeyed entries: the record was changed");
        var mac = ChainStartMacPattern().Match(signature.Detail);
        return mac.Success && AuditKey.SameMac(ChainStartMac(key, start), mac.Groups[1].Value)
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"the hub's record of where the keyed chain starts is not the one entry {signature.Id} signed: it was changed");
    }

    [GeneratedRegex("signed ([0-9a-f]{64})\\z", RegexOptions.CultureInvariant)]
    private static partial Regex ChainStartMacPattern();
}
