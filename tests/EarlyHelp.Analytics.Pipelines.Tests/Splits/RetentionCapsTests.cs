using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Features.PointInTime;
using EarlyHelp.Analytics.Features.Tables;
using EarlyHelp.Analytics.Pipelines.ModelFolders;
using EarlyHelp.Analytics.Pipelines.Tests.Support;

namespace EarlyHelp.Analytics.Pipelines.Tests.Splits;

/// <summary>
/// On the generated city, retention alone moves no feature between the first training date and the test date once the
/// training run's look-back caps are applied, and the run records the caps and leaves out what they empty.
/// </summary>
[Collection(TrainedCityCollection.Name)]
public sealed class RetentionCapsTests(BiasedCity city)
{
    [Fact]
    public void Train_BiasedCity_RecordsTheCapsAndLeavesTheirEmptiedWindowsOutOfTheModel()
    {
        var trainingData = city.Reference.TrainingData;

        // Extract 2024-12-31; the first training date is 2022-03-31, the first quarter end on the calibration date's grid
        // (2022-12-31) after 24 months of history from 2020-01. 36-month datasets keep 3 months there, 48-month ones 15
        // (the same dates are worked by hand in the features' LookBackCapsTests).
        Assert.Equal(new DateOnly(2022, 3, 31), trainingData.TrainingDates[0]);
        Assert.Equal(3, trainingData.LookBackCapMonths!["housing.rent_arrears"]);
        Assert.Equal(15, trainingData.LookBackCapMonths["dwp.out_of_work_benefit"]);
        Assert.Equal("counts 12 months, but housing.rent_arrears is capped at 3", trainingData.FeaturesLeftOut!["housing_rent_arrears_12m"]);
        Assert.DoesNotContain("housing_rent_arrears_12m", trainingData.Features);
        Assert.DoesNotContain("dwp_out_of_work_benefit_24m", trainingData.Features);
        Assert.Contains("dwp_out_of_work_benefit_12m", trainingData.Features);
        Assert.Contains("worklessness_finance_24m", trainingData.Features);
        var card = File.ReadAllText(Path.Combine(city.Reference.Folder, ModelFolderLayout.CardMarkdown));
        Assert.Contains("look-back cap (months)", card, StringComparison.Ordinal);
    }

    [Fact]
    public void FeatureMeans_HubAYearFurtherIntoRetention_MoveUncappedButNotCapped()
    {
        // The same city twice: the hub as loaded, and the hub as a load a year later would have left these records
        // (retention counted from the extract date + 12 months). The two differ by retention alone.
        var reader = city.Store.OpenReader();
        var asLoaded = HubHistory.Read(reader, city.Store.Name);
        var laterExtract = asLoaded.ExtractDate.AddMonths(12);
        var aYearOn = HubHistory.Read(new RetainedAt(reader, laterExtract), city.Store.Name);
        var first = city.Reference.TrainingData.TrainingDates[0];
        var test = city.Reference.TrainingData.TestDate;
        var caps = LookBackCaps.FromRetention(laterExtract, first);

        var uncapped = (Means(asLoaded, first, LookBackCaps.None), Means(aYearOn, first, LookBackCaps.None));
        var capped = (Means(asLoaded, first, caps), Means(aYearOn, first, caps));
        var cappedAtTest = (Means(asLoaded, test, caps), Means(aYearOn, test, caps));

        // Without caps the year's extra retention lowers worklessness and finance at the first date (its 36- and
        // 48-month datasets lose their oldest records); with them no feature's mean moves at either date.
        var feature = FeatureCatalogueIndex("worklessness_finance_24m");
        Assert.True(uncapped.Item2[feature] < uncapped.Item1[feature] - 0.01, $"{uncapped.Item1[feature]} vs {uncapped.Item2[feature]}");
        Assert.Equal(capped.Item1, capped.Item2);
        Assert.Equal(cappedAtTest.Item1, cappedAtTest.Item2);
    }

    private static int FeatureCatalogueIndex(string name) => Features.Catalogue.FeatureCatalogue.IndexOf(name);

    /// <summary>The mean of every feature over the eligible families at <paramref name="asOf"/> (NaN values skipped).</summary>
    private static double[] Means(HubHistory history, DateOnly asOf, LookBackCaps caps)
    {
        var table = FeatureTableBuilder.Build(history, new FeatureTableOptions { AsOfDates = [asOf], LookBackCaps = caps });
        return Enumerable.Range(0, table.FeatureCount).Select(f =>
        {
            var values = table.Column(f).ToArray().Where(v => !float.IsNaN(v)).ToArray();
            return values.Length == 0 ? double.NaN : values.Average(v => (double)v);
        }).ToArray();
    }

    /// <summary>A hub's tables with its events as retention at <paramref name="newest"/> would keep them (ingest's rule).</summary>
    private sealed class RetainedAt(IHubReader inner, DateOnly newest) : IHubReader
    {
        public DateOnly ExtractDate => inner.ExtractDate;

        public IEnumerable<Household> Households() => inner.Households();

        public IEnumerable<Person> People() => inner.People();

        public IEnumerable<Residence> Residences() => inner.Residences();

        public IEnumerable<FamilyMembership> FamilyMemberships() => inner.FamilyMemberships();

        public IEnumerable<AgencyEvent> Events() =>
            inner.Events().Where(e => e.Start >= newest.AddMonths(-DatasetCatalogue.Get(e.Dataset).RetentionMonths));

        public IEnumerable<OptOut> OptOuts() => inner.OptOuts();
    }
}
