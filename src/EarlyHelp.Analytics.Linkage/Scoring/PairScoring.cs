namespace EarlyHelp.Analytics.Linkage;

/// <summary>Blocks records into candidate pairs, compares them field by field and scores them with a model.</summary>
public static class PairScoring
{
    /// <summary>The scored candidate pairs with at least the settings' retained probability.</summary>
    public static IReadOnlyList<ScoredPair> Score(IReadOnlyList<LinkageRecord> records, LinkageModel model) =>
        ScoreWithStatistics(records, model).Pairs;

    /// <summary>As <see cref="Score"/>, with the number of pairs compared.</summary>
    public static PairScoringResult ScoreWithStatistics(IReadOnlyList<LinkageRecord> records, LinkageModel model) =>
        throw new NotImplementedException();

    /// <summary>Each comparison's part in the pair's match weight, prior first (for a waterfall chart).</summary>
    public static IReadOnlyList<WeightContribution> Explain(IReadOnlyList<LinkageRecord> records, LinkageModel model, ScoredPair pair) =>
        throw new NotImplementedException();
}
