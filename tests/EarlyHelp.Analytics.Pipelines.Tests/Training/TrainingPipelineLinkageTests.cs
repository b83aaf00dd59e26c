using EarlyHelp.Analytics.Pipelines.ModelFolders;
using EarlyHelp.Analytics.Pipelines.Tests.Support;

namespace EarlyHelp.Analytics.Pipelines.Tests.Training;

/// <summary>The data-quality finding on record linkage that the training run puts beside its fairness audit.</summary>
[Collection(TrainedCityCollection.Name)]
public sealed class TrainingPipelineLinkageTests(BiasedCity city)
{
    [Fact]
    public void Run_WithTruth_ReportsLinkageErrorsForEveryEthnicGroupInTheCard()
    {
        var linkage = city.Reference.Report.Linkage!;

        // The generator draws names for six ethnic groups (docs/synthetic-city.md, "Names by group"), so a city of
        // 60,000 people has people with several records in each, and each gets a missed-link rate inside its interval.
        var ethnic = linkage.Groups.Where(g => g.Characteristic == "ethnicity" && g.PeopleWithSeveralRecords > 0).ToArray();
        Assert.Superset(new HashSet<string> { "white_british", "white_other", "mixed", "asian", "black", "other" }, ethnic.Select(g => g.Group).ToHashSet());
        Assert.All(ethnic, g => Assert.InRange(g.MissedLinkRate!.Value, g.MissedLinkInterval.Lower, g.MissedLinkInterval.Upper));
        Assert.True(linkage.ExpectedFalseLinks > 0 && linkage.ClericalQueue >= 0, "the hub's own linkage figures are reported");
        var card = File.ReadAllText(Path.Combine(city.Reference.Folder, ModelFolderLayout.CardMarkdown));
        Assert.Contains("Data-quality finding — record linkage.", card, StringComparison.Ordinal);
    }
}
