using EarlyHelp.Analytics.Linkage.Tests.Support;

namespace EarlyHelp.Analytics.Linkage.Tests.Groups;

public sealed class GroupLinkageTests
{
    private const int Families = 200;

    // Letters only (names keep letters): a distinct made-up name per number.
    private static string Name(string start, int number) =>
        start + (char)('a' + number % 26) + (char)('a' + number / 26 % 26) + "ton";

    private static string Postcode(int family, bool moved) =>
        $"BS{1 + family % 30} {1 + family / 30 % 9}{(moved ? 'X' : 'A')}{(char)('A' + family % 26)}";

    /// <summary>
    /// Per family four records: a parent as a school's contact (no date of birth, the old address) and the pupil of that
    /// row, related to each other; the pupil in the census; the parent as a claimant with a date of birth. In odd
    /// families the parent and child have moved: census and claim at the new address.
    /// </summary>
    private static (List<LinkageRecord> Records, int First) City()
    {
        var records = SmallCity.City.Records.ToList();
        var first = records.Count;
        for (var family = 0; family < Families; family++)
        {
            var moved = family % 2 == 1;
            var surname = Name("Quen", family);
            string parent = Name("Bel", family), child = Name("Tam", family);
            var oldPlace = Postcode(family, moved: false);
            var newPlace = moved ? Postcode(family, moved: true) : oldPlace;
            var at = records.Count;
            records.Add(new LinkageRecord { Source = "contacts", RecordId = $"C{family}", Forename = parent, Surname = surname, Postcode = oldPlace, Address = $"{family + 1} Old Road", RelatedRecords = [at + 1] });
            records.Add(new LinkageRecord { Source = "contacts", RecordId = $"P{family}", Forename = child, Surname = surname, BirthDate = new DateOnly(2014, 1 + family % 12, 1 + family % 28), RelatedRecords = [at] });
            records.Add(new LinkageRecord { Source = "census", RecordId = $"S{family}", Forename = child, Surname = surname, BirthDate = new DateOnly(2014, 1 + family % 12, 1 + family % 28), Postcode = newPlace, Address = moved ? $"{family + 1} New Street" : $"{family + 1} Old Road" });
            records.Add(new LinkageRecord { Source = "benefits", RecordId = $"B{family}", Forename = parent, Surname = surname, BirthDate = new DateOnly(1984, 1 + family % 12, 1 + family % 28), Postcode = newPlace, Address = moved ? $"{family + 1} New Street" : $"{family + 1} Old Road" });
        }
        return (records, first);
    }

    /// <summary>A first linkage of <paramref name="records"/> with the small city's model, and group linkage over it.</summary>
    private static (int[] Before, GroupLinkageResult Grouped, int[] After) Link(List<LinkageRecord> records)
    {
        var pairs = PairScoring.Score(records, SmallCity.Model);
        var before = Linkage.Clustering.Cluster(records, pairs, SmallCity.Model, []);
        var grouped = GroupLinkage.Extend(records, SmallCity.Model, pairs, before, seed: 7);
        return (before, grouped, Linkage.Clustering.Cluster(records, grouped.Pairs, grouped.Model, []));
    }

    [Fact]
    public void Extend_ParentWhoMovedWithoutBirthDate_JoinsTheirClaimWhereTheChildLives()
    {
        var (records, first) = City();

        var (before, grouped, after) = Link(records);

        for (var family = 1; family < Families; family += 2)
        {
            int contact = first + 4 * family, claim = contact + 3;
            // Before: only the names agree (no date of birth on the contact, another address): never even compared.
            Assert.NotEqual(before[contact], before[claim]);
            // After: the pupil the contact is for lives at the claim's postcode.
            Assert.Equal(after[contact], after[claim]);
        }
        Assert.True(grouped.AddedPairs >= Families / 2);
    }

    [Fact]
    public void Extend_SmallCityWithFamilies_LearnsTheComparisonAgreesFarMoreAmongMatches()
    {
        var (records, _) = City();

        var (_, grouped, _) = Link(records);

        var levels = grouped.Model.Comparisons.Single(c => c.Name == "related_person_at_address").Levels;
        // Every family's contact and claim agree (the child lives at the claim's postcode); random pairs almost never do.
        Assert.True(levels[0].M > 0.5, $"m = {levels[0].M}");
        Assert.True(levels[0].U < 0.01, $"u = {levels[0].U}");
    }

    [Fact]
    public void Extend_RecordsAtOnePostcode_LeaveTheComparisonMissing()
    {
        // A family that stayed: contact and claim share the postcode, which the address comparison already counts; the
        // household seen there again would count living together twice, so the group comparison is missing (-1).
        var (records, first) = City();

        var (_, grouped, _) = Link(records);

        var stayed = grouped.Pairs.Single(p => p.Left == first && p.Right == first + 3);
        Assert.Equal(-1, stayed.Levels.Span[^1]);
    }

    [Fact]
    public void Extend_ParentAndNamesakeElsewhere_StayApart()
    {
        // A namesake of a contact at a postcode where none of the contact's related people lived is not a group pair.
        var (records, first) = City();
        records.Add(new LinkageRecord { Source = "benefits", RecordId = "N", Forename = records[first].Forename, Surname = records[first].Surname, BirthDate = new DateOnly(1970, 5, 5), Postcode = "LS6 2AB", Address = "3 Moor Lane" });

        var (_, _, after) = Link(records);

        Assert.NotEqual(after[first], after[^1]);
    }
}
