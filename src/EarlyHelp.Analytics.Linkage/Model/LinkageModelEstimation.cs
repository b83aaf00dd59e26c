namespace EarlyHelp.Analytics.Linkage;

public sealed partial class LinkageModel
{
    private static LinkageModel EstimateModel(IReadOnlyList<LinkageRecord> records, LinkageSettings settings, int seed)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(settings);
        settings.EnsureValid();
        var data = PreparationCache.Of(records, PreparedRecords.OtherFieldsOf(records));
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

        var (m, lambdaBlocked, candidatePairs, trainingPairs, iterations, converged) = TrainM(vectors, u, settings, seed);

        // Lambda over all allowed pairs: the expected matches among the blocked pairs, spread over every
        // pair (assumes the blocking reaches nearly every match, which its recall checks support).
        var possible = RandomPairs.PossiblePairs(data, settings.AcrossSourcesOnly);
        var lambda = Math.Clamp(lambdaBlocked * candidatePairs / Math.Max(possible, 1), 1e-15, 0.5);

        var fields = comparisons.Select((c, k) => new FieldComparison(c.Name,
            c.Labels.Select((label, l) => new ComparisonLevel(label, m[k][l], u[k][l], l == c.TermFrequencyLevel)).ToArray())).ToArray();
        var termFrequencies = comparisons.Where(c => c.TermFrequencyLevel >= 0)
            .ToDictionary(c => c.Name, c => FrequencyTable(data, c), StringComparer.Ordinal);
        var training = new TrainingSummary(records.Count, candidatePairs, trainingPairs, randomPairs, iterations, converged, lambdaBlocked);
        return new LinkageModel(settings, lambda, fields, termFrequencies, training);
    }

    /// <summary>
    /// Splink's training: one EM session per training rule over the pairs that rule blocks, each session
    /// leaving out the comparisons of the fields the rule blocks on (every pair agrees on them, so they
    /// carry no information there); a comparison's m is the mean over the sessions that estimated it.
    /// Blocking on a birth date then learns the names and address among people born the same day, and
    /// blocking on the names' sounds learns the date among namesakes, so EM's latent class is "same
    /// person", not "same household". Lambda comes last, from one EM pass over all blocked pairs with m
    /// and u held fixed.
    /// </summary>
    private static (double[][] M, double Lambda, long Candidates, long Training, int Iterations, bool Converged) TrainM(
        ComparisonVectors vectors, double[][] u, LinkageSettings settings, int seed)
    {
        var comparisons = vectors.Comparisons;
        var sums = comparisons.Select(c => new double[c.Labels.Count]).ToArray();
        var sessions = new int[comparisons.Count];
        long training = 0;
        var iterations = 0;
        var converged = true;
        var start = comparisons.Select(c => ExpectationMaximisation.StartingM(c.Labels.Count)).ToArray();
        foreach (var rule in settings.TrainingRules)
        {
            var blocked = rule.Keys.SelectMany(ComparisonsOf).ToHashSet(StringComparer.Ordinal);
            var estimated = comparisons.Select(c => !blocked.Contains(c.Name)).ToArray();
            var (sessionPatterns, _, used) = TrainingPatterns(vectors, settings with { BlockingRules = [rule] }, seed, estimated);
            if (used == 0)
                continue;
            var session = ExpectationMaximisation.Run(sessionPatterns.Expand(comparisons.Count), u, start, startLambda: 0.1,
                settings.MaximumIterations, settings.ConvergenceTolerance, estimated);
            for (var c = 0; c < comparisons.Count; c++)
                if (estimated[c])
                {
                    for (var l = 0; l < sums[c].Length; l++)
                        sums[c][l] += session.M[c][l];
                    sessions[c]++;
                }
            training += used;
            iterations += session.Iterations;
            converged &= session.Converged;
        }

        var everything = Enumerable.Repeat(true, comparisons.Count).ToArray();
        var (patterns, candidates, allUsed) = TrainingPatterns(vectors, settings, seed, everything);
        var expanded = patterns.Expand(comparisons.Count);
        var m = sums.Select((row, c) => sessions[c] == 0 ? null : row.Select(x => x / sessions[c]).ToArray()).ToArray();
        if (m.Any(row => row is null))
        {
            // A comparison no training rule could estimate: EM over all blocked pairs for it.
            var fallback = ExpectationMaximisation.Run(expanded, u, start, 0.1, settings.MaximumIterations, settings.ConvergenceTolerance);
            for (var c = 0; c < m.Length; c++)
                m[c] ??= fallback.M[c];
            training += allUsed;
            iterations += fallback.Iterations;
            converged &= fallback.Converged;
        }
        var estimatedM = m.Select(row => row!).ToArray();
        var final = ExpectationMaximisation.Run(expanded, u, estimatedM, 0.1, settings.MaximumIterations, settings.ConvergenceTolerance,
            estimated: new bool[comparisons.Count]);
        return (estimatedM, final.Lambda, candidates, training, iterations + final.Iterations, converged && final.Converged);
    }

    /// <summary>The comparisons that a blocking key's agreement decides.</summary>
    private static IEnumerable<string> ComparisonsOf(BlockingKey key) => key switch
    {
        BlockingKey.NhsNumber => ["nhs_number"],
        BlockingKey.SourceEntityRef => ["source_reference"],
        BlockingKey.BirthDate or BlockingKey.BirthYear => ["birth_date"],
        BlockingKey.ForenameInitial or BlockingKey.ForenameSoundex or BlockingKey.Forename => ["forename"],
        BlockingKey.Surname or BlockingKey.SurnameSoundex or BlockingKey.SurnameInitial => ["surname"],
        BlockingKey.NameSoundexes => ["forename", "surname"],
        BlockingKey.Postcode or BlockingKey.PostcodeDistrict or BlockingKey.Address => ["address"],
        _ => [],
    };

    private static (ComparisonPatterns Patterns, long Candidates, long Training) TrainingPatterns(ComparisonVectors vectors, LinkageSettings settings, int seed, bool[] kept)
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
                for (var c = 0; c < kept.Length; c++)
                    if (!kept[c])
                        state.Levels[c] = -1;
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
