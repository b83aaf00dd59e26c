using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.Building;
using EarlyHelp.Analytics.Features.Catalogue;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Features.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace EarlyHelp.Analytics.Features.Tests.Building;

/// <summary>
/// Records as known then: a record dated before T that a later load first brought, in an extract dated on or after T,
/// reaches no feature at T, and reaches them once T is after that extract's date.
/// </summary>
public sealed class LateRecordTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300);

    [Fact]
    public void Values_DomesticAbuseReportedInALaterExtract_UnknownUntilTheDayAfterThatExtract()
    {
        // An incident of 2024-01-10 first loaded by the extract of 2024-06-30.
        var family = Family(new DateOnly(2024, 6, 30));
        var feature = FeatureCatalogue.IndexOf("police_domestic_abuse_incident_12m");

        Assert.Equal(0f, FeatureBuilder.Values(family, InMemoryHub.Date("2024-03-15"))[feature]);
        Assert.Equal(0f, FeatureBuilder.Values(family, InMemoryHub.Date("2024-06-30"))[feature]);
        Assert.Equal(1f, FeatureBuilder.Values(family, InMemoryHub.Date("2024-07-01"))[feature]);
        // Back-filled (the dataset's first load), the same record is known from the day after its date.
        Assert.Equal(1f, FeatureBuilder.Values(Family(loadedOn: null), InMemoryHub.Date("2024-03-15"))[feature]);
    }

    [Fact]
    public void Eligibility_ChildProtectionPlanReportedLate_FamilyEligibleAsKnownThen()
    {
        // A CP plan from 2024-01-10, first loaded by the extract of 2024-06-30: at 2024-03-15 nobody knew the family was
        // already statutory, so it was scored then; from 2024-07-01 it is excluded.
        var family = ParentAndChild.Family(InMemoryHub.Date("2025-12-31"), (hub, _, child) =>
            hub.Record(new AgencyEvent(0, child, DatasetCatalogue.ChildProtectionPlan, InMemoryHub.Date("2024-01-10"), null, null, new DateOnly(2024, 6, 30))));

        Assert.Null(FeatureBuilder.Eligibility(family, InMemoryHub.Date("2024-03-15")));
        Assert.Equal(ExclusionReason.AlreadyStatutory, FeatureBuilder.Eligibility(family, InMemoryHub.Date("2024-07-01")));
    }

    [Fact]
    public void Values_LateRecordsPlanted_FeaturesAndEligibilityAtTUnchanged()
    {
        // Any records dated before T but first loaded by an extract dated on or after T, added to any family: nothing at T moves.
        var cases = from family in RandomFamilies.Families
                    from count in Gen.Choose(1, 10)
                    from late in RandomFamilies.Record(family.Members.Length, 0, family.AsOfDay - 1).ArrayOf(count)
                    from delays in Gen.Choose(0, 400).ArrayOf(count)
                    select (family, late: late.Zip(delays, (e, d) => e with { LoadedOn = family.AsOf.AddDays(d) }).ToArray());

        Check.One(Runs, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var before = c.family.History(c.family.Events);
            var after = c.family.History(c.family.Events.Concat(c.late));
            return FeatureAssert.SameValues(FeatureBuilder.Values(before, c.family.AsOf), FeatureBuilder.Values(after, c.family.AsOf))
                && FeatureBuilder.Eligibility(before, c.family.AsOf) == FeatureBuilder.Eligibility(after, c.family.AsOf);
        }));
    }

    [Fact]
    public void HistoryEvent_LoadedOn_KeptInSixteenBytesAndReadBack()
    {
        var record = new HistoryEvent(0, new DateOnly(2024, 1, 10), loadedOn: new DateOnly(2024, 6, 30));

        Assert.Equal(new DateOnly(2024, 6, 30), record.LoadedOn);
        Assert.Null(new HistoryEvent(0, new DateOnly(2024, 1, 10)).LoadedOn);
        // A load date on or before the start adds nothing: the record was known from its own date.
        Assert.Null(new HistoryEvent(0, new DateOnly(2024, 1, 10), loadedOn: new DateOnly(2024, 1, 10)).LoadedOn);
        Assert.Equal(16, System.Runtime.CompilerServices.Unsafe.SizeOf<HistoryEvent>());
    }

    /// <summary>A parent and a child; the parent has a domestic abuse incident of 2024-01-10 first loaded on <paramref name="loadedOn"/>.</summary>
    private static FamilyHistory Family(DateOnly? loadedOn) =>
        ParentAndChild.Family(InMemoryHub.Date("2025-12-31"), (hub, parent, _) =>
            hub.Record(new AgencyEvent(0, parent, "police.domestic_abuse_incident", InMemoryHub.Date("2024-01-10"), null, null, loadedOn)));
}
