using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Pipelines.Tests.Scoring;

/// <summary>
/// Seven families written out by hand, extracted on 2024-12-31, scored at T = 2025-01-01. Members joined on 2015-01-01.
/// <list type="bullet">
/// <item>Family 1: parent 11 (born 1985-03), child 12 (born 2015-06). 11 has an out-of-work benefit claim from 2024-06-01,
/// still open, and a police domestic abuse call-out on 2024-11-20. Eligible.</item>
/// <item>Family 2: parent 21, child 22; 22 is on the opt-out register. Opted out.</item>
/// <item>Family 3: two adults, 31 (born 1970-01) and 32 (born 1972-01). No dependent child.</item>
/// <item>Family 4: parent 41, child 42 (born 2012-02) on a Child Protection plan from 2024-09-01, still open. Already statutory.</item>
/// <item>Family 5: parent 51, child 52 (born 2018-08) whose Child in Need plan ran 2022-01-01 to 2022-12-31. Eligible: the plan has ended.</item>
/// <item>Family 6: parent 61 on the opt-out register and adult 62 (born 1995-01), no child. Opted out: the first reason that applies.</item>
/// <item>Family 7: person 71, a member from 2010-01-01 to 2019-12-31 only. No members at T, so not a family then, and not counted.</item>
/// </list>
/// So 2 families are scored, 1 is excluded as already statutory, 2 as opted out and 1 for want of a dependent child.
/// </summary>
internal static class HandBuiltHub
{
    /// <summary>The extract date.</summary>
    public static readonly DateOnly ExtractDate = new(2024, 12, 31);

    /// <summary>Creates the hub in a new folder, with the trained city's model registered as champion; returns its path.</summary>
    public static string Create()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("earlyhelp-scoring-hand-").FullName, "hub.db");
        using var store = HubStore.Open(path);
        var since = new DateOnly(2015, 1, 1);
        Person[] people =
        [
            new(new(11), new(1985, 3), null), new(new(12), new(2015, 6), null),
            new(new(21), new(1986, 1), null), new(new(22), new(2016, 1), null),
            new(new(31), new(1970, 1), null), new(new(32), new(1972, 1), null),
            new(new(41), new(1984, 1), null), new(new(42), new(2012, 2), null),
            new(new(51), new(1990, 1), null), new(new(52), new(2018, 8), null),
            new(new(61), new(1975, 1), null), new(new(62), new(1995, 1), null),
            new(new(71), new(1980, 1), null),
        ];
        FamilyMembership Member(long family, long person, FamilyRole role) => new(new(family), new(person), role, since, null);
        FamilyMembership[] memberships =
        [
            Member(1, 11, FamilyRole.Parent), Member(1, 12, FamilyRole.Child),
            Member(2, 21, FamilyRole.Parent), Member(2, 22, FamilyRole.Child),
            Member(3, 31, FamilyRole.Parent), Member(3, 32, FamilyRole.Other),
            Member(4, 41, FamilyRole.Parent), Member(4, 42, FamilyRole.Child),
            Member(5, 51, FamilyRole.Parent), Member(5, 52, FamilyRole.Child),
            Member(6, 61, FamilyRole.Parent), Member(6, 62, FamilyRole.Other),
            new(new(7), new(71), FamilyRole.Parent, new DateOnly(2010, 1, 1), new DateOnly(2019, 12, 31)),
        ];
        using (var load = store.BeginLoad())
        {
            load.AddPeople(people);
            load.AddFamilies(Enumerable.Range(1, 7).Select(f => new FamilyId(f)).ToArray());
            load.AddFamilyMemberships(memberships);
            load.AddEvents("dwp.out_of_work_benefit", [new SourceEvent(new(11), new DateOnly(2024, 6, 1), null, null, "dwp-1")]);
            load.AddEvents("police.domestic_abuse_incident", [new SourceEvent(new(11), new DateOnly(2024, 11, 20), null, null, "police-1")]);
            load.AddEvents(DatasetCatalogue.ChildProtectionPlan, [new SourceEvent(new(42), new DateOnly(2024, 9, 1), null, null, "csc-1")]);
            load.AddEvents(DatasetCatalogue.ChildInNeedPlan, [new SourceEvent(new(52), new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31), null, "csc-2")]);
            var at = new DateTimeOffset(2025, 1, 1, 6, 0, 0, TimeSpan.Zero);
            static IngestedFile File(string dataset) => new($"{dataset}.csv", dataset, "event", new string('0', 64), 1, new LoadCounts(1, 0, 0), 0);
            load.Commit(new IngestReport("hand", ExtractDate, "tests", "1", at, at,
                [File("dwp.out_of_work_benefit"), File("police.domestic_abuse_incident"), File(DatasetCatalogue.ChildProtectionPlan), File(DatasetCatalogue.ChildInNeedPlan)]), "tester");
        }
        store.OptOuts.Add(new PersonId(22), "objects to processing", "tester");
        store.OptOuts.Add(new PersonId(61), "objects to processing", "tester");
        TrainedCity.RegisterChampion(store);
        return path;
    }
}
