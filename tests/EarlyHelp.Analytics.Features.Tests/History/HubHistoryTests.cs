using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Features.Tests.Support;

namespace EarlyHelp.Analytics.Features.Tests.History;

public sealed class HubHistoryTests
{
    [Fact]
    public void Read_ShuffledHub_FamiliesByIdMembersByIdRecordsByStart()
    {
        var hub = new InMemoryHub(InMemoryHub.Date("2024-12-31")) { ShuffleSeed = 3 };
        var a = hub.Person(5, "1990-01");
        var b = hub.Person(2, "2015-01");
        hub.Member(9, a, FamilyRole.Parent, "2015-01-01").Member(9, b, FamilyRole.Child, "2015-01-01")
            .Member(4, a, FamilyRole.Parent, "2010-01-01", "2014-12-31");
        hub.Record(a, "marac.case", "2023-05-01").Record(a, "police.asb_incident", "2021-01-01").Record(a, "csc.referral", "2022-02-02");

        var read = hub.Read();

        Assert.Equal([4L, 9L], read.Families.Select(f => f.Family.Value));
        Assert.Equal([2L, 5L], read.Find(new FamilyId(9))!.Members.Select(m => m.Person.Value));
        var records = read.Find(new FamilyId(9))!.Members[1].Events.ToArray();
        Assert.Equal(["police.asb_incident", "csc.referral", "marac.case"], records.Select(r => r.Definition.Code));
        // A person in two families has one history, shared by both.
        Assert.True(read.Find(new FamilyId(4))!.Members[0].Events.Span == read.Find(new FamilyId(9))!.Members[1].Events.Span);
        Assert.Equal(3, read.EventCount);
        Assert.Equal(2, read.PersonCount);
        Assert.Null(read.Find(new FamilyId(1)));
    }

    [Fact]
    public void Read_SparsePersonIds_RecordsFindTheirPeople()
    {
        // Ids a trillion apart are kept in a dictionary rather than an array: the result is the same.
        var hub = new InMemoryHub(InMemoryHub.Date("2024-12-31"));
        var near = hub.Person(3, "1990-01");
        var far = hub.Person(1_000_000_000_000, "2015-01");
        hub.Member(1, near, FamilyRole.Parent, "2015-01-01").Member(1, far, FamilyRole.Child, "2015-01-01")
            .Record(far, "csc.referral", "2023-01-01").Record(near, "marac.case", "2023-02-01");

        var members = hub.Read().Families[0].Members;

        Assert.Equal(["marac.case"], members[0].Events.ToArray().Select(r => r.Definition.Code));
        Assert.Equal(["csc.referral"], members[1].Events.ToArray().Select(r => r.Definition.Code));
    }

    [Fact]
    public void Read_RecordOfUnknownPerson_BadInput()
    {
        var hub = new InMemoryHub(InMemoryHub.Date("2024-12-31"));
        hub.Person(1, "1990-01");
        hub.Record(new PersonId(8), "marac.case", "2023-05-01");

        var error = Assert.Throws<BadInputException>(() => hub.Read());

        Assert.Equal("memory: event 1 refers to person 8, who is not in the person table", error.Message);
    }

    [Fact]
    public void Read_RecordOfUnknownDataset_BadInput()
    {
        var hub = new InMemoryHub(InMemoryHub.Date("2024-12-31"));
        hub.Record(hub.Person(1, "1990-01"), "police.parking_ticket", "2023-05-01");

        var error = Assert.Throws<BadInputException>(() => hub.Read());

        Assert.Equal("memory: event 1 has dataset 'police.parking_ticket', which is not in the catalogue", error.Message);
    }

    [Fact]
    public void Read_DuplicatePerson_BadInput()
    {
        var hub = new InMemoryHub(InMemoryHub.Date("2024-12-31"));
        hub.Person(1, "1990-01");
        hub.Person(1, "1991-01");

        var error = Assert.Throws<BadInputException>(() => hub.Read());

        Assert.Equal("memory: person 1 appears more than once in the person table", error.Message);
    }

    [Fact]
    public void Read_MembershipOfUnknownPerson_BadInput()
    {
        var hub = new InMemoryHub(InMemoryHub.Date("2024-12-31"));
        hub.Member(3, new PersonId(6), FamilyRole.Child, "2020-01-01");

        var error = Assert.Throws<BadInputException>(() => hub.Read());

        Assert.Equal("memory: a membership of family 3 refers to person 6, who is not in the person table", error.Message);
    }

    [Fact]
    public void Read_ResidencesKeepTheirArea_OrderedByStart()
    {
        var hub = new InMemoryHub(InMemoryHub.Date("2024-12-31")) { ShuffleSeed = 11 };
        var person = hub.Person(1, "1990-01");
        hub.Member(1, person, FamilyRole.Parent, "2010-01-01").Lives(person, 30, "2020-01-01").Lives(person, 10, "2010-01-01", "2019-12-31");

        var residences = hub.Read().Families[0].Members[0].Residences;

        Assert.Equal([10L, 30L], residences.Select(r => r.Household.Value));
        Assert.All(residences, r => Assert.Equal("E01000001", r.AreaCode));
    }
}
