namespace EarlyHelp.Analytics.Linkage;

/// <summary>
/// A model's weights laid out for scoring prepared records: log2(m / u) per comparison and level, and for a
/// term-frequency level log2(m / frequency of the agreed value) per interned value (Splink's tf adjustment).
/// </summary>
internal sealed class ScoringWeights
{
    private readonly double[][] weights;
    private readonly double[]?[] valueWeights;
    private readonly int[] termFrequencyLevel;

    public ScoringWeights(LinkageModel model, ComparisonVectors vectors)
    {
        Model = model;
        Vectors = vectors;
        var comparisons = vectors.Comparisons;
        weights = model.Comparisons.Select(f => f.Levels.Select(l => l.Weight).ToArray()).ToArray();
        termFrequencyLevel = comparisons.Select(c => c.TermFrequencyLevel).ToArray();
        valueWeights = new double[comparisons.Count][];
        for (var c = 0; c < comparisons.Count; c++)
        {
            if (termFrequencyLevel[c] < 0 || !model.TermFrequencies.TryGetValue(comparisons[c].Name, out var table))
            {
                termFrequencyLevel[c] = -1;
                continue;
            }
            var m = model.Comparisons[c].Levels[termFrequencyLevel[c]].M;
            valueWeights[c] = comparisons[c].Values(vectors.Data).Select(v => Math.Log2(m / table.Of(v))).ToArray();
        }
    }

    /// <summary>The model.</summary>
    public LinkageModel Model { get; }

    /// <summary>The comparison vectors over the prepared records.</summary>
    public ComparisonVectors Vectors { get; }

    /// <summary>The weight comparison <paramref name="c"/> adds at <paramref name="level"/> for pair (i, j); 0 when missing.</summary>
    public double Weight(int c, int level, int i)
    {
        if (level < 0)
            return 0;
        if (level == termFrequencyLevel[c])
        {
            var id = Vectors.Comparisons[c].ValueId(Vectors.Data, i);
            if (id >= 0)
                return valueWeights[c]![id];
        }
        return weights[c][level];
    }

    /// <summary>The pair's match weight: the prior plus every comparison's weight.</summary>
    public double MatchWeight(ReadOnlySpan<sbyte> levels, int i)
    {
        var total = Model.PriorWeight;
        for (var c = 0; c < levels.Length; c++)
            total += Weight(c, levels[c], i);
        return total;
    }

    /// <summary>2^w / (1 + 2^w).</summary>
    public static double Probability(double matchWeight) => 1 / (1 + Math.Pow(2, -matchWeight));
}
