using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Features.Tables;

namespace EarlyHelp.Analytics.Features.Tests.Support;

/// <summary>
/// Family 1 (<see cref="FamilyOne"/>) and four more, each excluded at 2024-03-15 for a different
/// reason; extract date 2025-06-30.
/// <list type="bullet">
/// <item>2: a parent on the opt-out register and a child — opted out at every date.</item>
/// <item>3: a child on a CP plan from 2023-01-01 to 2024-05-01 — already statutory at 2024-03-15, eligible at 2024-09-15.</item>
/// <item>4: two adults, no child — no dependent child.</item>
/// <item>5: a parent and a child who become members on 2024-06-01 — no members at 2024-03-15, eligible at 2024-09-15.</item>
/// </list>
/// Family 1 itself is eligible at 2024-03-15 and already statutory at 2024-09-15 (C1's CP plan from 2024-06-01).
/// </summary>
internal static class SmallTown
{
    /// <summary>The as-of date whose label horizon is observed.</summary>
    public static readonly DateOnly March = InMemoryHub.Date("2024-03-15");

    /// <summary>The as-of date whose label horizon runs past the extract date.</summary>
    public static readonly DateOnly September = InMemoryHub.Date("2024-09-15");

    /// <summary>The town's table at <see cref="March"/> and <see cref="September"/> (given in reverse order on purpose).</summary>
    public static FeatureTable Table(HubHistory hub, int parallelism = 2) =>
        FeatureTableBuilder.Build(hub, new FeatureTableOptions { AsOfDates = [September, March], MaxDegreeOfParallelism = parallelism });

    /// <summary>The town's table as CSV text.</summary>
    public static string Csv(HubHistory hub, int parallelism = 2)
    {
        using var writer = new StringWriter();
        FeatureTableCsv.Write(Table(hub, parallelism), writer);
        return writer.ToString();
    }

    public static InMemoryHub Hub(int? shuffleSeed = null)
    {
        var hub = FamilyOne.Hub();
        hub.ShuffleSeed = shuffleSeed;
        var optedOutParent = hub.Person(21, "1985-01");
        hub.Member(2, optedOutParent, FamilyRole.Parent, "2010-01-01").Member(2, hub.Person(22, "2012-01"), FamilyRole.Child, "2012-01-01")
            .OptOut(optedOutParent);
        var childOnPlan = hub.Person(32, "2016-01");
        hub.Member(3, hub.Person(31, "1986-01"), FamilyRole.Parent, "2010-01-01").Member(3, childOnPlan, FamilyRole.Child, "2016-01-01")
            .Record(childOnPlan, "csc.cp_plan", "2023-01-01", "2024-05-01");
        hub.Member(4, hub.Person(41, "1950-01"), FamilyRole.Parent, "1975-01-01").Member(4, hub.Person(42, "1952-01"), FamilyRole.Parent, "1975-01-01");
        var newParent = hub.Person(51, "1999-01");
        hub.Member(5, newParent, FamilyRole.Parent, "2024-06-01").Member(5, hub.Person(52, "2023-01"), FamilyRole.Child, "2024-06-01")
            .Record(newParent, "housing.homelessness_application", "2024-05-20");
        return hub;
    }
}
