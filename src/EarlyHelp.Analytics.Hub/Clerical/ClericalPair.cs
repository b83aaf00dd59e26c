using System.Security.Cryptography;
using System.Text;
using EarlyHelp.Analytics.Linkage;

namespace EarlyHelp.Analytics.Hub.Clerical;

/// <summary>
/// A pair of identity records put to a person: its two records' keys and an id for the address bar. The id is the
/// first 16 hex digits of SHA-256 over the two keys in a fixed order, so it stays the same from one load to the next
/// (the queue is rebuilt at every load) and names no agency reference in the address, where logs would keep it.
/// </summary>
/// <param name="Left">The first record's dataset and record reference.</param>
/// <param name="Right">The second record's dataset and record reference.</param>
public sealed record ClericalPair((string Dataset, string RecordRef) Left, (string Dataset, string RecordRef) Right)
{
    /// <summary>The pair's id: the same whichever record is named first.</summary>
    public string Id { get; } = IdOf(Left, Right);

    /// <summary>The two records as <c>dataset:record</c>, for the audit log.</summary>
    public string Describe() => $"{Left.Dataset}:{Left.RecordRef} and {Right.Dataset}:{Right.RecordRef}";

    private static string IdOf((string, string) left, (string, string) right)
    {
        var (first, second) = string.CompareOrdinal(Text(left), Text(right)) <= 0 ? (left, right) : (right, left);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text(first) + "\n" + Text(second))))[..16];
    }

    private static string Text((string Dataset, string RecordRef) key) => key.Dataset + "\n" + key.RecordRef;
}

/// <summary>One recorded clerical decision (a row of the append-only <c>clerical_decision</c> table).</summary>
/// <param name="Id">The decision's id.</param>
/// <param name="Pair">The records decided on.</param>
/// <param name="Decision">Same, different or unsure.</param>
/// <param name="Reason">The reason given.</param>
/// <param name="DecidedBy">Who decided.</param>
/// <param name="DecidedAt">When (UTC).</param>
public sealed record RecordedDecision(long Id, ClericalPair Pair, ClericalDecision Decision, string Reason, string DecidedBy, DateTimeOffset DecidedAt);

/// <summary>A line of the clerical queue: a pair in the review band of the latest load, or one decided on before.</summary>
/// <param name="Pair">The records.</param>
/// <param name="MatchWeight">The match weight the latest load gave the pair; null when it is no longer in the review band.</param>
/// <param name="MatchProbability">The matching probability; null likewise.</param>
/// <param name="LatestDecision">The decision in force (the latest), or null when undecided.</param>
public sealed record ClericalQueueEntry(ClericalPair Pair, double? MatchWeight, double? MatchProbability, RecordedDecision? LatestDecision);

/// <summary>Which queue lines to list.</summary>
public enum ClericalQueueStatus
{
    /// <summary>Pairs in the review band without a decision.</summary>
    Undecided,

    /// <summary>Pairs with a decision, whether or not still in the review band.</summary>
    Decided,

    /// <summary>Both.</summary>
    All,
}

/// <summary>One record of a pair as the reviewer sees it: the identity fields as the agency sent them.</summary>
/// <param name="Dataset">Dataset code (or council file name).</param>
/// <param name="DatasetName">The dataset's name, or null for a council file outside the catalogue.</param>
/// <param name="Agency">The agency that sent it, or null when not catalogued.</param>
/// <param name="RecordRef">The agency's record reference.</param>
/// <param name="AgencyRef">The agency's own person reference.</param>
/// <param name="Forename">Forename as typed.</param>
/// <param name="Surname">Surname as typed.</param>
/// <param name="BirthDate">Date of birth as given.</param>
/// <param name="Sex">Sex as recorded.</param>
/// <param name="Address">Address as typed.</param>
/// <param name="Postcode">Postcode as typed.</param>
/// <param name="NhsNumber">NHS number (health records only).</param>
/// <param name="PersonId">The hub person the record is linked to now.</param>
public sealed record PairRecord(
    string Dataset, string? DatasetName, string? Agency, string RecordRef, string? AgencyRef, string? Forename, string? Surname,
    DateOnly? BirthDate, string? Sex, string? Address, string? Postcode, string? NhsNumber, long PersonId);

/// <summary>How the stored model scores a pair: the prior, then each comparison's weight (Splink's waterfall), and the total.</summary>
/// <param name="ModelVersion">The stored linkage model's version.</param>
/// <param name="Lambda">The model's prior probability that two records are the same person.</param>
/// <param name="Contributions">The prior first, then one per comparison of the model, in its order.</param>
public sealed record PairExplanation(long ModelVersion, double Lambda, IReadOnlyList<WeightContribution> Contributions)
{
    /// <summary>The match weight: the sum of every contribution, in bits.</summary>
    public double MatchWeight => Contributions.Sum(c => c.Weight);

    /// <summary>The match probability, 2^w / (1 + 2^w) (Fellegi–Sunter odds in bits, as Splink reports them).</summary>
    public double MatchProbability => 1 / (1 + Math.Pow(2, -MatchWeight));
}

/// <summary>Everything the pair page shows.</summary>
/// <param name="Pair">The records' keys.</param>
/// <param name="Left">The first record.</param>
/// <param name="Right">The second record.</param>
/// <param name="Explanation">The waterfall, or null when the hub holds no linkage model.</param>
/// <param name="History">Every decision on the pair, oldest first; the last is in force.</param>
public sealed record ClericalPairDetail(ClericalPair Pair, PairRecord Left, PairRecord Right, PairExplanation? Explanation, IReadOnlyList<RecordedDecision> History);
