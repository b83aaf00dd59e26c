namespace EarlyHelp.Analytics.Linkage;

/// <summary>Blocks records into candidate pairs, compares them field by field and scores them with a model.</summary>
public static class PairScoring
{
    // Pairs' levels are written into shared blocks so that a kept pair allocates nothing of its own.
    private const int PairsPerBlock = 1 << 14;

    /// <summary>The scored candidate pairs with at least the settings' retained probability.</summary>
    public static IReadOnlyList<ScoredPair> Score(IReadOnlyList<LinkageRecord> records, LinkageModel model) =>
        ScoreWithStatistics(records, model).Pairs;

    /// <summary>As <see cref="Score"/>, with the number of pairs compared; pairs are ordered by (Left, Right).</summary>
    public static PairScoringResult ScoreWithStatistics(IReadOnlyList<LinkageRecord> records, LinkageModel model)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(model);
        var weights = WeightsFor(records, model);
        var width = model.Comparisons.Count;
        var retained = model.Settings.MinimumRetainedProbability;
        var minimumWeight = retained <= 0 ? double.NegativeInfinity : Math.Log2(retained / (1 - retained));
        var parts = new List<List<ScoredPair>>();
        var blocking = CandidatePairs.Build(weights.Vectors.Data, model.Settings);
        var compared = blocking.Visit(
            () => new ScoringState(width),
            (state, i, j) =>
            {
                var levels = state.Next();
                weights.Vectors.Levels(i, j, levels.Span);
                var weight = weights.MatchWeight(levels.Span, i);
                if (weight >= minimumWeight)
                    state.Keep(new ScoredPair(i, j, weight, ScoringWeights.Probability(weight), levels));
            },
            state => parts.Add(state.Pairs));
        var all = Concatenate(parts);
        Array.Sort(all, (a, b) => a.Left != b.Left ? a.Left.CompareTo(b.Left) : a.Right.CompareTo(b.Right));
        return new PairScoringResult(all, compared, records.Count) { OversizedBlocks = blocking.OversizedBuckets };
    }

    /// <summary>Each comparison's part in the pair's match weight, prior first (for a waterfall chart).</summary>
    public static IReadOnlyList<WeightContribution> Explain(IReadOnlyList<LinkageRecord> records, LinkageModel model, ScoredPair pair)
    {
        var weights = WeightsFor(records, model);
        var levels = new sbyte[model.Comparisons.Count];
        weights.Vectors.Levels(pair.Left, pair.Right, levels);
        var contributions = new List<WeightContribution> { new("prior", "lambda", model.PriorWeight) };
        for (var c = 0; c < levels.Length; c++)
            contributions.Add(new WeightContribution(model.Comparisons[c].Name,
                levels[c] < 0 ? "missing" : model.Comparisons[c].Levels[levels[c]].Label,
                weights.Weight(c, levels[c], pair.Left)));
        return contributions;
    }

    /// <summary>
    /// The threads' pairs in one array of the exact size, each thread's list let go once copied: at city scale the
    /// pairs are hundreds of megabytes, and growing one list by doubling held up to twice that again.
    /// </summary>
    private static ScoredPair[] Concatenate(List<List<ScoredPair>> parts)
    {
        var all = new ScoredPair[parts.Sum(part => part.Count)];
        var at = 0;
        for (var p = 0; p < parts.Count; p++)
        {
            parts[p].CopyTo(all, at);
            at += parts[p].Count;
            parts[p] = [];
        }
        return all;
    }

    internal static ScoringWeights WeightsFor(IReadOnlyList<LinkageRecord> records, LinkageModel model)
    {
        var names = model.Comparisons.Select(c => c.Name).ToArray();
        var otherFields = ComparisonCatalogue.OtherFieldsOf(names);
        var data = PreparationCache.Of(records, otherFields);
        var comparisons = ComparisonCatalogue.Named(names, otherFields, model.Settings);
        for (var c = 0; c < comparisons.Count; c++)
            if (comparisons[c].Labels.Count != model.Comparisons[c].Levels.Count)
                throw new ArgumentException($"The model's comparison '{names[c]}' has {model.Comparisons[c].Levels.Count} levels; this library's has {comparisons[c].Labels.Count}.");
        return new ScoringWeights(model, new ComparisonVectors(data, comparisons));
    }

    private sealed class ScoringState(int width)
    {
        private sbyte[] block = new sbyte[PairsPerBlock * width];
        private int used;

        public List<ScoredPair> Pairs { get; } = [];

        /// <summary>A slice for the next pair's levels; reused unless that pair is kept.</summary>
        public Memory<sbyte> Next()
        {
            if (used == PairsPerBlock)
            {
                block = new sbyte[PairsPerBlock * width];
                used = 0;
            }
            return block.AsMemory(used * width, width);
        }

        public void Keep(ScoredPair pair)
        {
            Pairs.Add(pair);
            used++;
        }
    }
}
