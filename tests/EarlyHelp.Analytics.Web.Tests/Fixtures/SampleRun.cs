using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Web.Tests.Fixtures;

/// <summary>
/// A hand-made scoring run for the panel app, standing in for the scoring command: families 1..N, each a parent
/// and one to three children with synthetic names, and prompts with full evidence (raising and lowering facts
/// over several problems), twelve-month trajectories, agencies and freshness. Seeded, so the same every time.
/// </summary>
public static class SampleRun
{
    /// <summary>The as-of date of the run.</summary>
    public static readonly DateOnly AsOf = new(2024, 3, 1);

    /// <summary>Loads <paramref name="families"/> families into the hub: family f has parent 100f+1 and children 100f+2, ….</summary>
    public static void LoadFamilies(IHubStore store, int families, int seed = 7)
    {
        var random = new Random(seed);
        var people = new List<Person>();
        var identities = new List<PersonIdentity>();
        var memberships = new List<FamilyMembership>();
        var protectedCharacteristics = new List<ProtectedCharacteristics>();
        var since = new DateOnly(2012, 4, 1);
        for (var f = 1; f <= families; f++)
        {
            var family = new FamilyId(f);
            var children = 1 + random.Next(3);
            var ethnicity = ProtectedCodes.Ethnicities[random.Next(ProtectedCodes.Ethnicities.Count)];
            for (var member = 1; member <= children + 1; member++)
            {
                var person = new PersonId(100L * f + member);
                var born = member == 1 ? new DateOnly(1980 + random.Next(12), 1 + random.Next(12), 1 + random.Next(28))
                    : new DateOnly(2008 + random.Next(14), 1 + random.Next(12), 1 + random.Next(28));
                // Family 1 (the top prompt) has fixed dates, so that its ages can be worked out by hand; the draws above still happen.
                if (f == 1)
                    born = FamilyOneBirths[member - 1];
                people.Add(new Person(person, YearMonth.Of(born), null));
                identities.Add(new PersonIdentity(person, $"Forename{person}", $"Surname{f}", born, "ZZ1 1ZZ"));
                memberships.Add(new FamilyMembership(family, person, member == 1 ? FamilyRole.Parent : FamilyRole.Child, since, null));
                if (member > 1)
                    protectedCharacteristics.Add(new ProtectedCharacteristics(person, ProtectedCodes.Sexes[random.Next(2)], ethnicity, random.Next(8) == 0 ? "Y" : "N"));
            }
        }
        using var load = store.BeginLoad();
        load.AddPeople(people.ToArray());
        load.AddIdentities(identities.ToArray());
        load.AddFamilies(Enumerable.Range(1, families).Select(f => new FamilyId(f)).ToArray());
        load.AddFamilyMemberships(memberships.ToArray());
        load.AddProtectedCharacteristics(protectedCharacteristics.ToArray());
        foreach (var group in FamilyOneRecords.GroupBy(r => r.Dataset))
            load.AddEvents(group.Key, group.Select(r => r.Event).ToArray());
        foreach (var group in FamilyOneContacts.GroupBy(c => c.Dataset))
            load.ReplaceContacts(group.Key, group.Select(c => c.Contact).ToArray());
        var at = new DateTimeOffset(2024, 3, 1, 6, 0, 0, TimeSpan.Zero);
        load.Commit(new IngestReport("sample", AsOf, "tests", "1", at, at, []), "tester");
    }

    /// <summary>Family 1's dates of birth: the parent (person 101), then its children (102, 103, …).</summary>
    public static readonly DateOnly[] FamilyOneBirths = [new(1986, 5, 10), new(2016, 2, 20), new(2019, 3, 15), new(2023, 7, 2), new(2012, 9, 9)];

    /// <summary>
    /// Family 1's agency records, around <see cref="AsOf"/> (1 Mar 2024): some open at T, some ended in the 12 months before
    /// it, one ended earlier, one after T, and one of another family's member.
    /// </summary>
    public static readonly (string Dataset, SourceEvent Event)[] FamilyOneRecords =
    [
        // Open at T: an early help episode with no end, and a school term that ends after T.
        ("earlyhelp.assessment", new(new PersonId(102), new DateOnly(2023, 11, 20), null, null, "EH-1")),
        ("school.persistent_absence", new(new PersonId(102), new DateOnly(2024, 1, 8), new DateOnly(2024, 3, 28), 14.5, "SCH-1")),
        // Ended 31 Oct 2023: 4 whole months before 1 Mar 2024 (the fifth is complete only on 31 Mar).
        ("csc.cin_plan", new(new PersonId(102), new DateOnly(2022, 6, 1), new DateOnly(2023, 10, 31), null, "CIN-1")),
        // Ended 15 Dec 2023 and happened 14 Jan 2024: in the 12 months before T.
        ("idva.referral", new(new PersonId(101), new DateOnly(2023, 6, 1), new DateOnly(2023, 12, 15), null, "IDVA-1")),
        ("police.domestic_abuse_incident", new(new PersonId(101), new DateOnly(2024, 1, 14), null, null, "DA-1")),
        // Ended 15 Jan 2023, before 1 Mar 2023: not recent. Happened 5 Mar 2024: after T. Both left out.
        ("housing.asb_case", new(new PersonId(101), new DateOnly(2022, 1, 10), new DateOnly(2023, 1, 15), null, "HASB-1")),
        ("police.asb_incident", new(new PersonId(101), new DateOnly(2024, 3, 5), null, null, "ASB-1")),
        // Family 2's parent: never family 1's.
        ("police.asb_incident", new(new PersonId(201), new DateOnly(2024, 2, 1), null, null, "ASB-2")),
    ];

