using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.Building;
using EarlyHelp.Analytics.Features.Catalogue;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Features.PointInTime;
using EarlyHelp.Analytics.Features.Tests.Support;

namespace EarlyHelp.Analytics.Features.Tests.PointInTime;

public sealed class LookBackCapsTests
{
    private static readonly DateOnly Extract = InMemoryHub.Date("2024-12-31");

    [Fact]
    public void FromRetention_EarliestDate33MonthsBeforeTheExtract_CapsEachRetentionByTheGap()
    {
        // The hub keeps starts from 2024-12-31 − R months. From 2022-03-31: 36 months keep 2021-12-31 on, 3 months
        // back; 48 keep 2020-12-31 on, 15 back; 72 keep 2018-12-31 on, 39 back; 96 keep 2016-12-31 on, 63 back.
        var caps = LookBackCaps.FromRetention(Extract, InMemoryHub.Date("2022-03-31"));

        Assert.Equal(3, caps.ByDataset["housing.rent_arrears"]);
        Assert.Equal(3, caps.ByDataset["revenues.council_tax_arrears"]);
        Assert.Equal(15, caps.ByDataset["dwp.out_of_work_benefit"]);
        Assert.Equal(39, caps.ByDataset["police.asb_incident"]);
        Assert.Equal(63, caps.ByDataset["health.adult_mental_health"]);
        Assert.Equal(DatasetCatalogue.Sources.Count, caps.ByDataset.Count);
        Assert.DoesNotContain(DatasetCatalogue.ChildInNeedPlan, caps.ByDataset.Keys);
    }

    [Fact]
    public void FromRetention_MonthEndDates_CapIsTheLastWholeMonthStillHeld()
    {
        // 36 months before 2024-11-30 is 2021-11-30. From 2022-02-28: back 3 months is 2021-11-28, before it, so 2.
        var caps = LookBackCaps.FromRetention(InMemoryHub.Date("2024-11-30"), InMemoryHub.Date("2022-02-28"));

        Assert.Equal(2, caps.ByDataset["housing.rent_arrears"]);
    }

    [Fact]
    public void FromRetention_EarliestDateBeforeTheOldestRecordKept_CapIsZero()
    {
        // 36 months before 2024-12-31 is 2021-12-31, after 2021-06-30: nothing the hub holds is before that date.
        // 48 months keep 2020-12-31 on: 2021-06-30 − 5 months is 2021-01-30, held; − 6 is 2020-12-30, deleted.
        var caps = LookBackCaps.FromRetention(Extract, InMemoryHub.Date("2021-06-30"));

        Assert.Equal(0, caps.ByDataset["housing.rent_arrears"]);
        Assert.Equal(5, caps.ByDataset["dwp.out_of_work_benefit"]);
    }

    [Fact]
    public void FromRetention_EarliestDateAtTheExtract_NothingCapped()
    {
        Assert.True(LookBackCaps.FromRetention(Extract, Extract.AddDays(1)).IsNone);
    }

    [Fact]
    public void Of_StoredForm_RoundTripsAndRejectsOutcomesAndNegativeCaps()
    {
        var caps = LookBackCaps.FromRetention(Extract, InMemoryHub.Date("2022-03-31"));

        Assert.Equal(caps.ByDataset, LookBackCaps.Of(caps.ByDataset).ByDataset);
        Assert.True(LookBackCaps.Of(null).IsNone);
        var outcome = Assert.Throws<ArgumentException>(() => LookBackCaps.Of(new Dictionary<string, int> { [DatasetCatalogue.LookedAfter] = 3 }));
        Assert.StartsWith($"A look-back cap must name a source dataset. Got '{DatasetCatalogue.LookedAfter}' instead.", outcome.Message);
        var negative = Assert.Throws<ArgumentException>(() => LookBackCaps.Of(new Dictionary<string, int> { ["housing.rent_arrears"] = -1 }));
        Assert.StartsWith("The look-back cap of 'housing.rent_arrears' must be 0 or more months. Got -1 instead.", negative.Message);
    }

    [Fact]
    public void WhyLeftOut_CappedAt3And0_LongerWindowsAndEmptyDatasetsOnly()
    {
        var caps = LookBackCaps.Of(new Dictionary<string, int> { ["housing.rent_arrears"] = 3, ["welfare.crisis_support"] = 0 });

        Assert.Null(caps.WhyLeftOut(FeatureCatalogue.Get("housing_rent_arrears_3m")));
        Assert.Null(caps.WhyLeftOut(FeatureCatalogue.Get("housing_rent_arrears_months_since_latest")));
        Assert.Equal("counts 12 months, but housing.rent_arrears is capped at 3", caps.WhyLeftOut(FeatureCatalogue.Get("housing_rent_arrears_12m")));
        Assert.Equal("welfare.crisis_support keeps no records before the earliest training date", caps.WhyLeftOut(FeatureCatalogue.Get("welfare_crisis_support_12m")));
        // Summed over datasets: kept, each dataset counted within its own cap.
        Assert.Null(caps.WhyLeftOut(FeatureCatalogue.Get("worklessness_finance_24m")));
        Assert.Null(caps.WhyLeftOut(FeatureCatalogue.Get("police_asb_incident_12m")));
    }

    [Fact]
    public void Values_RentArrearsCappedAt3_OnTheCapCountsAndTheDayBeforeNever()
    {
        var asOf = InMemoryHub.Date("2024-03-15");
        var caps = LookBackCaps.Of(new Dictionary<string, int> { ["housing.rent_arrears"] = 3 });

        var onCap = FeatureBuilder.Values(OneRecord("housing.rent_arrears", "2023-12-15"), asOf, caps);
        var dayBefore = FeatureBuilder.Values(OneRecord("housing.rent_arrears", "2023-12-14"), asOf, caps);
        var uncapped = FeatureBuilder.Values(OneRecord("housing.rent_arrears", "2023-12-14"), asOf);

        // 2023-12-15 is T − 3 months: month offset 2, inside the last 3 months and in the problem's 24.
        Assert.Equal(2f, onCap[FeatureCatalogue.IndexOf("housing_rent_arrears_months_since_latest")]);
        Assert.Equal(1f, onCap[FeatureCatalogue.IndexOf("worklessness_finance_24m")]);
        Assert.Equal(0f, dayBefore[FeatureCatalogue.IndexOf("worklessness_finance_24m")]);
        Assert.True(float.IsNaN(dayBefore[FeatureCatalogue.IndexOf("worklessness_finance_months_since_latest")]));
        // Without the cap the 36-month retention would still count it.
        Assert.Equal(1f, uncapped[FeatureCatalogue.IndexOf("worklessness_finance_24m")]);
    }

    /// <summary>A parent and a child, the parent holding one record.</summary>
    private static FamilyHistory OneRecord(string dataset, string start) =>
        ParentAndChild.Family(Extract, (hub, parent, _) => hub.Record(parent, dataset, start));
}
