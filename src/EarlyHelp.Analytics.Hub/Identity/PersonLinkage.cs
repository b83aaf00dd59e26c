using System.Globalization;
using EarlyHelp.Analytics.Linkage;

namespace EarlyHelp.Analytics.Hub.Identity;

/// <summary>A clerical decision as the hub stores it: two records by dataset and reference, and what a person decided.</summary>
/// <param name="Left">The first record's key.</param>
/// <param name="Right">The second record's key.</param>
/// <param name="Decision">Same, different or unsure.</param>
public sealed record StoredDecision((string Dataset, string RecordRef) Left, (string Dataset, string RecordRef) Right, ClericalDecision Decision);

/// <summary>A pair waiting for clerical review after a linkage run.</summary>
/// <param name="Left">The first record's key.</param>
/// <param name="Right">The second record's key.</param>
/// <param name="MatchWeight">The pair's match weight.</param>
/// <param name="MatchProbability">The pair's match probability.</param>
public sealed record QueuedPair((string Dataset, string RecordRef) Left, (string Dataset, string RecordRef) Right, double MatchWeight, double MatchProbability);

/// <summary>What linking a hub's records produced.</summary>
/// <param name="Entities">An entity index per record, in the order given.</param>
/// <param name="Model">The model estimated for this run; null when there were fewer than two records to estimate it from.</param>
/// <param name="ComparedPairs">Candidate pairs compared.</param>
/// <param name="Expected">Expected false and missed links from the match probabilities, and the clerical queue's size.</param>
/// <param name="Queue">The pairs in the clerical review band left in different people.</param>
public sealed record PersonLinkageResult(int[] Entities, LinkageModel? Model, long ComparedPairs, ExpectedLinkErrors Expected, IReadOnlyList<QueuedPair> Queue);

/// <summary>
/// Links the hub's identity records into people with the Fellegi–Sunter model of <c>EarlyHelp.Analytics.Linkage</c>,
/// estimated without labels at every load over all the records the hub holds. A record's source for linkage
/// is the person-reference system it came from (the prefix of its agency reference, e.g. <c>PN</c> for the
/// police's nominal index, shared by all of that agency's datasets), so that an agency's own reference is
/// evidence across its datasets; a record without one is its dataset's. Clerical decisions stored in the hub
/// override the model.
/// </summary>
public static class PersonLinkage
{
    /// <summary>Seed of the unlabelled estimation, fixed so that the same records give the same people.</summary>
    public const int Seed = 20_240_401;

    /// <summary>
    /// The hub's linkage settings: the library's defaults, keeping scored pairs from probability 0.01 (not 0.001).
    /// The hub uses a pair only to link it (from 0.9), to queue it for review (from 0.1) or to add its probability
    /// to the expected missed links, where a pair under 0.01 adds less than a hundredth; at city scale the
    /// pairs between 0.001 and 0.01 (relatives, neighbours) were most of the memory of a load.
    /// </summary>
    public static LinkageSettings DefaultSettings { get; } = LinkageSettings.Default with { MinimumRetainedProbability = 0.01 };

