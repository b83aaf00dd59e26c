using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Tests.Prompts;

/// <summary>
/// Three hand-made families for the prompt store tests, as of 1 March 2024:
/// family 10 — parent 1, children 2 and 3 (white_british, child 3 disabled);
/// family 20 — parent 4, child 5 (left on 1 Jan 2024), child 6 (joined 1 Apr 2024, after the as-of date), child 9 (asian);
/// family 30 — parent 7, child 8 (black).
/// </summary>
internal static class PanelFamilies
{
    public static readonly DateOnly AsOf = new(2024, 3, 1);
    public static readonly FamilyId First = new(10), Second = new(20), Third = new(30);

    public static void Load(IHubStore store)
    {
        using var load = store.BeginLoad();
        load.AddPeople(People());
        load.AddIdentities(Identities());
        load.AddFamilies([First, Second, Third]);
        load.AddFamilyMemberships(Memberships(family => family));
        load.AddProtectedCharacteristics(Protected());
        var at = new DateTimeOffset(2024, 3, 1, 6, 0, 0, TimeSpan.Zero);
        load.Commit(new IngestReport("fixture", AsOf, "tests", "1", at, at, []), "tester");
    }

    /// <summary>
    /// A later load that derives the same people and memberships afresh, the families under the ids <paramref name="renumber"/>
    /// gives them, as a load may when families are formed again.
    /// </summary>
    public static void LoadRenumbered(IHubStore store, Func<FamilyId, FamilyId> renumber)
    {
        using var load = store.BeginLoad();
        load.ReplaceDerived(new EarlyHelp.Analytics.Hub.Identity.DerivedHub(People(), Protected(), Identities(), [], [], [First, Second, Third],
            Memberships(renumber), []));
        var at = new DateTimeOffset(2024, 6, 1, 6, 0, 0, TimeSpan.Zero);
        load.Commit(new IngestReport("renumbered", new DateOnly(2024, 5, 31), "tests", "1", at, at, []), "tester");
    }

    private static Person[] People() =>
        Enumerable.Range(1, 9).Select(id => new Person(new PersonId(id), new YearMonth(id is 1 or 4 or 7 ? 1985 : 2014, id), null)).ToArray();

    private static PersonIdentity[] Identities() => Enumerable.Range(1, 9).Where(id => id != 8)
        .Select(id => new PersonIdentity(new PersonId(id), $"Forename{id}", $"Surname{id}", new DateOnly(id is 1 or 4 or 7 ? 1985 : 2014, id, 1), "AB1 2CD"))
        .ToArray();

    private static FamilyMembership[] Memberships(Func<FamilyId, FamilyId> renumber)
    {
        var since = new DateOnly(2015, 1, 1);
        FamilyId first = renumber(First), second = renumber(Second), third = renumber(Third);
        return
        [
            new(first, new PersonId(1), FamilyRole.Parent, since, null),
            new(first, new PersonId(2), FamilyRole.Child, since, null),
            new(first, new PersonId(3), FamilyRole.Child, since, null),
            new(second, new PersonId(4), FamilyRole.Parent, since, null),
            new(second, new PersonId(5), FamilyRole.Child, since, new DateOnly(2024, 1, 1)),
            new(second, new PersonId(6), FamilyRole.Child, new DateOnly(2024, 4, 1), null),
            new(second, new PersonId(9), FamilyRole.Child, since, null),
            new(third, new PersonId(7), FamilyRole.Parent, since, null),
            new(third, new PersonId(8), FamilyRole.Child, since, null),
        ];
    }

    private static ProtectedCharacteristics[] Protected() =>
    [
        new(new PersonId(2), "F", "white_british", "N"),
        new(new PersonId(3), "M", "white_british", "Y"),
        new(new PersonId(5), "M", "black", "N"),
        new(new PersonId(9), "F", "asian", "N"),
        new(new PersonId(8), "M", "black", "N"),
    ];

    public static PromptContent Content(string fact) => new(
        [
            new(ProblemCategory.DomesticAbuse, fact, 0.8, new DateOnly(2024, 2, 12)),
            new(ProblemCategory.Education, "Attendance 97% this term", -0.3, new DateOnly(2024, 2, 28)),
        ],
        [new(ProblemCategory.DomesticAbuse, new YearMonth(2023, 9), [0, 0, 1, 0, 1, 1])],
        [new("Early help service", "Early help assessment", new DateOnly(2023, 11, 20))],
        [new("Police", "Domestic abuse incident", new DateOnly(2024, 2, 27), new DateOnly(2024, 3, 1))]);

    /// <summary>Prompts for families 10, 20 and 30 with probabilities 0.62, 0.31 and 0.12 (very high, high, moderate).</summary>
    public static ScoringRunSubmission Submission(int capacity = 3) => new()
    {
        Model = new ModelReference("escalation", "2024.1", new string('c', 64)),
        AsOf = AsOf,
        Capacity = capacity,
        CreatedBy = "an.analyst",
        FamiliesScored = 40,
        Excluded = new ExclusionCounts(2, 1, 5),
        Prompts =
        [
            new(First, 0.62, Content("3 police call-outs for domestic abuse in the last 6 months, most recent 12 Feb")),
            new(Second, 0.31, Content("1 police call-out for domestic abuse in the last 6 months, most recent 3 Feb")),
            new(Third, 0.12, Content("1 MARAC referral in the last 12 months, most recent 12 Feb")),
        ],
    };
}
