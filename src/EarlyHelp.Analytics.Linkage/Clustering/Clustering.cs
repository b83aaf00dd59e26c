namespace EarlyHelp.Analytics.Linkage;

/// <summary>Joins linked pairs into entities (people), with guards against chaining and clerical decisions first.</summary>
public static class Clustering
{
    /// <summary>
    /// An entity index (0, 1, ...) per record: connected components over pairs at or above the link
    /// threshold, strongest first, refusing a join that would put conflicting records in one entity.
    /// </summary>
    public static int[] Cluster(IReadOnlyList<LinkageRecord> records, IReadOnlyList<ScoredPair> pairs, LinkageModel model, IReadOnlyList<PairDecision> decisions) =>
        throw new NotImplementedException();

    /// <summary>
    /// As <see cref="Cluster"/>, for sources in which each person appears at most once: each record joins at
    /// most one record of each other source, best weight first (a greedy assignment).
    /// </summary>
    public static int[] ClusterOneToOne(IReadOnlyList<LinkageRecord> records, IReadOnlyList<ScoredPair> pairs, LinkageModel model, IReadOnlyList<PairDecision> decisions) =>
        throw new NotImplementedException();
}