    /// <summary>
    /// Links <paramref name="records"/>, sets each record's match probability, and returns the entities. Exact-duplicate
    /// identities (<see cref="DuplicateIdentities"/>) are linked once and their copies follow them; a record with
    /// copies has match probability 1 (joined to them by rule).
    /// </summary>
    public static PersonLinkageResult Link(IReadOnlyList<IdentityRecord> records, IReadOnlyList<StoredDecision> decisions, LinkageSettings settings,
        IProgress<Core.WorkProgress>? progress = null)
    {
        // Source names are a handful of reference systems: one string each, not one per record.
        var sourceNames = new HashSet<string>(StringComparer.Ordinal);
        var sources = new string[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            var source = SourceOf(records[i]);
            if (!sourceNames.TryGetValue(source, out var known))
                sourceNames.Add(known = source);
            sources[i] = known;
        }
        // Only decisions need records by key: no index of millions of keys when there are none.
        var index = new Dictionary<(string, string), int>(decisions.Count == 0 ? 0 : records.Count);
        for (var i = 0; i < records.Count && decisions.Count > 0; i++)
            index[records[i].Key] = i;
        var decidedPairs = decisions.Where(d => index.ContainsKey(d.Left) && index.ContainsKey(d.Right))
            .Select(d => (Left: index[d.Left], Right: index[d.Right], d.Decision)).ToArray();
        var decided = decidedPairs.SelectMany(d => new[] { d.Left, d.Right }).Select(i => (sources[i], RecordIdOf(i))).ToHashSet();
        // A linkage copy of every record lives only until exact duplicates collapse; the distinct ones are kept. The
        // record id is the position in this run (unique, and all the library needs to tell records apart), not a new
        // dataset-and-reference string for each of millions of records.
        var identities = DuplicateIdentities.Collapse(
            Enumerable.Range(0, records.Count).Select(i => ToLinkageRecord(records[i], sources[i], RecordIdOf(i))).ToArray(), decided);
        var linkageRecords = identities.Distinct;
        RelateDistinct(linkageRecords, identities.Representative, RecordRelations.Of(records));
        var distinctEntities = Enumerable.Range(0, linkageRecords.Length).ToArray();
        LinkageModel? model = null;
        IReadOnlyList<ScoredPair> pairs = [];
        long compared = 0;
        if (linkageRecords.Length >= 2)
        {
            StageMemory.Release();
            progress?.Report(new Core.WorkProgress("Estimating the linkage model", 0, linkageRecords.Length));
            model = LinkageModel.Estimate(linkageRecords, settings, Seed);
            StageMemory.Release();
            progress?.Report(new Core.WorkProgress("Comparing candidate pairs", 0, linkageRecords.Length));
            var scored = PairScoring.ScoreWithStatistics(linkageRecords, model);
            pairs = scored.Pairs;
            compared = scored.ComparedPairs;
            var pairDecisions = decidedPairs
                .Select(d => new PairDecision(sources[d.Left], RecordIdOf(d.Left), sources[d.Right], RecordIdOf(d.Right), d.Decision))
                .ToArray();
            StageMemory.Release();
            progress?.Report(new Core.WorkProgress("Clustering linked pairs", 0, linkageRecords.Length));
            distinctEntities = Clustering.Cluster(linkageRecords, pairs, model, pairDecisions);
            if (settings.GroupLinkage && linkageRecords.Any(r => r.RelatedRecords is not null))
            {
                // Group linkage: related people's first-linkage records corroborate a pair (a parent who moved, seen
                // where the child lives), with one more comparison whose m and u are learned; then cluster again.
                progress?.Report(new Core.WorkProgress("Linking related records as groups", 0, linkageRecords.Length));
                var grouped = GroupLinkage.Extend(linkageRecords, model, pairs, distinctEntities, Seed);
                (model, pairs) = (grouped.Model, grouped.Pairs);
                StageMemory.Release();
                distinctEntities = Clustering.Cluster(linkageRecords, pairs, model, pairDecisions);
            }
        }

        // The strongest link inside its person of each distinct identity; its copies are joined to it by rule.
        var strongest = new double[linkageRecords.Length];
        Array.Fill(strongest, double.NaN);
        foreach (var pair in pairs)
        {
            if (distinctEntities[pair.Left] == distinctEntities[pair.Right])
            {
                Strongest(ref strongest[pair.Left], pair.MatchProbability);
                Strongest(ref strongest[pair.Right], pair.MatchProbability);
            }
        }
        var queue = model is null ? [] : Clustering.ReviewQueue(linkageRecords, pairs, distinctEntities, model)
            .Select(pair => new QueuedPair(records[identities.First[pair.Left]].Key, records[identities.First[pair.Right]].Key, pair.MatchWeight, pair.MatchProbability))
            .ToList();
        var entities = new int[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            var identity = identities.Representative[i];
            entities[i] = distinctEntities[identity];
            records[i].MatchProbability = identities.Copies[identity] > 1 ? 1.0 : strongest[identity];
        }
        var expected = model is null ? new ExpectedLinkErrors(0, 0, 0, 0) : LinkageQuality.Expected(linkageRecords, pairs, distinctEntities, model);
        return new PersonLinkageResult(entities, model, compared, expected, queue);
    }

    /// <summary>The linkage library's view of a record: identity fields, its person-reference system as the source.</summary>
    public static LinkageRecord ToLinkageRecord(IdentityRecord record) => ToLinkageRecord(record, SourceOf(record), record.Dataset + ":" + record.RecordRef);

    private static LinkageRecord ToLinkageRecord(IdentityRecord record, string source, string recordId) => new()
    {
        Source = source,
        RecordId = recordId,
        SourceEntityRef = record.AgencyRef,
        Forename = record.Forename,
        Surname = record.Surname,
        BirthDate = record.BirthDate,
        ImpliedBirthDates = RecordAges.ImpliedBirthDates(record),
        Sex = record.Sex,
        Postcode = record.Postcode,
        Address = record.Address,
        NhsNumber = record.NhsNumber,
    };

    /// <summary>The person-reference system of a record: the letters its agency reference starts with, or its dataset.</summary>
    public static string SourceOf(IdentityRecord record)
    {
        if (record.AgencyRef is not { Length: > 0 } reference)
            return record.Dataset;
        var letters = 0;
        while (letters < reference.Length && char.IsAsciiLetter(reference[letters]))
            letters++;
        return letters == 0 ? record.Dataset : reference[..letters];
    }

    // Each distinct identity's related records, as distinct identities (copies' relations together, none to itself).
    private static void RelateDistinct(LinkageRecord[] distinct, int[] representative, List<int>?[] related)
    {
        var byIdentity = new Dictionary<int, HashSet<int>>();
        for (var i = 0; i < related.Length; i++)
        {
            if (related[i] is not { } others)
                continue;
            var identity = representative[i];
            foreach (var other in others)
                if (representative[other] != identity)
                    (byIdentity.TryGetValue(identity, out var set) ? set : byIdentity[identity] = []).Add(representative[other]);
        }
        foreach (var (identity, others) in byIdentity)
            distinct[identity] = distinct[identity] with { RelatedRecords = [.. others.Order()] };
    }

    private static string RecordIdOf(int position) => position.ToString(CultureInfo.InvariantCulture);

    private static void Strongest(ref double strongest, double probability)
    {
        if (double.IsNaN(strongest) || probability > strongest)
            strongest = probability;
    }
}
