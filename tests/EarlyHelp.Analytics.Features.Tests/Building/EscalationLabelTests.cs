using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.Building;
using EarlyHelp.Analytics.Features.Tests.Support;

namespace EarlyHelp.Analytics.Features.Tests.Building;

public sealed class EscalationLabelTests
{
    private static readonly DateOnly AsOf = InMemoryHub.Date("2024-03-15");

    /// <summary>A parent and a child (born 2015-05) from 2010; extract date 2025-06-30, so a 12-month horizon (to 2025-03-15) is observed.</summary>
    private static (InMemoryHub Hub, PersonId Parent, PersonId Child) Family(string extractDate = "2025-06-30")
    {
        var hub = new InMemoryHub(InMemoryHub.Date(extractDate));
        var parent = hub.Person(1, "1990-01");
        var child = hub.Person(2, "2015-05");
        hub.Member(7, parent, FamilyRole.Parent, "2010-01-01").Member(7, child, FamilyRole.Child, "2015-05-01");
        return (hub, parent, child);
    }

    private static EscalationLabel Label(InMemoryHub hub, int horizonMonths = 12) =>
        EscalationLabel.Of(hub.Family(7), AsOf, horizonMonths, hub.ExtractDate);

    [Theory]
    // The window is (2024-03-15, 2025-03-15]: T itself is out, T + 12 months is in.
    [InlineData("2024-03-15", false)]
    [InlineData("2024-03-16", true)]
    [InlineData("2025-03-15", true)]
    [InlineData("2025-03-16", false)]
    public void Of_ChildPlanStart_CountsOnlyInsideTheHorizon(string start, bool expected)
    {
        var (hub, _, child) = Family();
        hub.Record(child, "csc.cp_plan", start);

        Assert.Equal(new EscalationLabel(true, expected), Label(hub));
    }

    [Theory]
    [InlineData("csc.cin_plan")]
    [InlineData("csc.cp_plan")]
    [InlineData("csc.looked_after")]
    public void Of_EachOutcome_Escalates(string outcome)
    {
        var (hub, _, child) = Family();
        hub.Record(child, outcome, "2024-09-01");

        Assert.Equal(1f, Label(hub).Value);
    }

    [Fact]
    public void Of_HorizonPastExtractDate_UnobservedEvenWhenAnEscalationIsSeen()
    {
        // 2024-03-15 + 12 months = 2025-03-15 is after the extract date 2025-03-14.
        var (hub, _, child) = Family("2025-03-14");
        hub.Record(child, "csc.cp_plan", "2024-09-01");

        var label = Label(hub);

        Assert.Equal(new EscalationLabel(false, false), label);
        Assert.True(float.IsNaN(label.Value));
    }

    [Fact]
    public void Of_HorizonEndsOnExtractDate_Observed()
    {
        var (hub, _, _) = Family("2025-03-15");

        Assert.Equal(new EscalationLabel(true, false), Label(hub));
        Assert.Equal(0f, Label(hub).Value);
    }

    [Fact]
    public void Of_ChildBornAfterT_DoesNotCount()
    {
        var (hub, _, _) = Family();
        var baby = hub.Person(3, "2024-05");
        hub.Member(7, baby, FamilyRole.Child, "2024-05-10").Record(baby, "csc.cp_plan", "2024-05-20");

        Assert.Equal(new EscalationLabel(true, false), Label(hub));
    }

    [Fact]
    public void Of_ParentsOutcome_DoesNotCount()
    {
        var (hub, parent, _) = Family();
        hub.Record(parent, "csc.looked_after", "2024-05-20");

        Assert.Equal(new EscalationLabel(true, false), Label(hub));
    }

    [Fact]
    public void Of_ChildWhoLeavesAfterT_StillCounts()
    {
        var hub = new InMemoryHub(InMemoryHub.Date("2025-06-30"));
        var child = hub.Person(2, "2015-05");
        hub.Member(7, hub.Person(1, "1990-01"), FamilyRole.Parent, "2010-01-01")
            .Member(7, child, FamilyRole.Child, "2015-05-01", "2024-06-01")
            .Record(child, "csc.looked_after", "2024-06-01");

        Assert.Equal(new EscalationLabel(true, true), Label(hub));
    }

    [Fact]
    public void Of_SourceRecordsAfterT_DoNotCount()
    {
        var (hub, _, child) = Family();
        hub.Record(child, "csc.referral", "2024-05-01").Record(child, "earlyhelp.assessment", "2024-05-01");

        Assert.Equal(new EscalationLabel(true, false), Label(hub));
    }

    [Fact]
    public void Of_ShorterHorizon_NarrowsTheWindow()
    {
        var (hub, _, child) = Family();
        hub.Record(child, "csc.cin_plan", "2024-10-01");

        Assert.False(Label(hub, horizonMonths: 6).Escalated);
        Assert.True(Label(hub, horizonMonths: 7).Escalated);
    }
}
