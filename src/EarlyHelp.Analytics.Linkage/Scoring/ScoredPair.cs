namespace EarlyHelp.Analytics.Linkage;

/// <summary>A compared pair of records with its score.</summary>
/// <param name="Left">Index of the first record in the list that was scored (the lower index).</param>
/// <param name="Right">Index of the second record.</param>
/// <param name="MatchWeight">Prior weight plus every comparison's weight, in bits.</param>
/// <param name="MatchProbability">2^w / (1 + 2^w) for match weight w.</param>
/// <param name="Levels">Per comparison of the model (in <see cref="LinkageModel.Comparisons"/> order), the level reached, or -1 when a side is missing.</param>
public readonly record struct ScoredPair(int Left, int Right, double MatchWeight, double MatchProbability, ReadOnlyMemory<sbyte> Levels);

/// <summary>One comparison's part in a pair's match weight (a bar of Splink's waterfall chart).</summary>
/// <param name="Comparison">The comparison's name, or "prior".</param>
/// <param name="Level">The level's label, or "missing".</param>
/// <param name="Weight">Its weight in bits (term-frequency adjusted where the level is).</param>
public sealed record WeightContribution(string Comparison, string Level, double Weight);

/// <summary>The pairs one scoring run kept, and how much comparing it took.</summary>
/// <param name="Pairs">Pairs with at least <see cref="LinkageSettings.MinimumRetainedProbability"/>, by record indices.</param>
/// <param name="ComparedPairs">Candidate pairs the blocking rules produced and that were compared.</param>
/// <param name="Records">Records scored.</param>
public sealed record PairScoringResult(IReadOnlyList<ScoredPair> Pairs, long ComparedPairs, int Records)
{
    /// <summary>Compared pairs per record: the blocking's cost, as Splink reports it.</summary>
    public double ComparisonsPerRecord => Records == 0 ? 0 : (double)ComparedPairs / Records;

    /// <summary>
    /// Blocks (a rule's bucket of records sharing one key) larger than <see cref="LinkageSettings.MaximumBlockSize"/>, whose
    /// pairs were not compared by that rule; a true pair inside one is found only if another rule brings it together.
    /// </summary>
    public int OversizedBlocks { get; init; }
}
