using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Pipelines.Fairness;

namespace EarlyHelp.Analytics.Pipelines.Tests.Fairness;

public sealed class FamilyGroupsTests
{
    private static readonly DateOnly AsOf = new(2024, 6, 30);

    [Fact]
    public void Build_FamilyOfTwoChildren_GroupsFromTheChildrenAtT()
    {
        // Parent 1 (disabled) and children 2 (Black girl) and 3 (Mixed boy), all living in household 7 (IMD decile 2,
        // quintile 1). Person 4, a child who left before T, is Asian and must not count.
        var family = new FamilyHistory(new FamilyId(1),
        [
            Member(1, 1985, FamilyRole.Parent, household: 7),
            Member(2, 2015, FamilyRole.Child, household: 7),
            Member(3, 2017, FamilyRole.Child, household: 7),
            Member(4, 2012, FamilyRole.Child, household: 7, left: new DateOnly(2023, 1, 1)),
        ]);
        var characteristics = new Characteristics(
        [
            new(new PersonId(1), "F", "white_british", "Y"), new(new PersonId(2), "F", "black", "N"),
            new(new PersonId(3), "M", "mixed", "N"), new(new PersonId(4), "M", "asian", "N"),
        ]);

        var groups = FamilyGroups.Build([new AuditedFamily(family, AsOf)], characteristics, [new Household(new HouseholdId(7), "1", "E01", 2, "social_rent")]);

        Assert.Equal(
            ["multiple", "girls and boys", "disabled member", "IMD quintile 1 (most deprived)", "multiple, IMD quintiles 1-2"],
            groups.Select(g => g.Values[0]));
        Assert.Equal([FamilyGroups.Ethnicity, FamilyGroups.Sex, FamilyGroups.Disability, FamilyGroups.Deprivation, FamilyGroups.EthnicityByDeprivation], groups.Select(g => g.Name));
    }

    [Fact]
    public void Build_ChildrenNotInTheRegister_NotRecorded()
    {
        // A child whose characteristics were never recorded, living in household 8 (decile 9, quintile 5); the
        // parent, recorded, is not disabled.
        var family = new FamilyHistory(new FamilyId(2), [Member(5, 1990, FamilyRole.Parent, household: 8), Member(6, 2020, FamilyRole.Child, household: 8)]);
        var characteristics = new Characteristics([new(new PersonId(5), "M", "asian", "N")]);

        var groups = FamilyGroups.Build([new AuditedFamily(family, AsOf)], characteristics, [new Household(new HouseholdId(8), "2", "E02", 9, "owner")]);

        Assert.Equal(
            ["not recorded", "not recorded", "no disabled member", "IMD quintile 5 (least deprived)", "not recorded, IMD quintiles 3-5"],
            groups.Select(g => g.Values[0]));
    }

    private static MemberHistory Member(long person, int birthYear, FamilyRole role, long household, DateOnly? left = null) => new(
        new PersonId(person), new YearMonth(birthYear, 3), null,
        [new MembershipPeriod(role, new DateOnly(2020, 1, 1), left)],
        ReadOnlyMemory<HistoryEvent>.Empty,
        [new ResidencePeriod(new HouseholdId(household), "E01", new DateOnly(2020, 1, 1), left)],
        false);

    private sealed class Characteristics(IReadOnlyList<ProtectedCharacteristics> rows) : IProtectedCharacteristicsReader
    {
        public IEnumerable<ProtectedCharacteristics> ProtectedCharacteristics() => rows;
    }
}
