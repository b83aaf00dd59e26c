using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.Building;
using EarlyHelp.Analytics.Features.Catalogue;
using EarlyHelp.Analytics.Features.Tests.Support;

namespace EarlyHelp.Analytics.Features.Tests.Building;

public sealed class RetentionTests
{
    private static readonly DateOnly AsOf = InMemoryHub.Date("2024-03-15");

    public static TheoryData<string> SourceDatasets() => new(DatasetCatalogue.Sources.Select(d => d.Code));

    /// <summary>A parent and a child, members since 1990, with one record of <paramref name="dataset"/> held by the parent.</summary>
    private static float[] ValuesWithOneRecord(string dataset, DateOnly start, DateOnly? end = null)
    {
        var hub = new InMemoryHub(InMemoryHub.Date("2025-12-31"));
        var parent = hub.Person(1, "1970-01");
        hub.Member(7, parent, FamilyRole.Parent, "1990-01-01").Member(7, hub.Person(2, "2015-01"), FamilyRole.Child, "2015-01-01");
        hub.Record(parent, dataset, $"{start:yyyy-MM-dd}", end is { } e ? $"{e:yyyy-MM-dd}" : null);
        return FeatureBuilder.Values(hub.Family(7), AsOf);
    }

    private static float Feature(float[] values, string name) => values[FeatureCatalogue.IndexOf(name)];

    [Theory]
    [MemberData(nameof(SourceDatasets))]
    public void Values_RecordStartingOnTheRetentionCutoff_Contributes(string code)
    {
        var dataset = DatasetCatalogue.Get(code);
        var cutoff = AsOf.AddMonths(-dataset.RetentionMonths);

        var values = ValuesWithOneRecord(code, cutoff);

        // T − R months opens the window [T − R months, T − (R − 1) months), month offset R − 1.
        Assert.Equal(dataset.RetentionMonths - 1, Feature(values, $"{dataset.Category.Code()}_months_since_latest"));
    }

    [Theory]
    [MemberData(nameof(SourceDatasets))]
    public void Values_RecordStartingTheDayBeforeTheCutoff_NeverContributes(string code)
    {
        var dataset = DatasetCatalogue.Get(code);
        var dayBefore = AsOf.AddMonths(-dataset.RetentionMonths).AddDays(-1);

        var values = ValuesWithOneRecord(code, dayBefore);

        // One parent and one child aged 9 (born 2015-01), and nothing else.
        var expected = NoRecords.Family(members: 2, children: 1, childrenUnderFive: 0, youngest: 9, oldest: 9, adults: 1, loneCarer: true);
        FeatureAssert.AllFeatures(expected, values);
    }

    [Fact]
    public void Values_OpenClaimStartedBeforeTheCutoff_IsNotOpen()
    {
        // An out-of-work claim is kept 48 months: one opened 2020-03-14 and still running at T is past
        // retention, so it is neither counted nor open — one rule for every record.
        var values = ValuesWithOneRecord("dwp.out_of_work_benefit", InMemoryHub.Date("2020-03-14"));

        Assert.Equal(0f, Feature(values, "dwp_out_of_work_benefit_open"));
        Assert.Equal(0f, Feature(values, "worklessness_finance_open"));
        Assert.True(float.IsNaN(Feature(values, "dwp_out_of_work_benefit_months_since_latest")));
    }

    [Fact]
    public void Values_EarlyHelpEndedButStartedBeforeTheCutoff_NotAPreviousEpisode()
    {
        // Early help is kept 72 months: an episode from 2018-03-14 is gone at T even though it ended in 2019.
        var values = ValuesWithOneRecord("earlyhelp.assessment", InMemoryHub.Date("2018-03-14"), InMemoryHub.Date("2019-01-01"));

        Assert.Equal(0f, Feature(values, "early_help_ended"));
        Assert.True(float.IsNaN(Feature(values, "early_help_months_since_ended")));
    }
}
