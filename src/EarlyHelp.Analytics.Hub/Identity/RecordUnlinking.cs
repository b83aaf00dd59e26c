using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Lifecycle;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Linkage;

namespace EarlyHelp.Analytics.Hub.Identity;

/// <summary>What unlinking a record did.</summary>
/// <param name="FormerPerson">The person the record was linked to.</param>
/// <param name="NewPerson">The person it stands for now, alone.</param>
/// <param name="Decisions">Clerical "different" decisions recorded, one per other record of the former person.</param>
public sealed record RecordUnlinkResult(long FormerPerson, long NewPerson, int Decisions);

/// <summary>
/// An administrator takes a wrongly linked record out of its person, through the clerical decisions of
/// <see cref="ClericalReview"/>: a "different" decision between the record and each other record of its person (each
/// audited with the reason), so that no later linkage joins them again; then, at once, the record becomes a person of its
/// own and people, households and families are rebuilt, with a <c>record.unlink</c> audit entry. The decisions are stored
/// first: if the rebuild failed, they would still split the person at the next load.
/// </summary>
public static class RecordUnlinking
{
    /// <summary>The audit action.</summary>
    public const string Action = "record.unlink";

    /// <summary>Unlinks <paramref name="key"/> from its person for <paramref name="reason"/>; <see cref="BadInputException"/> when no such record, or it is its person's only record.</summary>
    public static RecordUnlinkResult Unlink(IHubStore store, (string Dataset, string RecordRef) key, string reason, string actor)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var subject = $"{key.Dataset}/{key.RecordRef}";
        var state = store.ReadIdentityState();
        var record = state.Records.FirstOrDefault(r => r.Key == key)
            ?? throw new BadInputException(subject, "the hub holds no such record; nothing was unlinked");
        var others = state.Records.Where(r => r.PersonId == record.PersonId && r != record).ToArray();
        if (others.Length == 0)
            throw new BadInputException(subject, "the record is its person's only record: it is linked to no other; nothing was unlinked");
        foreach (var other in others)
            store.ClericalReview.Decide(record.Key, other.Key, ClericalDecision.Different, reason.Trim(), actor);

        var former = record.PersonId;
        var newest = store.ExtractDate ?? throw new BadInputException(store.Name, "the hub records no extract loaded; derived tables are rebuilt as of the newest one");
        record.PersonId = state.FirstUnusedPerson;
        using var load = store.BeginLoad();
        load.UpdateLinks([record]);
        DerivedRebuild.Replace(load, state, state.Records, newest);
        load.CommitMaintenance(actor, [(Action, subject, string.Create(CultureInfo.InvariantCulture,
            $"taken out of person {former} (now person {record.PersonId}), kept apart from its {others.Length} other record(s): {reason.Trim()}"))]);
        return new RecordUnlinkResult(former, record.PersonId, others.Length);
    }
}
