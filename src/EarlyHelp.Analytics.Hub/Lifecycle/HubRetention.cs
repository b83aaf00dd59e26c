using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Identity;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Lifecycle;

/// <summary>What applying retention removed.</summary>
/// <param name="Newest">The newest extract date records' periods were counted from; null for a hub with nothing loaded.</param>
/// <param name="Expired">Records removed (with their events and versions), per dataset.</param>
/// <param name="PeopleBefore">People in the hub before.</param>
/// <param name="PeopleAfter">People after: those none of whose records remain are gone, with their identities.</param>
/// <param name="Prompts">Prompts past <see cref="RetentionPeriods.PromptMonths"/> removed, with what was made from them.</param>
/// <param name="AuditCut">The cut of the audit trail (entries past <see cref="RetentionPeriods.AuditLogMonths"/>, the reviews removed), or null when it was not cut.</param>
public sealed record RetentionResult(DateOnly? Newest, IReadOnlyList<(string Dataset, int Records)> Expired, long PeopleBefore, long PeopleAfter,
    PromptRemoval Prompts, AuditTrailCut? AuditCut)
{
    /// <summary>Records removed over every dataset.</summary>
    public long Records => Expired.Sum(e => e.Records);
}

/// <summary>What the retention run after a load removed: prompts past their period, and the audit trail's cut (null when not cut).</summary>
/// <param name="Prompts">Prompts removed, with what was made from them.</param>
/// <param name="AuditCut">The cut of the audit trail, or null.</param>
public sealed record LoadRetention(PromptRemoval Prompts, AuditTrailCut? AuditCut);

/// <summary>
/// <c>earlyhelp retention apply</c>: removes from a hub every record past its retention period (counted from the newest
/// extract date), rebuilds people, identities, households, residences and families from the records that remain
/// (without linking again: ids stay as they are), removes prompts past their period with their reviews, next steps and
/// data-quality queries, and cuts the audit log's entries past its own period, all in one transaction. The audit log
/// records each deletion's kind and count, never what was deleted. Ingest does the same for records at every load.
/// </summary>
public static class HubRetention
{
    /// <summary>The action of the summary audit entry.</summary>
    public const string Action = "retention.apply";

    /// <summary>
    /// Applies <paramref name="periods"/> to <paramref name="store"/> on behalf of <paramref name="actor"/>. The audit trail is
    /// verified first: a trail that does not verify is not cut (the cut would remove the evidence), and nothing is deleted.
    /// </summary>
    public static RetentionResult Apply(IHubStore store, string actor, RetentionPeriods? periods = null, TimeProvider? clock = null)
    {
        periods ??= RetentionPeriods.Default;
        clock ??= TimeProvider.System;
        if (periods.Validate().FirstOrDefault() is { } problem)
            throw new ArgumentException(problem, nameof(periods));
        if (store.AuditLog.Verify() is { IsIntact: false } verification)
        {
            throw new BadInputException(store.Name, string.Create(CultureInfo.InvariantCulture,
                $"the audit trail does not verify (entry {verification.FirstBrokenId}: {verification.Problem}): retention deletes nothing until it is investigated, since cutting the trail would remove the evidence"));
        }
        var newest = store.ExtractDate;
        var state = store.ReadIdentityState();
        var expired = newest is { } date ? WithOrphanedDescriptions(state.Records, state.Records.Where(r => periods.IsExpired(r, date)).ToArray()) : [];
        var byDataset = expired.CountBy(r => r.Dataset).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)).ToArray();
        var now = clock.GetUtcNow();
        var promptCutoff = now.AddMonths(-periods.PromptMonths);

        using var load = store.BeginLoad();
        load.RemoveRecords(expired);
        var decisions = load.ForgetClericalPairs(expired);
        long peopleBefore = state.Records.Select(r => r.PersonId).Distinct().LongCount(), peopleAfter = peopleBefore;
        if (expired.Length > 0)
        {
            var removed = expired.ToHashSet(ReferenceEqualityComparer.Instance);
            var remaining = state.Records.Where(r => !removed.Contains(r)).ToArray();
            peopleAfter = DerivedRebuild.Replace(load, state, remaining, newest!.Value);
        }
        var prompts = load.RemovePrompts(promptCutoff);
        var entries = RetentionAudit.Entries(byDataset).ToList();
        entries.Add((Action, "hub", string.Create(CultureInfo.InvariantCulture,
            $"{expired.Length} records past retention deleted ({peopleBefore - peopleAfter} people no longer in any source removed, {decisions} clerical decisions about them); {RetentionAudit.Prompts(prompts, promptCutoff)}")));
        var cut = load.CommitMaintenance(actor, entries, now.AddMonths(-periods.AuditLogMonths));
        return new RetentionResult(newest, byDataset, peopleBefore, peopleAfter, prompts, cut);
    }

    /// <summary>
    /// After a load, by the periods the load used: removes prompts past their period and cuts the audit log, in their own
    /// transaction, writing nothing when nothing is due. Null, and nothing done, when the trail does not verify: the load
    /// stands, and <see cref="Apply"/> says what is wrong.
    /// </summary>
    public static LoadRetention? ApplyAfterLoad(IHubStore store, string actor, RetentionPeriods periods, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(clock);
        if (!store.AuditLog.Verify().IsIntact)
            return null;
        var now = clock.GetUtcNow();
        var promptCutoff = now.AddMonths(-periods.PromptMonths);
        using var load = store.BeginLoad();
        var prompts = load.RemovePrompts(promptCutoff);
        List<(string, string, string)> entries = prompts.Prompts > 0 || prompts.ComparisonFamilies > 0 ? [(Action, "hub", RetentionAudit.Prompts(prompts, promptCutoff))] : [];
        var cut = load.CommitMaintenance(actor, entries, now.AddMonths(-periods.AuditLogMonths));
        return new LoadRetention(prompts, cut);
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
