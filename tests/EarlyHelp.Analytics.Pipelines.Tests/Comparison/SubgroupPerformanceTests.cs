using EarlyHelp.Analytics.Pipelines.Comparison;
using EarlyHelp.Analytics.Pipelines.Tests.Support;

namespace EarlyHelp.Analytics.Pipelines.Tests.Comparison;

/// <summary>The model on families new to and known to children's social care, from hand-built rows and on the synthetic city.</summary>
[Collection(TrainedCityCollection.Name)]
public sealed class SubgroupPerformanceTests(BiasedCity city)
{
    [Fact]
    public void NewAndKnown_HandBuiltRows_CountsThePromptedAndReportsEachPartsAuc()
    {
        // Known: 150 escalated scored 0.9 and 150 not scored 0.1 (AUC 1). New: 120 escalated and 120 not, all scored 0.3 (AUC 0.5).
        // The top 160 are the 150 known escalated and 10 of the new (ties broken by key), 5 of which escalated (keys interleave).
        var known = new List<bool>();
        var labels = new List<double>();
        var scores = new List<double>();
        void Add(bool isKnown, double label, double score, int count)
        {
            for (var i = 0; i < count; i++) { known.Add(isKnown); labels.Add(label); scores.Add(score); }
        }
        Add(true, 1, 0.9, 150);
        Add(true, 0, 0.1, 150);
        for (var i = 0; i < 120; i++)
        {
            Add(false, 1, 0.3, 1);
            Add(false, 0, 0.3, 1);
        }
        var keys = Enumerable.Range(0, labels.Count).Select(i => (long)i).ToArray();

        var parts = SubgroupPerformance.NewAndKnown([.. known], [.. labels], [.. scores], keys, capacity: 160, resamples: 200, seed: 1);

        var (fresh, old) = (parts[0], parts[1]);
        Assert.Equal((SubgroupPerformance.NewGroup, 240, 120L, 10, 5), (fresh.Group, fresh.Families, fresh.Escalated, fresh.Prompted, fresh.PromptedWhoEscalated));
        Assert.Equal((SubgroupPerformance.KnownGroup, 300, 150L, 150, 150), (old.Group, old.Families, old.Escalated, old.Prompted, old.PromptedWhoEscalated));
        Assert.Equal(0.5, fresh.Auc!.Value, 12);
        Assert.Equal(1.0, old.Auc!.Value, 12);
    }

    [Fact]
    public void NewAndKnown_FewerThanAHundredEscalations_IsNotAssessableAndSaysWhy()
    {
        var labels = Enumerable.Range(0, 1000).Select(i => i < 40 ? 1.0 : 0.0).ToArray();
        var scores = labels.Select((l, i) => l + i * 1e-6).ToArray();

        var parts = SubgroupPerformance.NewAndKnown(new bool[1000], labels, scores, Enumerable.Range(0, 1000).Select(i => (long)i).ToArray(), 10, 200, 1);

        Assert.Equal((SubgroupPerformance.NotAssessable, (MetricEstimate?)null), (parts[0].Status, parts[0].Auc));
        Assert.Equal("40 families escalated and 960 did not; at least 100 of each are needed to judge the model on this part", parts[0].Reason);
        Assert.Equal("0 families escalated and 0 did not; at least 100 of each are needed to judge the model on this part", parts[1].Reason);
    }

    [Fact]
    public void Describe_NotAssessablePart_SaysSoWithItsCounts()
    {
        // 1,000 new families, the top 10 prompted: the 40 that escalated score highest, so all 10 prompted escalated.
        var labels = Enumerable.Range(0, 1000).Select(i => i < 40 ? 1.0 : 0.0).ToArray();
        var scores = labels.Select((l, i) => l + i * 1e-6).ToArray();

        var part = SubgroupPerformance.NewAndKnown(new bool[1000], labels, scores, Enumerable.Range(0, 1000).Select(i => (long)i).ToArray(), 10, 200, 1)[0];

        Assert.Equal("new to children's social care: 1,000 test families, 40 escalated; 10 of the 10 prompted (10 of them escalated); AUC not assessable: 40 families escalated and 960 did not; at least 100 of each are needed to judge the model on this part.",
            part.Describe(10));
    }

    [Fact]
    public void EvidenceFeatures_AreTheContactReferralAndStatutoryHistoryColumns()
    {
        Assert.Contains("csc_contact_not_progressed_months_since_latest", PriorInvolvement.EvidenceFeatures);
        Assert.Contains("csc_referral_months_since_latest", PriorInvolvement.EvidenceFeatures);
        Assert.Contains("statutory_months_since_ended", PriorInvolvement.EvidenceFeatures);
        Assert.All(PriorInvolvement.EvidenceFeatures, name => Assert.True(name.StartsWith("csc_", StringComparison.Ordinal) || name.Contains("ended", StringComparison.Ordinal), name));
    }

    [Fact]
    public void Training_SyntheticCity_SplitsTheTestFamiliesAndThePromptedBetweenNewAndKnown()
    {
        var report = city.Reference.Report;

        Assert.Equal([SubgroupPerformance.NewGroup, SubgroupPerformance.KnownGroup], report.NewAndKnown.Select(p => p.Group));
        Assert.Equal(report.Split.Roles["test"].Rows, report.NewAndKnown.Sum(p => p.Families));
        Assert.Equal(report.Split.Roles["test"].Positives, report.NewAndKnown.Sum(p => p.Escalated));
        Assert.Equal(report.Capacity.TestK, report.NewAndKnown.Sum(p => p.Prompted));
        Assert.All(report.NewAndKnown, p => Assert.True(p.Families > 0, p.Group));
    }
}
