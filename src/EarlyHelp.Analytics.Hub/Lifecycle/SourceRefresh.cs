using EarlyHelp.Analytics.Hub.Identity;
using EarlyHelp.Analytics.Hub.Ingest;

namespace EarlyHelp.Analytics.Hub.Lifecycle;

/// <summary>The records a hub holds after an extract is applied, before they are linked.</summary>
/// <param name="Records">Each record key's record: the stored one, or the extract's when new or amended.</param>
/// <param name="NewRecords">Records new to the hub.</param>
/// <param name="Changes">What changed in the stored records.</param>
internal sealed record RefreshedRecords(Dictionary<(string, string), IdentityRecord> Records, IReadOnlyList<IdentityRecord> NewRecords, SourceChanges Changes);

/// <summary>
/// Applies an extract to the records a hub holds: records past retention leave (stored ones and the extract's own, so
/// that an old extract brings nothing back); a record the extract changed is replaced by its new version; a record a
/// full-refresh extract no longer holds was deleted at source and leaves; a dataset already loaded from a newer
/// extract is left exactly as it is. The same extract applied twice changes nothing the second time.
/// </summary>
internal static class SourceRefresh
{
    /// <summary>Applies <paramref name="contents"/> to <paramref name="stored"/>.</summary>
    /// <param name="stored">The records the hub holds.</param>
    /// <param name="contents">The extract's records and events.</param>
    /// <param name="datasets">Each dataset the extract holds, by name.</param>
    /// <param name="newest">The newest extract date (this one or a loaded one): retention counts back from it.</param>
    /// <param name="retention">The retention periods.</param>
    /// <param name="storedValues">Stored events' values, by dataset and record reference, for the datasets with values.</param>
    public static RefreshedRecords Apply(IReadOnlyList<IdentityRecord> stored, ExtractContents contents, IReadOnlyDictionary<string, ExtractedDataset> datasets,
        DateOnly newest, RetentionPeriods retention, IReadOnlyDictionary<(string, string), double?> storedValues)
    {
        var records = new Dictionary<(string, string), IdentityRecord>(stored.Count + contents.Records.Count);
        var expired = new List<IdentityRecord>();
        foreach (var record in stored)
        {
            if (retention.IsExpired(record, newest))
                expired.Add(record);
            else
                records[record.Key] = record;
        }

        var incomingValues = new Dictionary<IdentityRecord, double?>(ReferenceEqualityComparer.Instance);
        foreach (var pending in contents.Events.Values.SelectMany(events => events).Where(e => e.Value is not null))
            incomingValues[pending.Record] = pending.Value;
        var seen = new HashSet<(string, string)>();
        var newRecords = new List<IdentityRecord>();
        var amended = new List<RecordAmendment>();
        var expiredOnArrival = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in contents.Records)
        {
            if (!datasets.TryGetValue(record.Dataset, out var dataset) || !dataset.Applied)
                continue;
            if (retention.IsExpired(record, newest))
            {
                expiredOnArrival[record.Dataset] = expiredOnArrival.GetValueOrDefault(record.Dataset) + 1;
                continue;
            }
            // A reference given twice in one extract counts once, as first given.
            if (!seen.Add(record.Key))
                continue;
            if (!records.TryGetValue(record.Key, out var current))
            {
                records[record.Key] = record;
                newRecords.Add(record);
                continue;
            }
            var value = incomingValues.GetValueOrDefault(record);
            var changes = RecordComparison.Changes(current, record, storedValues.GetValueOrDefault(record.Key), value);
            if (changes.Count == 0)
                continue;
            // The new version takes the stored one's place; where it is linked and matched is worked out again below.
            record.PersonId = current.PersonId;
            record.MatchProbability = current.MatchProbability;
            if (!RecordComparison.MovesAddress(changes))
                record.MatchedUprn = current.MatchedUprn;
            records[record.Key] = record;
            amended.Add(new RecordAmendment(current, record, changes, value));
        }

        var deleted = new List<IdentityRecord>();
        foreach (var record in stored)
        {
            if (datasets.TryGetValue(record.Dataset, out var dataset) && dataset is { Applied: true, Refresh: Core.ExtractRefresh.FullRefresh }
                && !seen.Contains(record.Key) && records.Remove(record.Key))
                deleted.Add(record);
        }
        return new RefreshedRecords(records, newRecords, new SourceChanges(amended, deleted, expired, expiredOnArrival));
    }
}
