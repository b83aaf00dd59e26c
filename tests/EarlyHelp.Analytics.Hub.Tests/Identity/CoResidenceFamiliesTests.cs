using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Identity;

namespace EarlyHelp.Analytics.Hub.Tests.Identity;

/// <summary>
/// One small hand-made case per rule of <see cref="CoResidenceFamilies"/>; each expected membership is worked out by
/// hand from the rule: childhood runs from the first day of the birth month to the same day 18 years later, cut to
/// start at the child's first record.
/// </summary>
public sealed class CoResidenceFamiliesTests
{
    private const long Mother = 1, Sibling = 10, Child = 11;
    private static readonly DateOnly From2015 = new(2015, 1, 1);

    /// <summary>A relationship family: a mother and the older sibling living with her at H since 2015.</summary>
    private static readonly DerivedFamily MothersFamily = new(Mother,
        [(Sibling, FamilyRole.Child, new Period(From2015, null)), (Mother, FamilyRole.Parent, new Period(From2015, null))]);

    [Fact]
    public void Extend_RelationshipStillHeldButAddressesDisagree_ChildJoinsTheCarersFamily()
    {
        // The source still relates the child to the mother (open since 2015) but the child's only address record is a
        // stale one at H2, so relationships alone place the child nowhere. Born 2010-01, first recorded 2015-01-01:
        // childhood from 2015-01-01 to 2028-01-01, all of it under the open relationship.
        var residences = Residences((Mother, "H", From2015, null), (Sibling, "H", From2015, null), (Child, "H2", From2015, null));
        CarerLink[] links = [new(Child, Mother, CarerRelationship.Mother, new Period(From2015, null))];

        var families = CoResidenceFamilies.Extend([MothersFamily], links, residences, People((Child, "2010-01", From2015), (Sibling, "2008-05", From2015), (Mother, "1985-02", From2015)));

        var family = Assert.Single(families);
        Assert.Contains((Child, FamilyRole.Child, new Period(From2015, new DateOnly(2028, 1, 1))), family.Members);
    }

    [Fact]
    public void Extend_ChildLivesWithTheCarerOfASibling_ChildJoinsThatFamily()
    {
        // No relationship record for the younger child (born 2019-06, first recorded 2020-02-01 at H, where the mother
        // is a parent of the sibling's family): a child of that family from 2020-02-01 to the 18th birthday 2037-06-01.
        var firstRecord = new DateOnly(2020, 2, 1);
        var residences = Residences((Mother, "H", From2015, null), (Sibling, "H", From2015, null), (Child, "H", firstRecord, null));

        var families = CoResidenceFamilies.Extend([MothersFamily], [], residences, People((Child, "2019-06", firstRecord), (Sibling, "2008-05", From2015), (Mother, "1985-02", From2015)));

        var family = Assert.Single(families);
        Assert.Equal(Mother, family.PrimaryCarer);
        Assert.Contains((Child, FamilyRole.Child, new Period(firstRecord, new DateOnly(2037, 6, 1))), family.Members);
    }

    [Fact]
    public void Extend_AdultOfParentAgeThenNobody_FamilyAroundTheAdultThenOneOfTheChildsOwn()
    {
        // At H, no relationship anywhere. Adult 1 (born 1990-05) lives there 2017 to 2022; person 2 (born 1940-01, 78
        // years older than the child: too old) throughout; the child 11 (born 2018-03) from 2019; person 12 (born
        // 2005-01, 13 years older than the child and under 18 until 2023-01-01) from 2019.
        // Child 11: with adult 1 from 2019-01-01 to 2022-01-01 (gap 27 years: parent age), then alone at H until the
        // 18th birthday 2036-03-01. Person 12: adult 1 is 14 years 8 months older (under 16) and person 2 65 years
        // (over 60), so a family of their own from 2019-01-01 to 2023-01-01.
        const long Adult = 1, Elder = 2, Teenager = 12;
        DateOnly from2019 = new(2019, 1, 1), to2022 = new(2022, 1, 1);
        var residences = Residences((Adult, "H", new DateOnly(2017, 1, 1), to2022), (Elder, "H", new DateOnly(2000, 1, 1), null),
            (Child, "H", from2019, null), (Teenager, "H", from2019, null));
        var people = People((Adult, "1990-05", new DateOnly(2017, 1, 1)), (Elder, "1940-01", new DateOnly(2000, 1, 1)),
            (Child, "2018-03", from2019), (Teenager, "2005-01", from2019));

        var families = CoResidenceFamilies.Extend([], [], residences, people);

        DerivedFamily[] expected =
            [
                new DerivedFamily(Adult, [(Child, FamilyRole.Child, new Period(from2019, to2022)), (Adult, FamilyRole.Parent, new Period(from2019, to2022))]),
                new DerivedFamily(Child, [(Child, FamilyRole.Child, new Period(to2022, new DateOnly(2036, 3, 1)))]),
                new DerivedFamily(Teenager, [(Teenager, FamilyRole.Child, new Period(from2019, new DateOnly(2023, 1, 1)))]),
            ];
        Assert.Equal(expected, families, new DerivedFamilyComparer());
    }

