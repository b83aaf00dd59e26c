using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Pipelines.Fairness;

namespace EarlyHelp.Analytics.Pipelines.Tests.Fairness;

public sealed class TruthFamiliesTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"earlyhelp-truth-families-{Guid.NewGuid():N}");

    public TruthFamiliesTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Match_LinkedFamilies_TakeTheTrueFamilyMostMembersBelongTo()
    {
        // Hand-made truth: records A1, A2 are true person 1, A3 is 2, B1 is 3, C1 is 2. True family 7 holds
        // persons 1 and 3, family 8 person 2. The hub wrongly put A3 with A1 and A2 into hub person 100, so 100
        // is true person 1 (two records of three); with 101 (B1, person 3) hub family 10 votes 7, 7: family 7.
        // Hub family 20 holds 103 (C1, person 2): family 8. Hub family 30 holds 102, which has no record in the
        // truth, so it has no true family.
        File.WriteAllText(Path.Combine(folder, "record_people.csv"),
            "dataset,record_id,person_id\nd,A1,1\nd,A2,1\nd,A3,2\nd,B1,3\nd,C1,2\n");
        File.WriteAllText(Path.Combine(folder, RegisterFiles.FamilyMembers.FileName),
            "family_id,person_id,role,start_date,end_date\n7,1,parent,2015-01-01,\n7,3,child,2016-04-01,\n8,2,parent,2015-01-01,\n");
        (string, string, long)[] records = [("d", "A1", 100), ("d", "A2", 100), ("d", "A3", 100), ("d", "B1", 101), ("d", "C1", 103), ("d", "Z9", 102)];

        var matched = TruthFamilies.Match(folder, records, [Family(10, 100, 101), Family(20, 103), Family(30, 102)]);

        Assert.Equal(new Dictionary<long, long> { [10] = 7, [20] = 8 }, matched);
    }

    [Fact]
    public void Match_AtTheAuditDate_TheFamilyItsMembersBelongToThatDayWins()
    {
        // Hand-made truth: a mother (1) grew up in family 5 with her younger brother (3), who is still in it; since 2020 she is a parent in family 9 with her
        // child (6). The hub family 40 holds the mother, her child and, wrongly, her brother 3 (a false link of
        // families). Time-blind, the votes are 5 (mother), 5 (brother), 9 (mother), 9 (child): a tie, to the smaller id,
        // 5. On 2023-06-30 only the mother's membership in 9, her child's in 9 and the brother's in 5 hold, and only
        // the mother and child are members of hub family 40 that day: 9, 9.
        File.WriteAllText(Path.Combine(folder, "record_people.csv"), "dataset,record_id,person_id\nd,M,1\nd,B,3\nd,C,6\n");
        File.WriteAllText(Path.Combine(folder, RegisterFiles.FamilyMembers.FileName),
            "family_id,person_id,role,start_date,end_date\n5,1,child,1995-01-01,2020-01-01\n5,3,child,1998-01-01,\n9,1,parent,2020-01-01,\n9,6,child,2021-03-01,\n");
        (string, string, long)[] records = [("d", "M", 100), ("d", "B", 101), ("d", "C", 102)];
        var family = new FamilyHistory(new FamilyId(40),
        [
            Member(100, new MembershipPeriod(FamilyRole.Parent, new DateOnly(2020, 1, 1), null)),
            Member(101, new MembershipPeriod(FamilyRole.Other, new DateOnly(2019, 1, 1), new DateOnly(2020, 1, 1))),
            Member(102, new MembershipPeriod(FamilyRole.Child, new DateOnly(2021, 3, 1), null)),
        ]);

        Assert.Equal(5, TruthFamilies.Match(folder, records, [family])[40]);
        Assert.Equal(9, TruthFamilies.Match(folder, records, [family], new DateOnly(2023, 6, 30))[40]);
    }

    [Fact]
    public void Characteristics_HubPeople_CarryTheirTruePersonsCharacteristics()
    {
        // Hub person 100 is true person 1 (two of its three records), 101 is true person 3; 102 has no record in the truth.
        File.WriteAllText(Path.Combine(folder, "record_people.csv"), "dataset,record_id,person_id\nd,A1,1\nd,A2,1\nd,A3,2\nd,B1,3\n");
        File.WriteAllText(Path.Combine(folder, RegisterFiles.PeopleProtected.FileName),
            "person_id,sex,ethnicity,disability\n1,F,mixed,N\n2,M,black,N\n3,M,asian,Y\n");
        (string, string, long)[] records = [("d", "A1", 100), ("d", "A2", 100), ("d", "A3", 100), ("d", "B1", 101), ("d", "Z9", 102)];

        var rows = TruthFamilies.Characteristics(folder, TruthFamilies.TruePeople(folder, records)).ProtectedCharacteristics();

        Assert.Equal(
            [new ProtectedCharacteristics(new PersonId(100), "F", "mixed", "N"), new ProtectedCharacteristics(new PersonId(101), "M", "asian", "Y")],
            rows.OrderBy(r => r.Person.Value));
    }

    [Fact]
    public void Match_NoFamilyMembersFile_SaysWhereTheTruthIs()
    {
        File.WriteAllText(Path.Combine(folder, "record_people.csv"), "dataset,record_id,person_id\n");

        var error = Assert.Throws<BadInputException>(() => TruthFamilies.Match(folder, [], []));

        Assert.EndsWith(RegisterFiles.FamilyMembers.FileName, error.File, StringComparison.Ordinal);
    }

    private static MemberHistory Member(long person, MembershipPeriod membership) =>
        new(new PersonId(person), new YearMonth(1990, 1), null, [membership], Array.Empty<HistoryEvent>(), [], OptedOut: false);

    private static FamilyHistory Family(long id, params long[] people) =>
        new(new FamilyId(id), people.Select(p => new MemberHistory(new PersonId(p), new YearMonth(1990, 1), null, [], Array.Empty<HistoryEvent>(), [], OptedOut: false)).ToArray());
}
