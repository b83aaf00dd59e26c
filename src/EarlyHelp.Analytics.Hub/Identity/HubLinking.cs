using System.Diagnostics;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Lifecycle;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Identity;

/// <summary>What a load writes after linkage.</summary>
/// <param name="NewGazetteer">Gazetteer rows new to the hub.</param>
/// <param name="Canonical">Each record key's record: the stored one, or this extract's when new.</param>
/// <param name="NewRecords">Records new to the hub, with person and matched UPRN.</param>
/// <param name="Changed">Stored records, not amended, whose person or match probability changed.</param>
/// <param name="Changes">Stored records amended, deleted at source and past retention.</param>
/// <param name="Derived">The rebuilt canonical tables.</param>
/// <param name="Recording">The linkage record for the hub.</param>
/// <param name="Summary">The figures for the report.</param>
internal sealed record LinkedExtract(
    IReadOnlyList<GazetteerEntry> NewGazetteer, IReadOnlyDictionary<(string, string), IdentityRecord> Canonical,
    IReadOnlyList<IdentityRecord> NewRecords, IReadOnlyList<IdentityRecord> Changed, SourceChanges Changes, DerivedHub Derived,
    LinkageRecording Recording, LinkageSummary Summary);

/// <summary>
/// Links an extract's records with those the hub already holds: the extract is applied (new, amended, deleted and
/// expired records), new addresses are matched to the gazetteer,
/// every record is linked afresh (clerical decisions first), the people found keep the ids their records had
/// (<see cref="StableIds"/>), and the canonical tables are derived again.
/// </summary>
internal static class HubLinking
{
    /// <summary>
    /// Applies <paramref name="contents"/> to the hub state <paramref name="state"/> (<see cref="SourceRefresh"/>) and links
    /// the records that result.
    /// </summary>
    public static LinkedExtract Link(IdentityState state, ExtractContents contents, ExtractApplication application, RecordLinker linker,
        IProgress<Core.WorkProgress>? progress)
    {
        var storedUprns = state.Gazetteer.Select(entry => entry.Uprn).ToHashSet(StringComparer.Ordinal);
        var newGazetteer = contents.Gazetteer.Where(entry => storedUprns.Add(entry.Uprn)).ToArray();
        var gazetteer = new Gazetteer(state.Gazetteer.Concat(newGazetteer));

        var previous = new Dictionary<IdentityRecord, (long Person, double Probability)>(ReferenceEqualityComparer.Instance);
        foreach (var record in state.Records)
            previous[record] = (record.PersonId, record.MatchProbability);
        var refreshed = SourceRefresh.Apply(state.Records, contents, application.Datasets, application.Newest, application.Retention, application.StoredValues);
        var canonical = refreshed.Records;
        var newRecords = refreshed.NewRecords;
        foreach (var record in newRecords)
            record.MatchedUprn = gazetteer.Match(record.Uprn, record.Address, record.Postcode);
        foreach (var amendment in refreshed.Changes.Amended)
        {
            // The new version stands for the stored one when ids are kept stable.
            previous[amendment.Incoming] = previous[amendment.Stored];
            if (RecordComparison.MovesAddress(amendment.Changes))
                amendment.Incoming.MatchedUprn = gazetteer.Match(amendment.Incoming.Uprn, amendment.Incoming.Address, amendment.Incoming.Postcode);
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

        // Records kept as stored (not removed, not replaced by an amended version) whose link moved.
        var changed = state.Records.Where(r => canonical.TryGetValue(r.Key, out var kept) && ReferenceEquals(kept, r)
            && (previous[r].Person != r.PersonId || !SameProbability(previous[r].Probability, r.MatchProbability))).ToArray();
        StageMemory.Release();
        progress?.Report(new Core.WorkProgress("Building households and families", 0, 1));
        var derived = HubDerivation.Derive(all, gazetteer, state.Previous, application.Newest);
        progress?.Report(new Core.WorkProgress("Building households and families", 1, 1));

        var summary = new LinkageSummary(all.Length, newRecords.Count, groups.Length, linked.ComparedPairs, linked.Expected.LinkedPairs,
            linked.Expected.ExpectedFalseLinks, linked.Expected.ExpectedMissedLinks, linked.Queue.Count,
            history.Count(h => h.Change == IdChange.Created), history.Count(h => h.Change == IdChange.Merged), history.Count(h => h.Change == IdChange.Split), seconds)
        {
            Estimation = linked.Model?.Training,
        };
        var recording = new LinkageRecording(linked.Model?.ToJson(), summary, linked.Queue, history);
        return new LinkedExtract(newGazetteer, canonical, newRecords, changed, refreshed.Changes, derived, recording, summary);
    }

    private static bool SameProbability(double before, double after) => before.Equals(after) || Math.Abs(before - after) < 1e-9;
}