    [Fact]
    public void Extend_ChildWithNoResidence_FamilyOfTheirOwnFromTheFirstRecord()
    {
        // Born 2012-07, first recorded 2021-05-03, no address matched: alone from 2021-05-03 to 2030-07-01.
        var families = CoResidenceFamilies.Extend([], [], Residences(), People((Child, "2012-07", new DateOnly(2021, 5, 3))));

        Assert.Equal([(Child, FamilyRole.Child, new Period(new DateOnly(2021, 5, 3), new DateOnly(2030, 7, 1)))], Assert.Single(families).Members);
    }

    [Fact]
    public void Extend_ChildAlreadyInARelationshipFamily_NothingChanges()
    {
        var residences = Residences((Mother, "H", From2015, null), (Sibling, "H", From2015, null));

        var families = CoResidenceFamilies.Extend([MothersFamily], [], residences, People((Sibling, "2008-05", From2015), (Mother, "1985-02", From2015)));

        Assert.Same(MothersFamily, Assert.Single(families));
    }

    [Theory]
    [InlineData("2002-03", true)]   // exactly 16 years older
    [InlineData("2002-04", false)]  // one month short of 16
    [InlineData("1958-03", true)]   // exactly 60 years older
    [InlineData("1958-02", false)]  // one month over 60
    [InlineData(null, true)]        // unknown age: the hub reads the person as an adult
    public void IsOfParentAge_ChildBornMarch2018_SixteenToSixtyYearsOlder(string? adult, bool expected)
    {
        Assert.Equal(expected, CoResidenceFamilies.IsOfParentAge(new YearMonth(2018, 3), adult is null ? null : Month(adult)));
    }

    [Fact]
    public void Except_CutsInTheMiddleAndAtTheEnd_LeavesTheDaysBetween()
    {
        // [2020-01-01, open) less [2021-01-01, 2022-01-01) and [2023-01-01, open): [2020, 2021) and [2022, 2023).
        var left = new Period(new DateOnly(2020, 1, 1), null).Except([new Period(new DateOnly(2021, 1, 1), new DateOnly(2022, 1, 1)), new Period(new DateOnly(2023, 1, 1), null)]);

        Assert.Equal([new Period(new DateOnly(2020, 1, 1), new DateOnly(2021, 1, 1)), new Period(new DateOnly(2022, 1, 1), new DateOnly(2023, 1, 1))], left);
    }

    private static Dictionary<long, IReadOnlyList<(string Uprn, Period Period)>> Residences(params (long Person, string Uprn, DateOnly Start, DateOnly? End)[] rows) =>
        rows.GroupBy(r => r.Person).ToDictionary(g => g.Key, g => (IReadOnlyList<(string, Period)>)g.Select(r => (r.Uprn, new Period(r.Start, r.End))).ToArray());

    private static Dictionary<long, PersonDates> People(params (long Person, string BirthMonth, DateOnly FirstRecorded)[] rows) =>
        rows.ToDictionary(r => r.Person, r => new PersonDates(Month(r.BirthMonth), r.FirstRecorded));

    private static YearMonth Month(string text) => YearMonth.TryParse(text, out var month) ? month : throw new FormatException(text);

    /// <summary>Families equal by carer and members in order (records compare lists by reference).</summary>
    private sealed class DerivedFamilyComparer : IEqualityComparer<DerivedFamily>
    {
        public bool Equals(DerivedFamily? x, DerivedFamily? y) => x is not null && y is not null && x.PrimaryCarer == y.PrimaryCarer && x.Members.SequenceEqual(y.Members);

        public int GetHashCode(DerivedFamily obj) => obj.PrimaryCarer.GetHashCode();
    }
}
