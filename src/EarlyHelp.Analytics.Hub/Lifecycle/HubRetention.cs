using System.Globalization;
using EarlyHelp.Analytics.Hub.Identity;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Lifecycle;

/// <summary>What applying retention removed.</summary>
/// <param name="Newest">The newest extract date records' periods were counted from; null for a hub with nothing loaded.</param>
/// <param name="Expired">Records removed (with their events and versions), per dataset.</param>
/// <param name="PeopleBefore">People in the hub before.</param>
/// <param name="PeopleAfter">People after: those none of whose records remain are gone, with their identities.</param>
/// <param name="Prompts">Unreviewed prompts of scoring runs past <see cref="RetentionPeriods.PromptMonths"/>, removed.</param>
/// <param name="ReviewedPromptsKept">Reviewed prompts past the period, kept (their reviews are links of the audit trail's chain).</param>
public sealed record RetentionResult(DateOnly? Newest, IReadOnlyList<(string Dataset, int Records)> Expired, long PeopleBefore, long PeopleAfter,
    long Prompts, long ReviewedPromptsKept)
{
    /// <summary>Records removed over every dataset.</summary>
    public long Records => Expired.Sum(e => e.Records);
}

/// <summary>
/// <c>earlyhelp retention apply</c>: removes from a hub every record past its retention period (counted from the newest
/// extract date), rebuilds people, identities, households, residences and families from the records that remain
/// (without linking again: ids stay as they are), and removes unreviewed prompts past their period, all in one
/// transaction. The audit log records each deletion's dataset and count, never what was deleted. Ingest does the same
/// for records at every load.
/// </summary>
public static class HubRetention
{
    /// <summary>The action of the summary audit entry.</summary>
    public const string Action = "retention.apply";

    /// <summary>Applies <paramref name="periods"/> to <paramref name="store"/> on behalf of <paramref name="actor"/>.</summary>
    public static RetentionResult Apply(IHubStore store, string actor, RetentionPeriods? periods = null, TimeProvider? clock = null)
    {
        periods ??= RetentionPeriods.Default;
        clock ??= TimeProvider.System;
        if (periods.Validate().FirstOrDefault() is { } problem)
            throw new ArgumentException(problem, nameof(periods));
        var newest = store.ExtractDate;
        var state = store.ReadIdentityState();
        var expired = newest is { } date ? WithOrphanedDescriptions(state.Records, state.Records.Where(r => periods.IsExpired(r, date)).ToArray()) : [];
        var byDataset = expired.CountBy(r => r.Dataset).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)).ToArray();
        var promptCutoff = clock.GetUtcNow().AddMonths(-periods.PromptMonths);

        using var load = store.BeginLoad();
        load.RemoveRecords(expired);
        long peopleBefore = state.Records.Select(r => r.PersonId).Distinct().LongCount(), peopleAfter = peopleBefore;
        if (expired.Length > 0)
        {
            var removed = expired.ToHashSet(ReferenceEqualityComparer.Instance);
            var remaining = state.Records.Where(r => !removed.Contains(r)).ToArray();
            peopleAfter = DerivedRebuild.Replace(load, state, remaining, newest!.Value);
        }
        var (prompts, reviewedKept) = load.RemovePromptsBefore(promptCutoff);
        var entries = RetentionAudit.Entries(byDataset).ToList();
        entries.Add((Action, "hub", string.Create(CultureInfo.InvariantCulture,
            $"{expired.Length} records past retention deleted ({peopleBefore - peopleAfter} people no longer in any source removed); {prompts} unreviewed prompts of runs before {promptCutoff:yyyy-MM-dd} deleted, {reviewedKept} reviewed ones kept")));
        load.CommitMaintenance(actor, entries);
        return new RetentionResult(newest, byDataset, peopleBefore, peopleAfter, prompts, reviewedKept);
    }

    // The expired records, and the records that only describe a person (a census entry, a characteristics record) of
    // each person who lost records here and has nothing else left: such a person is in no source any more.
    private static IdentityRecord[] WithOrphanedDescriptions(IReadOnlyList<IdentityRecord> records, IdentityRecord[] expired)
    {
        var removed = expired.ToHashSet(ReferenceEqualityComparer.Instance);
        var losing = expired.Select(r => r.PersonId).ToHashSet();
        var orphaned = records.Where(r => losing.Contains(r.PersonId) && !removed.Contains(r)).GroupBy(r => r.PersonId)
            .Where(person => person.All(RetentionPeriods.DescribesPerson)).SelectMany(person => person);
        return [.. expired, .. orphaned];
    }
}
