namespace EarlyHelp.Analytics.Linkage;

/// <summary>Joins linked pairs into entities (people), with guards against chaining and clerical decisions first.</summary>
public static class Clustering
{
    /// <summary>
    /// An entity index (0, 1, ...) per record: connected components over pairs at or above the link
    /// threshold, strongest first, refusing a join that would put conflicting records in one entity.
    /// "Same" decisions join first and override the guards; "different" decisions are never crossed, not even by a chain of
    /// "same" decisions (such a "same" decision is left unapplied).
    /// </summary>
    public static int[] Cluster(IReadOnlyList<LinkageRecord> records, IReadOnlyList<ScoredPair> pairs, LinkageModel model, IReadOnlyList<PairDecision> decisions) =>
        Join(records, pairs, model, decisions, oneToOne: false);

    /// <summary>
    /// As <see cref="Cluster"/>, for sources in which each person appears at most once: each record joins at
    /// most one record of each other source, best weight first (a greedy assignment).
    /// </summary>
    public static int[] ClusterOneToOne(IReadOnlyList<LinkageRecord> records, IReadOnlyList<ScoredPair> pairs, LinkageModel model, IReadOnlyList<PairDecision> decisions) =>
        Join(records, pairs, model, decisions, oneToOne: true);

    /// <summary>
    /// Whether <paramref name="pair"/>, left in two entities, waits for clerical review: its probability is in the
    /// review band, or in the linked band with agreement on names alone (<see cref="LinkageSettings.RequireEvidenceBeyondNames"/>).
    /// </summary>
    public static bool AwaitsReview(LinkageModel model, ScoredPair pair)
    {
        ArgumentNullException.ThrowIfNull(model);
        return LinkageQuality.Reviewed(model, new Corroboration(model), pair);
    }

    /// <summary>
    /// The pairs left in two entities that wait for clerical review (<see cref="AwaitsReview"/>), leaving out those
    /// the guards keep apart by rule (twins, relatives at one address, generations, conflicting dates): no reviewer
    /// needs to see them, as <see cref="LinkageQuality.Expected(IReadOnlyList{LinkageRecord}, IReadOnlyList{ScoredPair}, IReadOnlyList{int}, LinkageModel, bool)"/> counts them.
    /// </summary>
    public static IEnumerable<ScoredPair> ReviewQueue(IReadOnlyList<LinkageRecord> records, IReadOnlyList<ScoredPair> pairs, IReadOnlyList<int> entities, LinkageModel model)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(model);
        var guards = new ChainingGuards(PreparationCache.Of(records, []), model.Settings, oneToOne: false);
        var corroboration = new Corroboration(model);
        return pairs.Where(pair => entities[pair.Left] != entities[pair.Right]
            && LinkageQuality.Reviewed(model, corroboration, pair) && !guards.Conflict(pair.Left, pair.Right));
    }

    private static int[] Join(IReadOnlyList<LinkageRecord> records, IReadOnlyList<ScoredPair> pairs, LinkageModel model, IReadOnlyList<PairDecision> decisions, bool oneToOne)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(decisions);
        var data = PreparationCache.Of(records, []);
        var guards = new ChainingGuards(data, model.Settings, oneToOne);
        var forest = new EntityForest(records.Count);
        // Decisions name records by source and id; without decisions the index of millions of records is not built.
        var index = new Dictionary<(string, string), int>(decisions.Count == 0 ? 0 : records.Count);
        for (var i = 0; i < records.Count && decisions.Count > 0; i++)
            index.TryAdd((records[i].Source, records[i].RecordId), i);

        var decided = decisions
            .Select(d => (d.Decision, Found: index.TryGetValue((d.SourceLeft, d.RecordLeft), out var left) & index.TryGetValue((d.SourceRight, d.RecordRight), out var right), left, right))
            .Where(d => d.Found)
            .ToArray();
        var cannotLink = PairKeys.NewSet();
        foreach (var (_, _, left, right) in decided.Where(d => d.Decision == ClericalDecision.Different))
            cannotLink.Add(PairKeys.Of(left, right));
        bool Separated(int a, int b) => cannotLink.Count > 0 && cannotLink.Contains(PairKeys.Of(a, b));
        bool Forbidden(int a, int b) => guards.Conflict(a, b) || Separated(a, b);

        // "Same" decisions override the guards but not a "different" one: two "same" decisions (A with B, B with C)
        // would otherwise chain records a person kept apart (A and C) without anyone deciding so.
        var partnered = new HashSet<long>();
        foreach (var (_, _, left, right) in decided.Where(d => d.Decision == ClericalDecision.Same))
        {
            if (forest.Find(left) == forest.Find(right) || forest.AnyAcross(left, right, Separated))
                continue;
            forest.Union(left, right);
            MarkPartnered(partnered, data, left, right);
        }

        var corroboration = new Corroboration(model);
        var linked = pairs.Where(p => p.MatchProbability >= model.Settings.LinkThreshold
            && (!model.Settings.RequireEvidenceBeyondNames || corroboration.BeyondNames(p.Levels.Span))).ToArray();
        // Strongest evidence first, so a weak link never blocks a strong one (ties by index, deterministic).
        Array.Sort(linked, (a, b) => b.MatchWeight != a.MatchWeight ? b.MatchWeight.CompareTo(a.MatchWeight)
            : a.Left != b.Left ? a.Left.CompareTo(b.Left) : a.Right.CompareTo(b.Right));
        foreach (var pair in linked)
        {
            if (forest.Find(pair.Left) == forest.Find(pair.Right))
                continue;
            if (oneToOne && (partnered.Contains(PartnerKey(pair.Left, data.Source[pair.Right])) || partnered.Contains(PartnerKey(pair.Right, data.Source[pair.Left]))))
                continue;
            if (forest.AnyAcross(pair.Left, pair.Right, Forbidden))
                continue;
            forest.Union(pair.Left, pair.Right);
            MarkPartnered(partnered, data, pair.Left, pair.Right);
        }
        return forest.Entities();
    }

    private static void MarkPartnered(HashSet<long> partnered, PreparedRecords data, int left, int right)
    {
        partnered.Add(PartnerKey(left, data.Source[right]));
        partnered.Add(PartnerKey(right, data.Source[left]));
    }

    private static long PartnerKey(int record, int otherSource) => (long)record << 32 | (uint)otherSource;
}
