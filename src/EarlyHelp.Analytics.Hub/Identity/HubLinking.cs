using System.Diagnostics;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Identity;

/// <summary>What a load writes after linkage.</summary>
/// <param name="NewGazetteer">Gazetteer rows new to the hub.</param>
/// <param name="Canonical">Each record key's record: the stored one, or this extract's when new.</param>
/// <param name="NewRecords">Records new to the hub, with person and matched UPRN.</param>
/// <param name="Changed">Stored records whose person, match probability or open end changed.</param>
/// <param name="Closed">Stored records whose open end this extract filled in, per dataset.</param>
/// <param name="Derived">The rebuilt canonical tables.</param>
/// <param name="Recording">The linkage record for the hub.</param>
/// <param name="Summary">The figures for the report.</param>
internal sealed record LinkedExtract(
    IReadOnlyList<GazetteerEntry> NewGazetteer, IReadOnlyDictionary<(string, string), IdentityRecord> Canonical,
    IReadOnlyList<IdentityRecord> NewRecords, IReadOnlyList<IdentityRecord> Changed, IReadOnlyDictionary<string, int> Closed, DerivedHub Derived,
    LinkageRecording Recording, LinkageSummary Summary);

/// <summary>
/// Links an extract's records with those the hub already holds: new addresses are matched to the gazetteer,
/// every record is linked afresh (clerical decisions first), the people found keep the ids their records had
/// (<see cref="StableIds"/>), and the canonical tables are derived again.
/// </summary>
internal static class HubLinking
{
    /// <summary>Links <paramref name="contents"/> into the hub state <paramref name="state"/>.</summary>
    public static LinkedExtract Link(IdentityState state, ExtractContents contents, DateOnly asOf, RecordLinker linker, IProgress<Core.WorkProgress>? progress)
    {
        var storedUprns = state.Gazetteer.Select(entry => entry.Uprn).ToHashSet(StringComparer.Ordinal);
        var newGazetteer = contents.Gazetteer.Where(entry => storedUprns.Add(entry.Uprn)).ToArray();
        var gazetteer = new Gazetteer(state.Gazetteer.Concat(newGazetteer));

        var canonical = new Dictionary<(string, string), IdentityRecord>(state.Records.Count + contents.Records.Count);
        var previous = new Dictionary<IdentityRecord, (long Person, double Probability)>(ReferenceEqualityComparer.Instance);
        foreach (var record in state.Records)
        {
            canonical[record.Key] = record;
            previous[record] = (record.PersonId, record.MatchProbability);
        }
        var newRecords = new List<IdentityRecord>();
        var closed = new HashSet<IdentityRecord>(ReferenceEqualityComparer.Instance);
        foreach (var record in contents.Records)
        {
            if (!canonical.TryAdd(record.Key, record))
            {
                // The one update: a stored record still open is closed by a later extract that gives its end.
                var stored = canonical[record.Key];
                if (stored.ValidTo is null && record.ValidTo is { } end && previous.ContainsKey(stored))
                {
                    stored.ValidTo = end;
                    closed.Add(stored);
                }
                continue;
            }
            record.MatchedUprn = gazetteer.Match(record.Uprn, record.Address, record.Postcode);
            newRecords.Add(record);
        }
        var all = canonical.Values.ToArray();

        progress?.Report(new Core.WorkProgress("Linking records", 0, all.Length));
        var clock = Stopwatch.StartNew();
        var linked = linker(all, state.Decisions, progress);
        var groups = all.Select((record, index) => (record, index)).GroupBy(r => linked.Entities[r.index])
            .Select(g => (IReadOnlyList<IdentityRecord>)g.Select(r => r.record).ToArray()).ToArray();
        var (ids, history) = StableIds.Assign(groups, record => previous.TryGetValue(record, out var before) ? before.Person : null, state.FirstUnusedPerson);
        for (var group = 0; group < groups.Length; group++)
        {
            foreach (var record in groups[group])
                record.PersonId = ids[group];
        }
        var seconds = clock.Elapsed.TotalSeconds;
        progress?.Report(new Core.WorkProgress("Linking records", all.Length, all.Length));

        var changed = state.Records.Where(r => closed.Contains(r) || previous[r].Person != r.PersonId || !SameProbability(previous[r].Probability, r.MatchProbability)).ToArray();
        StageMemory.Release();
        progress?.Report(new Core.WorkProgress("Building households and families", 0, 1));
        var derived = HubDerivation.Derive(all, gazetteer, state.Previous, asOf);
        progress?.Report(new Core.WorkProgress("Building households and families", 1, 1));

        var summary = new LinkageSummary(all.Length, newRecords.Count, groups.Length, linked.ComparedPairs, linked.Expected.LinkedPairs,
            linked.Expected.ExpectedFalseLinks, linked.Expected.ExpectedMissedLinks, linked.Queue.Count,
            history.Count(h => h.Change == IdChange.Created), history.Count(h => h.Change == IdChange.Merged), history.Count(h => h.Change == IdChange.Split), seconds);
        var recording = new LinkageRecording(linked.Model?.ToJson(), summary, linked.Queue, history);
        var closedByDataset = closed.CountBy(r => r.Dataset).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        return new LinkedExtract(newGazetteer, canonical, newRecords, changed, closedByDataset, derived, recording, summary);
    }

    private static bool SameProbability(double before, double after) => before.Equals(after) || Math.Abs(before - after) < 1e-9;
}