    /// <summary>
    /// The workers family 1's records name: a key worker for the early help episode and a team without a worker for the
    /// plan; the IDVA referral's source holds contacts but names none; police incidents never name one.
    /// </summary>
    public static readonly (string Dataset, RecordContact Contact)[] FamilyOneContacts =
    [
        ("earlyhelp.assessment", new("EH-1", "Alex Morgan", "Family support worker", "Early help locality team North", "0113 496 0001", "alex.morgan@council.example.org")),
        ("csc.cin_plan", new("CIN-1", null, null, "Children's social work team East", "0113 496 0020", null)),
    ];

    /// <summary>A run whose prompts are families 1..<paramref name="prompts"/>, probabilities falling from 0.82.</summary>
    public static ScoringRunSubmission Submission(int prompts, int capacity, int seed = 11)
    {
        var random = new Random(seed);
        return new ScoringRunSubmission
        {
            Model = new ModelReference("escalation", "2024.1", new string('e', 64)),
            AsOf = AsOf,
            Capacity = capacity,
            CreatedBy = "an.analyst",
            FamiliesScored = 4_812,
            Excluded = new ExclusionCounts(311, 4, 1_906),
            Prompts = Enumerable.Range(1, prompts)
                .Select(f => new ScoredFamily(new FamilyId(f), Math.Round(0.82 * Math.Pow(0.97, f - 1), 4), Content(random)))
                .ToArray(),
        };
    }

    private static PromptContent Content(Random random)
    {
        var evidence = new List<EvidenceItem>();
        var headline = ProblemCategories.Headline;
        foreach (var category in headline.OrderBy(_ => random.Next()).Take(3 + random.Next(3)))
        {
            var count = 1 + random.Next(5);
            var recent = AsOf.AddDays(-3 - random.Next(120));
            evidence.Add(new EvidenceItem(category, Raising(category, count, recent), Math.Round(0.05 + random.NextDouble() * 0.6, 3), recent));
            if (random.Next(3) == 0)
                evidence.Add(new EvidenceItem(category, Lowering(category, recent), -Math.Round(0.05 + random.NextDouble() * 0.3, 3), recent));
        }
        var trajectories = headline.Select(category => new ProblemTrajectory(category, YearMonth.Of(AsOf).AddMonths(-12),
            Enumerable.Range(0, 12).Select(month => random.Next(10) < 3 + month / 4 ? random.Next(1, 4) : 0).ToArray())).ToArray();
        var agencies = new List<AgencyInvolvement> { new("Schools", "School attendance record", new DateOnly(2023, 9, 4)) };
        if (random.Next(2) == 0)
            agencies.Add(new AgencyInvolvement("Early help service", "Early help assessment", AsOf.AddDays(-random.Next(30, 300))));
        var freshness = new[]
        {
            new SourceFreshness("Police", "Domestic abuse incident", AsOf.AddDays(-2), AsOf),
            new SourceFreshness("Schools", "Session absence", AsOf.AddDays(-5), AsOf),
            new SourceFreshness("Housing", "Rent arrears", AsOf.AddDays(-26), AsOf.AddDays(-14)),
            new SourceFreshness("NHS", "A&E attendance", AsOf.AddDays(-1), AsOf),
        };
        return new PromptContent(evidence, trajectories, agencies, freshness);
    }

    private static string Raising(ProblemCategory category, int count, DateOnly recent)
    {
        var date = recent.ToString("d MMM", CultureInfo.InvariantCulture);
        var times = count == 1 ? "" : "s";
        return category switch
        {
            ProblemCategory.DomesticAbuse => $"{count} police call-out{times} for domestic abuse in the last 6 months, most recent {date}",
            ProblemCategory.CrimeAsb => $"{count} anti-social behaviour incident{times} recorded in the last 12 months, most recent {date}",
            ProblemCategory.Education => $"{count} suspension{times} from school this year, most recent {date}; attendance 84% this term",
            ProblemCategory.ChildrenNeedHelp => $"{count} contact{times} to children's social care in the last 12 months, most recent {date}",
            ProblemCategory.WorklessnessFinance => $"Rent arrears in {count + 1} of the last 6 months, most recent notice {date}",
            _ => $"{count} A&E attendance{times} in the last 6 months, most recent {date}",
        };
    }

    private static string Lowering(ProblemCategory category, DateOnly recent) => category switch
    {
        ProblemCategory.DomesticAbuse => $"Independent domestic violence adviser involved since {recent:d MMM}",
        ProblemCategory.Education => "Attendance up from 81% to 93% since the autumn term",
        ProblemCategory.WorklessnessFinance => $"A parent started work on {recent:d MMM}",
        _ => "Registered with a GP; health visitor contacts up to date",
    };
}
