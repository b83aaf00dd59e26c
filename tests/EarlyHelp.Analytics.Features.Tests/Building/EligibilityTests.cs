using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.Building;
using EarlyHelp.Analytics.Features.Tests.Support;

namespace EarlyHelp.Analytics.Features.Tests.Building;

public sealed class EligibilityTests
{
    private static readonly DateOnly AsOf = InMemoryHub.Date("2024-03-15");

    /// <summary>A parent (born 1990-01) and one child born in <paramref name="childBirthMonth"/>, both members since 2010-01-01.</summary>
    private static (InMemoryHub Hub, PersonId Parent, PersonId Child) Family(string childBirthMonth = "2015-05")
    {
        var hub = new InMemoryHub(InMemoryHub.Date("2025-12-31"));
        var parent = hub.Person(1, "1990-01");
        var child = hub.Person(2, childBirthMonth);
        hub.Member(7, parent, FamilyRole.Parent, "2010-01-01").Member(7, child, FamilyRole.Child, "2010-01-01");
        return (hub, parent, child);
    }

    [Fact]
    public void Eligibility_ParentAndChild_Eligible()
    {
        var (hub, _, _) = Family();

        Assert.Null(FeatureBuilder.Eligibility(hub.Family(7), AsOf));
    }

    [Theory]
    // Born 2006-04: 17 on 2024-03-15 (birthday taken as 1 April) → still a dependent child.
    [InlineData("2006-04", null)]
    // Born 2006-03: 18 from 1 March 2024 → an adult, so no dependent child.
    [InlineData("2006-03", ExclusionReason.NoDependentChild)]
    public void Eligibility_ChildAround18_DependsOnAgeAtT(string birthMonth, ExclusionReason? expected)
    {
        var (hub, _, _) = Family(birthMonth);

        Assert.Equal(expected, FeatureBuilder.Eligibility(hub.Family(7), AsOf));
    }

    [Fact]
    public void Eligibility_MembershipsStartOnT_NoMembers()
    {
        var hub = new InMemoryHub(InMemoryHub.Date("2025-12-31"));
        hub.Member(7, hub.Person(1, "1990-01"), FamilyRole.Parent, "2024-03-15");

        Assert.Equal(ExclusionReason.NoMembers, FeatureBuilder.Eligibility(hub.Family(7), AsOf));
    }

    [Fact]
    public void Eligibility_MemberOnOptOutRegister_OptedOut()
    {
        var (hub, parent, _) = Family();
        hub.OptOut(parent);

        Assert.Equal(ExclusionReason.OptedOut, FeatureBuilder.Eligibility(hub.Family(7), AsOf));
    }

    [Fact]
    public void Eligibility_FormerMemberOnOptOutRegister_Eligible()
    {
        var (hub, _, _) = Family();
        var former = hub.Person(3, "1985-01");
        hub.Member(7, former, FamilyRole.Parent, "2010-01-01", "2020-01-01").OptOut(former);

        // The former member's records are not read at T, so the family is not processed about them.
        Assert.Null(FeatureBuilder.Eligibility(hub.Family(7), AsOf));
    }

    [Fact]
    public void Eligibility_OptedOutWithoutChild_CountedAsOptedOutFirst()
    {
        var (hub, parent, _) = Family("2000-01");
        hub.OptOut(parent);

        Assert.Equal(ExclusionReason.OptedOut, FeatureBuilder.Eligibility(hub.Family(7), AsOf));
    }

    [Theory]
    [InlineData("csc.cin_plan")]
    [InlineData("csc.cp_plan")]
    [InlineData("csc.looked_after")]
    public void Eligibility_ChildWithOutcomeOpenAtT_AlreadyStatutory(string outcome)
    {
        var (hub, _, child) = Family();
        hub.Record(child, outcome, "2023-06-01", "2024-03-15");

        Assert.Equal(ExclusionReason.AlreadyStatutory, FeatureBuilder.Eligibility(hub.Family(7), AsOf));
    }

    [Fact]
    public void Eligibility_ChildsPlanEndedBeforeT_Eligible()
    {
        var (hub, _, child) = Family();
        hub.Record(child, "csc.cp_plan", "2023-06-01", "2024-03-14");

        Assert.Null(FeatureBuilder.Eligibility(hub.Family(7), AsOf));
    }

    [Fact]
    public void Eligibility_ChildsPlanStartsOnT_EligibleBecauseItIsNotKnownYet()
    {
        var (hub, _, child) = Family();
        hub.Record(child, "csc.cin_plan", "2024-03-15");

        Assert.Null(FeatureBuilder.Eligibility(hub.Family(7), AsOf));
    }

    [Fact]
    public void Eligibility_AdultsOpenOutcomeRecord_Eligible()
    {
        var (hub, parent, _) = Family();
        hub.Record(parent, "csc.looked_after", "2000-01-01");

        // Only a child's open plan makes the family statutory now.
        Assert.Null(FeatureBuilder.Eligibility(hub.Family(7), AsOf));
    }

    [Fact]
    public void Eligibility_ChildDiedBeforeTsMonth_NoDependentChild()
    {
        var hub = new InMemoryHub(InMemoryHub.Date("2025-12-31"));
        hub.Member(7, hub.Person(1, "1990-01"), FamilyRole.Parent, "2010-01-01")
            .Member(7, hub.Person(2, "2015-05", deathMonth: "2024-02"), FamilyRole.Child, "2015-05-01");

        Assert.Equal(ExclusionReason.NoDependentChild, FeatureBuilder.Eligibility(hub.Family(7), AsOf));
    }
}
