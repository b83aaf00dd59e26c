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

    [Fact]
    public void Fit_ValidationFamiliesFavourAModestWeight_ChoosesThePenaltyThatGivesIt()
    {
        // Training: x = +1 with labels 0,1,1,1 and x = −1 with 0,0,0,1, so the intercept is 0 and the weight solves
        // 6 − 8σ(w) = penalty · w (by hand: 1.0913, 1.0310, 0.6836, 0.1667, 0.0196, 0.0020, 0.0002 over the grid).
        // Validation: 11 of 20 escalate at x = +1 and 9 of 20 at x = −1, so its log loss per row is
        // −(0.55 ln σ(w) + 0.45 ln(1 − σ(w))), least at σ(w) = 0.55, w = 0.2007: of the grid's weights, 0.1667
        // (penalty 10) gives 0.68828, against 0.69221 at penalty 100 and 0.71628 at penalty 1. Standardising x
        // (standard deviation 1, or 1.069 with n − 1) moves each weight a little but not the choice.
        float[] x = [1, 1, 1, 1, -1, -1, -1, -1];
        float[] y = [0, 1, 1, 1, 0, 0, 0, 1];
        var training = new DenseDataset(["x"], x, y);
        var validation = new DenseDataset(["x"],
            [.. Enumerable.Repeat(1f, 20), .. Enumerable.Repeat(-1f, 20)],
            [.. Enumerable.Range(0, 20).Select(i => i < 11 ? 1f : 0f), .. Enumerable.Range(0, 20).Select(i => i < 9 ? 1f : 0f)]);

        var baseline = LogisticBaseline.Fit(training, validation, validation, seed: 1);

        Assert.Equal(10f, baseline.Regularization);
        Assert.Equal(0.1, baseline.InverseRegularization, 12);
        Assert.Equal(LogisticBaseline.RegularizationGrid, baseline.Trials.Select(t => t.Penalty));
        Assert.Equal(baseline.Trials.Min(t => t.ValidationLogLoss), baseline.Trials.Single(t => t.Penalty == 10f).ValidationLogLoss);
    }
}
