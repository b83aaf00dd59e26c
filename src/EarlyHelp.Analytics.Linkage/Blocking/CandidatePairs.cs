using System.Collections.Concurrent;

namespace EarlyHelp.Analytics.Linkage;

/// <summary>
/// The union of the blocking rules' pairs, each produced once: records are sorted by each rule's key into
/// buckets, every pair inside a bucket is a candidate, and a pair that an earlier rule already produced is
/// skipped by comparing that rule's keys (as Splink does), so no set of pairs is ever held.
/// </summary>
internal sealed class CandidatePairs
{
    private const long Missing = long.MinValue;
    private readonly PreparedRecords data;
    private readonly LinkageSettings settings;
    private readonly long[][] keys;
    private readonly HashSet<long>[] oversized;
    private readonly List<(int Rule, int[] Members, int Start, int End)> buckets = [];

    private CandidatePairs(PreparedRecords data, LinkageSettings settings)
    {
        this.data = data;
        this.settings = settings;
        var rules = settings.BlockingRules;
        keys = new long[rules.Count][];
        oversized = new HashSet<long>[rules.Count];
        for (var r = 0; r < rules.Count; r++)
        {
            keys[r] = KeysOf(rules[r]);
            oversized[r] = [];
            AddBuckets(r);
        }
    }

    /// <summary>Buckets that exceeded <see cref="LinkageSettings.MaximumBlockSize"/> and were not compared.</summary>
    public int OversizedBuckets => oversized.Sum(s => s.Count);

    /// <summary>Builds the buckets of every rule.</summary>
    public static CandidatePairs Build(PreparedRecords data, LinkageSettings settings) => new(data, settings);

    /// <summary>
    /// Calls <paramref name="visit"/> for every candidate pair (i &lt; j), in parallel: each thread has its own
    /// state from <paramref name="create"/>, handed to <paramref name="finish"/> at its end. Returns the pair count.
    /// </summary>
    public long Visit<TState>(Func<TState> create, Action<TState, int, int> visit, Action<TState> finish)
    {
        long total = 0;
        if (buckets.Count == 0)
            return 0; // No rule put two records in one bucket: nothing to compare (a range partitioner refuses an empty range).
        var options = new ParallelOptions { MaxDegreeOfParallelism = settings.DegreeOfParallelism };
        Parallel.ForEach(Partitioner.Create(0, buckets.Count, Math.Max(1, buckets.Count / (settings.DegreeOfParallelism * 16))), options,
            () => (State: create(), Count: 0L),
            (range, _, local) =>
            {
                for (var b = range.Item1; b < range.Item2; b++)
                    local.Count += VisitBucket(buckets[b], local.State, visit);
                return local;
            },
            local =>
            {
                Interlocked.Add(ref total, local.Count);
                lock (buckets)
                    finish(local.State);
            });
        return total;
    }

    private long VisitBucket<TState>((int Rule, int[] Members, int Start, int End) bucket, TState state, Action<TState, int, int> visit)
    {
        long count = 0;
        var members = bucket.Members;
        var acrossOnly = settings.AcrossSourcesOnly;
        var sources = data.Source;
        for (var a = bucket.Start; a < bucket.End; a++)
            for (var b = a + 1; b < bucket.End; b++)
            {
                int i = members[a], j = members[b];
                if (acrossOnly && sources[i] == sources[j])
                    continue;
                if (ProducedEarlier(bucket.Rule, i, j))
                    continue;
                if (i < j) visit(state, i, j); else visit(state, j, i);
                count++;
            }
        return count;
    }

    private bool ProducedEarlier(int rule, int i, int j)
    {
        for (var q = 0; q < rule; q++)
        {
            var key = keys[q][i];
            if (key != Missing && key == keys[q][j] && !oversized[q].Contains(key))
                return true;
        }
        return false;
    }

    private void AddBuckets(int rule)
    {
        var ruleKeys = keys[rule];
        var present = 0;
        foreach (var k in ruleKeys)
            if (k != Missing)
                present++;
        var sortedKeys = new long[present];
        var members = new int[present];
        for (int i = 0, n = 0; i < ruleKeys.Length; i++)
            if (ruleKeys[i] != Missing)
            {
                sortedKeys[n] = ruleKeys[i];
                members[n++] = i;
            }
        Array.Sort(sortedKeys, members);
        for (var start = 0; start < present;)
        {
            var end = start + 1;
            while (end < present && sortedKeys[end] == sortedKeys[start])
                end++;
            if (end - start > settings.MaximumBlockSize)
                oversized[rule].Add(sortedKeys[start]);
            else if (end - start >= 2)
                buckets.Add((rule, members, start, end));
            start = end;
        }
    }

    private long[] KeysOf(BlockingRule rule)
    {
        var result = new long[data.Count];
        for (var i = 0; i < data.Count; i++)
        {
            long key = 17;
            foreach (var part in rule.Keys)
            {
                var value = Component(part, i);
                if (value < 0)
                {
                    key = Missing;
                    break;
                }
                // A 64-bit mix of the parts (FNV-style multiply); a collision only adds a comparison.
                key = unchecked(key * 1_099_511_628_211L + value + 1);
            }
            result[i] = key;
        }
        return result;
    }

    private int Component(BlockingKey key, int i) => key switch
    {
        BlockingKey.NhsNumber => data.Nhs[i],
        BlockingKey.SourceEntityRef => data.EntityRef[i],
        BlockingKey.BirthDate => data.BirthDate[i],
        BlockingKey.BirthYear => data.BirthDate[i] < 0 ? -1 : BirthDates.Year(data.BirthDate[i]),
        BlockingKey.ForenameInitial => data.Forename[i] < 0 ? -1 : data.ForenameValues[data.Forename[i]][0],
        BlockingKey.ForenameSoundex => data.ForenameSoundex[i],
        BlockingKey.Surname => data.Surname[i],
        BlockingKey.SurnameSoundex => data.SurnameSoundex[i],
        BlockingKey.SurnameInitial => data.Surname[i] < 0 ? -1 : data.SurnameValues[data.Surname[i]][0],
        BlockingKey.Postcode => data.Postcode[i],
        BlockingKey.PostcodeDistrict => data.PostcodeDistrict[i],
        BlockingKey.Forename => data.Forename[i],
        BlockingKey.Address => data.Address[i],
        // Soundex codes are below 27,000, so the ordered pair packs into one int.
        BlockingKey.NameSoundexes => data.ForenameSoundex[i] < 0 || data.SurnameSoundex[i] < 0 ? -1
            : Math.Min(data.ForenameSoundex[i], data.SurnameSoundex[i]) * 27_000 + Math.Max(data.ForenameSoundex[i], data.SurnameSoundex[i]),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown blocking key."),
    };
}
