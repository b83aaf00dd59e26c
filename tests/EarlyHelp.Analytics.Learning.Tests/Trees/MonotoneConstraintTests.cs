using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Trees;

namespace EarlyHelp.Analytics.Learning.Tests.Trees;

public sealed class MonotoneConstraintTests
{
    private static readonly GradientBoostingOptions Options = new()
    {
        NumberOfTrees = 30,
        NumberOfLeaves = 15,
        LearningRate = 0.3,
        MinimumExampleCountPerLeaf = 5,
    };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Fit_ConstrainedFeatures_PredictionsMoveOneWayAlongAGrid(int seed)
    {
        var data = Wavy(3000, seed);
        var constraints = new Dictionary<string, int> { ["up"] = 1, ["down"] = -1 };

        var model = new GradientBoostingTrainer(Options with { MonotoneConstraints = constraints }).Fit(data);

        Assert.Equal(0, Violations(model, feature: 0, direction: 1, seed));
        Assert.Equal(0, Violations(model, feature: 1, direction: -1, seed));
    }

    [Fact]
    public void Fit_Unconstrained_DoesFollowTheWave()
    {
        // The check above could not fail if the data gave no reason to break monotonicity.
        var model = new GradientBoostingTrainer(Options).Fit(Wavy(3000, 1));

        Assert.True(Violations(model, feature: 0, direction: 1, seed: 1) > 0);
    }

    /// <summary>Steps along a grid of one feature, the others fixed at random values (some missing), counting moves the wrong way.</summary>
    private static int Violations(TreeEnsemble model, int feature, int direction, int seed)
    {
        var random = new Random(seed + 100);
        var violations = 0;
        for (var start = 0; start < 40; start++)
        {
            float[] row = [.. Enumerable.Range(0, 4).Select(_ => random.NextDouble() < 0.1 ? float.NaN : (float)(random.NextDouble() * 10))];
            var previous = double.NaN;
            for (var step = 0; step <= 120; step++)
            {
                row[feature] = -1 + step * 0.1f;
                var score = model.PredictRaw(row);
                if (!double.IsNaN(previous) && direction * (score - previous) < -1e-12)
                    violations++;
                previous = score;
            }
        }

        return violations;
    }

    /// <summary>The label rises with a wave in "up" (not monotone) and falls with "down"; "x2", "x3" add an interaction and noise.</summary>
    private static DenseDataset Wavy(int rows, int seed)
    {
        var random = new Random(seed);
        var values = new float[rows * 4];
        var labels = new float[rows];
        for (var row = 0; row < rows; row++)
        {
            for (var feature = 0; feature < 4; feature++)
                values[row * 4 + feature] = random.NextDouble() < 0.05 ? float.NaN : (float)(random.NextDouble() * 10);
            double Value(int feature) => float.IsNaN(values[row * 4 + feature]) ? 5 : values[row * 4 + feature];
            var logit = 1.5 * Math.Sin(Value(0)) + 0.2 * Value(0) - 0.3 * Value(1) + 0.2 * (Value(2) - 5) * (Value(0) - 5) / 5;
            labels[row] = random.NextDouble() < 1 / (1 + Math.Exp(-logit)) ? 1 : 0;
        }

        return new DenseDataset(["up", "down", "x2", "x3"], values, labels);
    }
}
