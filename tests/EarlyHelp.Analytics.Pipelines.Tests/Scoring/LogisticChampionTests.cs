using System.Text.Json;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Features.Tables;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Linear;
using EarlyHelp.Analytics.Learning.Models;
using EarlyHelp.Analytics.Pipelines.ModelFolders;
using EarlyHelp.Analytics.Pipelines.Scoring;
using EarlyHelp.Analytics.Pipelines.Tests.Support;
using Microsoft.Data.Sqlite;

namespace EarlyHelp.Analytics.Pipelines.Tests.Scoring;

/// <summary>
/// The city whose run recommends the tuned logistic regression (TrainingPipelineBaselineTests) saves that regression, and
/// once it is the champion the monthly run scores with it and explains each prompt by its linear contributions.
/// </summary>
[Collection(TrainedCityCollection.Name)]
public sealed class LogisticChampionTests(BiasedCity city)
{
    private const int Capacity = 10;

    [Fact]
    public void Train_LogisticRecommended_FolderHoldsTheRegressionWithItsLinearExport()
    {
        var loaded = ModelFolder.Load(city.Reference.Folder);

        Assert.Equal(ModelKind.LogisticRegression, city.Reference.Report.ModelKind);
        Assert.IsType<LogisticModel>(loaded.Model);
        Assert.True(File.Exists(Path.Combine(city.Reference.Folder, ModelFolderLayout.Linear)));
        Assert.False(File.Exists(Path.Combine(city.Reference.Folder, ModelFolderLayout.Trees)));
        var card = File.ReadAllText(Path.Combine(city.Reference.Folder, ModelFolderLayout.CardMarkdown));
        Assert.Contains("Type: logistic regression (model kind logistic_regression", card, StringComparison.Ordinal);
        Assert.Contains("w_j (x_j − mean_j)", card, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_LogisticChampion_EachPromptsTopEvidenceIsTheLargestLinearContributionByHand()
    {
        var hub = CopyHub();
        using var store = HubStore.Open(hub);
        TrainedCity.ProposeAndSignOff(store, city.Reference.Name);

        var result = ScoringPipeline.Run(store, new ScoringRequest { Actor = "tester" }, new ScoringOptions { AsOf = city.AsOf, Capacity = Capacity });

        var model = Assert.IsType<LogisticModel>(result.Model.Loaded.Model);
        Assert.Equal(Capacity, result.Prompts.Count);
        // By hand: the weights and training means of the standardised features as linear.json records them, read as
        // plain JSON; each family's standardised row from the saved transform; w_j (z_j − mean_j) for every feature.
        using var export = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(city.Reference.Folder, ModelFolderLayout.Linear)));
        var weights = export.RootElement.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var means = export.RootElement.GetProperty("standardised_means").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var bias = export.RootElement.GetProperty("bias").GetDouble();
        var table = FeatureTableBuilder.Build(HubHistory.Read(store.OpenReader(), hub),
            new FeatureTableOptions { AsOfDates = [city.AsOf], LookBackCaps = result.Model.Loaded.TrainingData.Caps() });
        var families = table.Families.Select(f => f.Value).ToList();
        var rows = ScoringPipelineTests.StoredPrompts(hub, result.Run.Id).Select(p => families.IndexOf(p.Family)).ToArray();
        Assert.DoesNotContain(-1, rows);
        var data = Rows(table, model.FeatureNames, rows);
        var standardised = model.Standardise(data);
        var margins = model.PredictMargin(data);
        for (var prompt = 0; prompt < rows.Length; prompt++)
        {
            var contributions = weights.Select((w, j) => w * (standardised[prompt][j] - means[j])).ToArray();
            var evidence = result.Prompts[prompt].Content.Evidence;
            Assert.NotEmpty(evidence);
            Assert.Empty(result.Prompts[prompt].Content.Validate());
            // The first raising factor is the largest positive contribution, and the contributions add up to the
            // margin ML.NET gives less the margin at the training means.
            Assert.Equal(contributions.Max(), evidence[0].Contribution, 9);
            Assert.Equal(margins[prompt] - (bias + weights.Select((w, j) => w * means[j]).Sum()), contributions.Sum(), 4);
        }
    }

    private static DenseDataset Rows(FeatureTable table, IReadOnlyList<string> names, int[] rows)
    {
        var values = new float[rows.Length * names.Count];
        for (var row = 0; row < rows.Length; row++)
        {
            for (var column = 0; column < names.Count; column++)
                values[row * names.Count + column] = table.Column(names[column])[rows[row]];
        }
        return new DenseDataset(names, values);
    }

    /// <summary>A copy of the city's hub taken through SQLite's backup, with its audit key, so promoting in it leaves the shared hub alone.</summary>
    private string CopyHub()
    {
        var source = Path.Combine(city.Folder, "hub.db");
        var copy = Path.Combine(Directory.CreateTempSubdirectory("earlyhelp-logistic-champion-").FullName, "hub.db");
        using (var from = new SqliteConnection($"Data Source={source};Mode=ReadOnly;Pooling=False"))
        using (var to = new SqliteConnection($"Data Source={copy};Pooling=False"))
        {
            from.Open();
            to.Open();
            from.BackupDatabase(to);
        }
        File.Copy(source + AuditKey.DefaultSuffix, copy + AuditKey.DefaultSuffix);
        return copy;
    }
}
