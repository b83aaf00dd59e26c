namespace EarlyHelp.Analytics.Linkage;

public sealed partial class LinkageModel
{
    private static LinkageModel EstimateModel(IReadOnlyList<LinkageRecord> records, LinkageSettings settings, int seed)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(settings);
        settings.EnsureValid();
        var data = PreparedRecords.From(records, PreparedRecords.OtherFieldsOf(records));
        var candidates = ComparisonCatalogue.Available(data, settings);
        if (candidates.Count > ComparisonPatterns.MaximumComparisons)
            throw new ArgumentException($"At most {ComparisonPatterns.MaximumComparisons} comparisons can be estimated. Got {candidates.Count} instead (too many extra fields).");

        // u from random pairs; a comparison never present on them (such as the source's own reference
        // when only pairs across sources are compared) tells nothing and is left out.
        var (allU, present, randomPairs) = RandomPairs.Estimate(new ComparisonVectors(data, candidates), settings, seed);
        var kept = Enumerable.Range(0, candidates.Count).Where(c => present[c]).ToArray();
        var comparisons = kept.Select(c => candidates[c]).ToArray();
        var u = kept.Select(c => allU[c]).ToArray();
        var vectors = new ComparisonVectors(data, comparisons);

        var (patterns, candidatePairs, trainingPairs) = TrainingPatterns(vectors, settings, seed);
        var em = ExpectationMaximisation.Run(patterns.Expand(comparisons.Length), u,
            comparisons.Select(c => ExpectationMaximisation.StartingM(c.Labels.Count)).ToArray(),
            startLambda: 0.1, settings.MaximumIterations, settings.ConvergenceTolerance);

        // Lambda over all allowed pairs: the expected matches among the blocked pairs, spread over every
        // pair (assumes the blocking reaches nearly every match, which its recall checks support).
        var possible = RandomPairs.PossiblePairs(data, settings.AcrossSourcesOnly);
        var lambda = Math.Clamp(em.Lambda * candidatePairs / Math.Max(possible, 1), 1e-15, 0.5);

        var fields = comparisons.Select((c, k) => new FieldComparison(c.Name,
            c.Labels.Select((label, l) => new ComparisonLevel(label, em.M[k][l], u[k][l], l == c.TermFrequencyLevel)).ToArray())).ToArray();
        var termFrequencies = comparisons.Where(c => c.TermFrequencyLevel >= 0)
            .ToDictionary(c => c.Name, c => FrequencyTable(data, c), StringComparer.Ordinal);
        var training = new TrainingSummary(records.Count, candidatePairs, trainingPairs, randomPairs, em.Iterations, em.Converged, em.Lambda);
        return new LinkageModel(settings, lambda, fields, termFrequencies, training);
    }

    private static (ComparisonPatterns Patterns, long Candidates, long Training) TrainingPatterns(ComparisonVectors vectors, LinkageSettings settings, int seed)
    {
        var blocking = CandidatePairs.Build(vectors.Data, settings);
        var candidates = blocking.Visit(() => 0, (_, _, _) => { }, _ => { });
        // Above the limit, a pair is kept when a hash of the pair and seed falls under the sampling share:
        // the same pairs whatever the thread schedule.
        var share = candidates <= settings.MaximumTrainingPairs ? 1.0 : (double)settings.MaximumTrainingPairs / candidates;
        var threshold = (ulong)(share * ulong.MaxValue);
        var patterns = new ComparisonPatterns();
        long training = 0;
        var width = vectors.Comparisons.Count;
        blocking.Visit(
            () => (Patterns: new ComparisonPatterns(), Levels: new sbyte[width], Count: new long[1]),
            (state, i, j) =>
            {
                if (share < 1 && PairHash(i, j, seed) > threshold)
                    return;
                vectors.Levels(i, j, state.Levels);
                state.Patterns.Add(state.Levels);
                state.Count[0]++;
            },
            state =>
            {
                patterns.Merge(state.Patterns);
                training += state.Count[0];
            });
        return (patterns, candidates, training);
    }

    private static ulong PairHash(int i, int j, int seed)
    {
        // SplitMix64 finaliser (Steele, Lea and Flood 2014) over the pair and seed.
        var z = unchecked(((ulong)(uint)i << 32 | (uint)j) + (ulong)seed * 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    private static TermFrequencyTable FrequencyTable(PreparedRecords data, Comparison comparison)
    {
        var values = comparison.Values(data);
        var counts = new long[values.Count];
        long present = 0;
        for (var i = 0; i < data.Count; i++)
        {
            var id = comparison.ValueId(data, i);
            if (id < 0)
                continue;
            counts[id]++;
            present++;
        }
        var table = new Dictionary<string, double>(values.Count, StringComparer.Ordinal);
        for (var v = 0; v < values.Count; v++)
            table[values[v]] = (double)counts[v] / present;
        return new TermFrequencyTable(table, 1.0 / Math.Max(present, 1));
    }
}
