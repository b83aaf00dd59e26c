using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Identity;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Lifecycle;

/// <summary>What removing a record did.</summary>
/// <param name="Records">Records removed: the one named, and the records that only described its person when nothing else of theirs remains.</param>
/// <param name="PeopleBefore">People in the hub before.</param>
/// <param name="PeopleAfter">People after.</param>
public sealed record RecordRemovalResult(int Records, long PeopleBefore, long PeopleAfter);

/// <summary>
/// An administrator removes a record the hub should never have held (shared in error, about someone outside the council's
/// area, a test record): it is deleted with its event and versions, and people, households, residences and families are
/// rebuilt from the records that remain, as retention does, in one transaction with a <c>record.remove</c> audit entry that
/// names the record and the reason. The agency still holds it: ask them (a data-quality query) to stop sending it, or the
/// next full extract brings it back.
/// </summary>
public static class RecordRemoval
{
    /// <summary>The audit action.</summary>
    public const string Action = "record.remove";

    /// <summary>Removes the record <paramref name="key"/> for <paramref name="reason"/>; <see cref="BadInputException"/> when the hub holds no such record.</summary>
    public static RecordRemovalResult Remove(IHubStore store, (string Dataset, string RecordRef) key, string reason, string actor)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var state = store.ReadIdentityState();
        var record = state.Records.FirstOrDefault(r => r.Key == key)
            ?? throw new BadInputException($"{key.Dataset}/{key.RecordRef}", "the hub holds no such record; nothing was removed");
        // A census entry or a characteristics record only describes its person: with nothing else of theirs left, it goes too.
        var person = state.Records.Where(r => r.PersonId == record.PersonId && r != record).ToArray();
        IdentityRecord[] removed = person.All(RetentionPeriods.DescribesPerson) ? [record, .. person] : [record];
        var gone = removed.ToHashSet(ReferenceEqualityComparer.Instance);
        var peopleBefore = state.Records.Select(r => r.PersonId).Distinct().LongCount();

        var newest = store.ExtractDate ?? throw new BadInputException(store.Name, "the hub records no extract loaded; derived tables are rebuilt as of the newest one");

        using var load = store.BeginLoad();
        load.RemoveRecords(removed);
        var peopleAfter = DerivedRebuild.Replace(load, state, state.Records.Where(r => !gone.Contains(r)).ToArray(), newest);
        load.CommitMaintenance(actor, [(Action, $"{key.Dataset}/{key.RecordRef}", string.Create(CultureInfo.InvariantCulture,
            $"removed as wrongly held, with {removed.Length - 1} record(s) that only described the person: {reason.Trim()}"))]);
        return new RecordRemovalResult(removed.Length, peopleBefore, peopleAfter);
    }
}
