using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.Building;
using EarlyHelp.Analytics.Features.Catalogue;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Features.PointInTime;
using EarlyHelp.Analytics.Features.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace EarlyHelp.Analytics.Features.Tests.Building;

/// <summary>
/// With the look-back caps of the earliest as-of date, what retention deleted at the extract changes no feature at
/// any date from that one on: the hub as retention left it and the same records with retention off give the same rows.
/// </summary>
public sealed class RetentionConsistencyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300);

    /// <summary>The records the hub keeps at an extract of <paramref name="extract"/>: ingest's rule, start before extract − R months is gone.</summary>
    private static AgencyEvent[] Retained(IEnumerable<AgencyEvent> events, DateOnly extract) =>
        events.Where(e => e.Start >= extract.AddMonths(-DatasetCatalogue.Get(e.Dataset).RetentionMonths)).ToArray();

    [Fact]
    public void Values_CappedFromTheEarliestDate_RetentionChangesNothingAtThatDateOrLater()
    {
        var cases = from family in RandomFamilies.Families
                    from extractDay in Gen.Choose(family.AsOfDay, RandomFamilies.Span)
                    from monthsLater in Gen.Choose(0, 60)
                    select (family, extract: RandomFamilies.Epoch.AddDays(extractDay), monthsLater);

        Check.One(Runs, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var earliest = c.family.AsOf;
            var later = earliest.AddMonths(c.monthsLater);
            var asOf = later <= c.extract.AddDays(1) ? later : c.extract.AddDays(1);
            var caps = LookBackCaps.FromRetention(c.extract, earliest);
            var retentionOff = c.family.History(c.family.Events);
            var retained = c.family.History(Retained(c.family.Events, c.extract));
            return FeatureAssert.SameValues(FeatureBuilder.Values(retentionOff, asOf, caps), FeatureBuilder.Values(retained, asOf, caps))
                && FeatureBuilder.Eligibility(retentionOff, asOf) == FeatureBuilder.Eligibility(retained, asOf);
        }));
    }

    [Fact]
    public void Values_RecordDeletedByRetention_MovesTheUncappedFeatureButNotTheCapped()
    {
        // Extract 2024-12-31: rent arrears (36 months) are kept from 2021-12-31, so one of 2021-10-15 is gone. At the
        // earliest date 2022-03-31 it lies in the last 24 months: uncapped, the hub with retention off counts it and the
        // hub as left does not; capped at 3 months (see LookBackCapsTests), neither does.
        var extract = InMemoryHub.Date("2024-12-31");
        var earliest = InMemoryHub.Date("2022-03-31");
        var retentionOff = Family(extract, withRecord: true);
        var retained = Family(extract, withRecord: false);
        var caps = LookBackCaps.FromRetention(extract, earliest);
        var feature = FeatureCatalogue.IndexOf("worklessness_finance_24m");

        Assert.Equal((1f, 0f), (FeatureBuilder.Values(retentionOff, earliest)[feature], FeatureBuilder.Values(retained, earliest)[feature]));
        Assert.Equal((0f, 0f), (FeatureBuilder.Values(retentionOff, earliest, caps)[feature], FeatureBuilder.Values(retained, earliest, caps)[feature]));
    }

    /// <summary>A parent and a child; the parent has rent arrears from 2021-10-15 when <paramref name="withRecord"/>.</summary>
    private static FamilyHistory Family(DateOnly extract, bool withRecord) =>
        ParentAndChild.Family(extract, (hub, parent, _) =>
        {
            if (withRecord)
                hub.Record(parent, "housing.rent_arrears", "2021-10-15", value: 900);
        });
}
