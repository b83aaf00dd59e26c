using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Pipelines.Baselines;

namespace EarlyHelp.Analytics.Pipelines.Tests.Baselines;

public sealed class LogisticBaselineTests
{
    [Fact]
    public void Fit_NeverHadARecord_ReadsAsLongerAgoThanAnySeen()
    {
        // Escalation follows a recent record: months since 0–2 escalate, 8–10 do not, and families that never
        // had one (missing) do not either. Filled with the column mean (5), "never" would sit between the two
        // groups; filled with one more than the largest value (11), it reads as the safest.
        var random = new Random(5);
        var values = new List<float>();
        var labels = new List<float>();
        for (var i = 0; i < 400; i++)
        {
            var kind = i % 3;
            values.Add(kind switch { 0 => random.Next(0, 3), 1 => random.Next(8, 11), _ => float.NaN });
            labels.Add(kind == 0 ? (random.NextDouble() < 0.8 ? 1f : 0f) : (random.NextDouble() < 0.1 ? 1f : 0f));
        }
        var data = new DenseDataset(["police_asb_incident_months_since_latest"], [.. values], [.. labels]);

        var baseline = LogisticBaseline.Fit(data, data, data, seed: 1);
        var probabilities = baseline.PredictProbability(new DenseDataset(data.FeatureNames, [1, 9, float.NaN]));

        Assert.True(probabilities[0] > probabilities[1] && probabilities[1] > probabilities[2],
            $"recent {probabilities[0]:0.000}, long ago {probabilities[1]:0.000}, never {probabilities[2]:0.000}");
        Assert.Equal(400, baseline.TrainingRows);
    }
}
