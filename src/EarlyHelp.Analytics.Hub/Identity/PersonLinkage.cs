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

    /// <summary>Links <paramref name="records"/>, sets each record's match probability, and returns the entities.</summary>
    public static PersonLinkageResult Link(IReadOnlyList<IdentityRecord> records, IReadOnlyList<StoredDecision> decisions, LinkageSettings settings)
    {
        if (records.Count < 2)
            return new PersonLinkageResult(Enumerable.Range(0, records.Count).ToArray(), null, 0, new ExpectedLinkErrors(0, 0, 0, 0), []);
        var linkageRecords = records.Select(ToLinkageRecord).ToArray();
        LinkageModel model;
        try
        {
            model = LinkageModel.Estimate(linkageRecords, settings, Seed);
        }
        catch (ArgumentOutOfRangeException)
        {
            // The library refuses to estimate when its blocking rules find no candidate pair: then no two records can
            // link and each is its own person.
            return new PersonLinkageResult(Enumerable.Range(0, records.Count).ToArray(), null, 0, new ExpectedLinkErrors(0, 0, 0, 0), []);
        }
        var scored = PairScoring.ScoreWithStatistics(linkageRecords, model);
        var index = new Dictionary<(string, string), int>(records.Count);
        for (var i = 0; i < records.Count; i++)
            index[records[i].Key] = i;
        var pairDecisions = decisions
            .Where(d => index.ContainsKey(d.Left) && index.ContainsKey(d.Right))
            .Select(d => (Left: linkageRecords[index[d.Left]], Right: linkageRecords[index[d.Right]], d.Decision))
            .Select(d => new PairDecision(d.Left.Source, d.Left.RecordId, d.Right.Source, d.Right.RecordId, d.Decision))
            .ToArray();
        var entities = Clustering.Cluster(linkageRecords, scored.Pairs, model, pairDecisions);

        foreach (var record in records)
            record.MatchProbability = double.NaN;
        var queue = new List<QueuedPair>();
        foreach (var pair in scored.Pairs)
        {
            if (entities[pair.Left] == entities[pair.Right])
            {
                // The record's link probability is that of its strongest link inside its person.
                Strongest(records[pair.Left], pair.MatchProbability);
                Strongest(records[pair.Right], pair.MatchProbability);
            }
            else if (model.BandOf(pair.MatchProbability) == LinkageBand.ClericalReview)
            {
                queue.Add(new QueuedPair(records[pair.Left].Key, records[pair.Right].Key, pair.MatchWeight, pair.MatchProbability));
            }
        }
        var expected = LinkageQuality.Expected(scored.Pairs, entities, model);
        return new PersonLinkageResult(entities, model, scored.ComparedPairs, expected, queue);
    }

    /// <summary>The linkage library's view of a record: identity fields, its person-reference system as the source.</summary>
    public static LinkageRecord ToLinkageRecord(IdentityRecord record) => new()
    {
        Source = SourceOf(record),
        RecordId = record.Dataset + ":" + record.RecordRef,
        SourceEntityRef = record.AgencyRef,
        Forename = record.Forename,
        Surname = record.Surname,
        BirthDate = record.BirthDate,
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

    private static void Strongest(IdentityRecord record, double probability)
    {
        if (double.IsNaN(record.MatchProbability) || probability > record.MatchProbability)
            record.MatchProbability = probability;
    }
}
