namespace EarlyHelp.Analytics.Linkage;

/// <summary>What group linkage made of a first linkage.</summary>
/// <param name="Model">The model with the group comparison (<c>related_person_at_address</c>) appended, its m and u learned.</param>
/// <param name="Pairs">Every scored pair, rescored with the group comparison, and the pairs it found, ordered by (Left, Right).</param>
/// <param name="AddedPairs">Pairs no blocking rule compared that group linkage found and scored.</param>
public sealed record GroupLinkageResult(LinkageModel Model, IReadOnlyList<ScoredPair> Pairs, int AddedPairs);

/// <summary>
/// Group linkage (Fellegi–Sunter with a comparison over related people): records related to others
/// (<see cref="LinkageRecord.RelatedRecords"/>) are compared once more after a first clustering, with one more
/// comparison — whether a person related to one record has a record at the other's postcode
/// (<c>related_person_at_address</c>) — whose u comes from random pairs and m from EM with the model's other parameters
/// held fixed. It also compares pairs no blocking rule reached: a record and each record of the same forename and
/// surname at a postcode where a person related to it lived (a parent who moved and has no date of birth on the old
/// record). Cluster the result again with <see cref="Clustering.Cluster"/>; an agreeing level counts as evidence beyond
/// the names.
/// </summary>
public static class GroupLinkage
{
    /// <summary>Extends a first linkage's <paramref name="pairs"/> and <paramref name="entities"/> with group evidence.</summary>
    public static GroupLinkageResult Extend(IReadOnlyList<LinkageRecord> records, LinkageModel model, IReadOnlyList<ScoredPair> pairs,
        IReadOnlyList<int> entities, int seed)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(entities);
        if (model.Comparisons.Any(c => c.Name == RelatedPersonAtAddress.ComparisonName))
            throw new ArgumentException("The model already has the group comparison: extend a first linkage once.", nameof(model));
        var weights = PairScoring.WeightsFor(records, model);
        var data = weights.Vectors.Data;
        var places = new PersonPlaces(data, entities);
        int Level(int i, int j) => RelatedPersonAtAddress.Level(data, records, places, i, j);

        var added = NewPairs(records, data, places, entities, pairs, weights);
        var u = GroupComparisonEstimation.EstimateU(RandomLevels(data.Count, model.Settings.RandomPairs, seed, Level), 2);
        var present = pairs.Concat(added).Select(p => (p.MatchWeight, Level: Level(p.Left, p.Right))).Where(p => p.Level >= 0).ToArray();
        var (m, _) = GroupComparisonEstimation.EstimateM(present.Select(p => p.MatchWeight).ToArray(), present.Select(p => p.Level).ToArray(), u,
            model.Settings.MaximumIterations, model.Settings.ConvergenceTolerance);

        var levels = new[] { new ComparisonLevel(RelatedPersonAtAddress.LabelsOf[0], m[0], u[0], false), new ComparisonLevel(RelatedPersonAtAddress.LabelsOf[1], m[1], u[1], false) };
        var extended = model.With(new FieldComparison(RelatedPersonAtAddress.ComparisonName, levels));
        var rescored = Rescore(pairs.Concat(added), model.Comparisons.Count, levels, Level);
        return new GroupLinkageResult(extended, rescored, added.Count);
    }

    // A record with related people, and each record of the same forename and surname at a postcode where one of them lived.
    private static List<ScoredPair> NewPairs(IReadOnlyList<LinkageRecord> records, PreparedRecords data, PersonPlaces places,
        IReadOnlyList<int> entities, IReadOnlyList<ScoredPair> pairs, ScoringWeights weights)
    {
        var byNameAndPostcode = new Dictionary<(int, int, int), List<int>>();
        for (var i = 0; i < data.Count; i++)
        {
            if (data.Forename[i] < 0 || data.Surname[i] < 0 || data.Postcode[i] < 0)
                continue;
            var key = (data.Forename[i], data.Surname[i], data.Postcode[i]);
            if (!byNameAndPostcode.TryGetValue(key, out var list))
                byNameAndPostcode[key] = list = [];
            list.Add(i);
        }
        var scored = PairKeys.NewSet(pairs.Count);
        foreach (var pair in pairs)
            scored.Add(PairKeys.Of(pair.Left, pair.Right));
        var found = new List<ScoredPair>();
        var width = weights.Model.Comparisons.Count;
        for (var i = 0; i < data.Count; i++)
        {
            if (records[i].RelatedRecords is not { Count: > 0 } related || data.Forename[i] < 0 || data.Surname[i] < 0)
                continue;
            foreach (var postcode in related.SelectMany(places.PostcodesOf).Distinct())
            {
                if (!byNameAndPostcode.TryGetValue((data.Forename[i], data.Surname[i], postcode), out var namesakes))
                    continue;
                foreach (var j in namesakes)
                {
                    if (j == i || entities[j] == entities[i] || !scored.Add(PairKeys.Of(i, j)))
                        continue;
                    var levels = new sbyte[width];
                    int left = Math.Min(i, j), right = Math.Max(i, j);
                    weights.Vectors.Levels(left, right, levels);
                    var weight = weights.MatchWeight(levels, left);
                    found.Add(new ScoredPair(left, right, weight, ScoringWeights.Probability(weight), levels));
                }
            }
        }
        return found;
    }

    // The levels of random pairs, seeded, for u.
    private static IEnumerable<int> RandomLevels(int count, int pairs, int seed, Func<int, int, int> level)
    {
        if (count < 2)
            yield break;
        var random = new Random(seed);
        for (var p = 0; p < pairs; p++)
        {
            int i = random.Next(count), j = random.Next(count - 1);
            if (j >= i)
                j++;
            yield return level(i, j);
        }
    }

    // Each pair's levels with the group comparison's appended, and its weight with that level's.
    private static ScoredPair[] Rescore(IEnumerable<ScoredPair> pairs, int width, ComparisonLevel[] levels, Func<int, int, int> level)
    {
        var all = pairs.ToArray();
        var block = new sbyte[all.Length * (width + 1)];
        for (var p = 0; p < all.Length; p++)
        {
            var pair = all[p];
            var slice = block.AsMemory(p * (width + 1), width + 1);
            pair.Levels.Span.CopyTo(slice.Span);
            var reached = level(pair.Left, pair.Right);
            slice.Span[width] = (sbyte)reached;
            var weight = pair.MatchWeight + (reached >= 0 ? levels[reached].Weight : 0);
            all[p] = new ScoredPair(pair.Left, pair.Right, weight, ScoringWeights.Probability(weight), slice);
        }
        // Sorted by (Left, Right) through their pair keys: a primitive key sort, several times faster than a comparison
        // delegate over millions of pairs.
        var keys = new long[all.Length];
        for (var p = 0; p < all.Length; p++)
            keys[p] = PairKeys.Of(all[p].Left, all[p].Right);
        Array.Sort(keys, all);
        return all;
    }
}
