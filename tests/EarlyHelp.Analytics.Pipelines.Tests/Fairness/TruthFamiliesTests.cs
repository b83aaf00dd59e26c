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
    public void Match_NoFamilyMembersFile_SaysWhereTheTruthIs()
    {
        File.WriteAllText(Path.Combine(folder, "record_people.csv"), "dataset,record_id,person_id\n");

        var error = Assert.Throws<BadInputException>(() => TruthFamilies.Match(folder, [], []));

        Assert.EndsWith(RegisterFiles.FamilyMembers.FileName, error.File, StringComparison.Ordinal);
    }

    private static FamilyHistory Family(long id, params long[] people) =>
        new(new FamilyId(id), people.Select(p => new MemberHistory(new PersonId(p), new YearMonth(1990, 1), null, [], Array.Empty<HistoryEvent>(), [], OptedOut: false)).ToArray());
}
