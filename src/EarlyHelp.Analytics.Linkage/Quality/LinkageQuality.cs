namespace EarlyHelp.Analytics.Linkage;

/// <summary>Pairwise precision, recall and F1 of a clustering against the truth.</summary>
/// <param name="TruePositives">Record pairs in one entity in both.</param>
/// <param name="FalsePositives">Record pairs joined that the truth keeps apart (false links).</param>
/// <param name="FalseNegatives">Record pairs the truth joins that were kept apart (missed links).</param>
public sealed record PairwiseQuality(long TruePositives, long FalsePositives, long FalseNegatives)
{
    /// <summary>TP / (TP + FP); 1 when nothing was linked.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN); 1 when the truth has no pairs.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>The harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Entity-level measures of a clustering against the truth.</summary>
/// <param name="TruthEntities">Entities in the truth.</param>
/// <param name="PredictedEntities">Entities found.</param>
/// <param name="ExactlyRecovered">Found entities whose records are exactly one true entity's records.</param>
/// <param name="SplitEntities">True entities spread over more than one found entity.</param>
/// <param name="MergedEntities">Found entities holding records of more than one true entity.</param>
public sealed record ClusterQuality(int TruthEntities, int PredictedEntities, int ExactlyRecovered, int SplitEntities, int MergedEntities);

/// <summary>Linkage errors expected from the model's own match probabilities, with no truth needed (Harron et al. 2020).</summary>
/// <param name="LinkedPairs">Scored pairs inside one entity.</param>
/// <param name="ExpectedFalseLinks">Sum of (1 - p) over linked pairs.</param>
/// <param name="ExpectedMissedLinks">Sum of p over scored pairs left in different entities (pairs never compared are not counted).</param>
/// <param name="ClericalReviewPairs">Pairs in different entities whose probability is in the clerical review band.</param>
public sealed record ExpectedLinkErrors(long LinkedPairs, double ExpectedFalseLinks, double ExpectedMissedLinks, long ClericalReviewPairs);

/// <summary>How well a linkage went: against a truth map, or from the model's probabilities alone.</summary>
public static class LinkageQuality
{
    /// <summary>Pairwise precision, recall and F1 of <paramref name="entities"/> against <paramref name="truth"/> (a true entity label per record).</summary>
    public static PairwiseQuality Pairwise(IReadOnlyList<int> entities, IReadOnlyList<string> truth)
    {
        CheckLengths(entities, truth);
        // Pairs within a group of n records: n(n - 1)/2. True positives are pairs sharing both labels.
        var both = new Dictionary<(int, string), long>();
        var predicted = new Dictionary<int, long>();
        var actual = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < entities.Count; i++)
        {
            both[(entities[i], truth[i])] = both.GetValueOrDefault((entities[i], truth[i])) + 1;
            predicted[entities[i]] = predicted.GetValueOrDefault(entities[i]) + 1;
            actual[truth[i]] = actual.GetValueOrDefault(truth[i]) + 1;
        }
        var truePositives = both.Values.Sum(PairsOf);
        return new PairwiseQuality(truePositives, predicted.Values.Sum(PairsOf) - truePositives, actual.Values.Sum(PairsOf) - truePositives);
    }

    /// <summary>Entity-level measures of <paramref name="entities"/> against <paramref name="truth"/>.</summary>
    public static ClusterQuality Clusters(IReadOnlyList<int> entities, IReadOnlyList<string> truth)
    {
        CheckLengths(entities, truth);
        var truthOfEntity = new Dictionary<int, HashSet<string>>();
        var entitiesOfTruth = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        for (var i = 0; i < entities.Count; i++)
        {
            if (!truthOfEntity.TryGetValue(entities[i], out var labels))
                truthOfEntity[entities[i]] = labels = [];
            labels.Add(truth[i]);
            if (!entitiesOfTruth.TryGetValue(truth[i], out var found))
                entitiesOfTruth[truth[i]] = found = [];
            found.Add(entities[i]);
        }
        var exact = truthOfEntity.Count(p => p.Value.Count == 1 && entitiesOfTruth[p.Value.First()].Count == 1);
        return new ClusterQuality(entitiesOfTruth.Count, truthOfEntity.Count, exact,
            entitiesOfTruth.Count(p => p.Value.Count > 1), truthOfEntity.Count(p => p.Value.Count > 1));
    }

    /// <summary>Expected false and missed links, and the clerical queue, from the scored pairs and the entities they ended in.</summary>
    public static ExpectedLinkErrors Expected(IReadOnlyList<ScoredPair> pairs, IReadOnlyList<int> entities, LinkageModel model) =>
        Expected(pairs, entities, model, decidedApart: null);

    /// <summary>
    /// As the overload without records, leaving out of the missed links and the clerical queue the pairs that the
    /// clustering's guards keep apart by rule (relatives at one address, twins, generations): their probability
    /// reflects evidence the model counts twice, and no reviewer needs to see them.
    /// </summary>
    public static ExpectedLinkErrors Expected(IReadOnlyList<LinkageRecord> records, IReadOnlyList<ScoredPair> pairs, IReadOnlyList<int> entities, LinkageModel model, bool oneToOne = false)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(model);
        var guards = new ChainingGuards(PreparationCache.Of(records, []), model.Settings, oneToOne);
        return Expected(pairs, entities, model, guards.Conflict);
    }

    private static ExpectedLinkErrors Expected(IReadOnlyList<ScoredPair> pairs, IReadOnlyList<int> entities, LinkageModel model, Func<int, int, bool>? decidedApart)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(model);
        long linked = 0, review = 0;
        double falseLinks = 0, missedLinks = 0;
        var corroboration = new Corroboration(model);
        foreach (var pair in pairs)
        {
            if (entities[pair.Left] == entities[pair.Right])
            {
                linked++;
                falseLinks += 1 - pair.MatchProbability;
            }
            else if (decidedApart is null || !decidedApart(pair.Left, pair.Right))
            {
                missedLinks += pair.MatchProbability;
                if (Reviewed(model, corroboration, pair))
                    review++;
            }
        }
        return new ExpectedLinkErrors(linked, falseLinks, missedLinks, review);
    }

    /// <summary>Whether a pair left apart waits for review: in the review band, or in the linked band with names alone.</summary>
    internal static bool Reviewed(LinkageModel model, Corroboration corroboration, ScoredPair pair) => model.BandOf(pair.MatchProbability) switch
    {
        LinkageBand.ClericalReview => true,
        LinkageBand.Linked => model.Settings.RequireEvidenceBeyondNames && !corroboration.BeyondNames(pair.Levels.Span),
        _ => false,
    };

    private static long PairsOf(long n) => n * (n - 1) / 2;

    private static void CheckLengths(IReadOnlyList<int> entities, IReadOnlyList<string> truth)
    {
        if (entities.Count != truth.Count)
            throw new ArgumentException($"The truth must have one label per record: {entities.Count} records, {truth.Count} labels.");
    }
}
