namespace EarlyHelp.Analytics.Linkage.Tests.Model;

public sealed class ExpectationMaximisationTests
{
    [Fact]
    public void Run_SimulatedComparisonVectors_RecoversKnownMAndLambda()
    {
        // Three conditionally independent comparisons with three levels each, simulated with known m, u and
        // lambda (the Fellegi-Sunter model's own assumptions). u is given, as in training (from random pairs).
        double[][] m = [[0.85, 0.10, 0.05], [0.70, 0.20, 0.10], [0.90, 0.06, 0.04]];
        double[][] u = [[0.02, 0.08, 0.90], [0.05, 0.15, 0.80], [0.01, 0.04, 0.95]];
        const double lambda = 0.2;
        const int pairs = 200_000;
        var random = new Random(7);
        var patterns = new Dictionary<string, (sbyte[] Levels, long Count)>();
        for (var p = 0; p < pairs; p++)
        {
            var match = random.NextDouble() < lambda;
            var levels = new sbyte[3];
            for (var c = 0; c < 3; c++)
                levels[c] = (sbyte)Draw(match ? m[c] : u[c], random);
            var key = string.Join(",", levels);
            patterns[key] = patterns.TryGetValue(key, out var seen) ? (seen.Levels, seen.Count + 1) : (levels, 1);
        }

        var result = ExpectationMaximisation.Run(patterns.Values.ToArray(), u,
            [ExpectationMaximisation.StartingM(3), ExpectationMaximisation.StartingM(3), ExpectationMaximisation.StartingM(3)],
            startLambda: 0.1, maximumIterations: 500, tolerance: 1e-8);

        // Tolerance: about 40,000 simulated matches, so an m estimate's standard error is at most
        // sqrt(0.25 / 40,000) = 0.0025; 0.01 is four standard errors. Lambda's is sqrt(0.16 / 200,000) < 0.001.
        Assert.True(result.Converged);
        for (var c = 0; c < 3; c++)
            for (var l = 0; l < 3; l++)
                Assert.True(Math.Abs(result.M[c][l] - m[c][l]) < 0.01, $"m[{c}][{l}] = {result.M[c][l]:0.0000}, expected {m[c][l]}");
        Assert.True(Math.Abs(result.Lambda - lambda) < 0.005, $"lambda = {result.Lambda:0.0000}");
    }

    private static int Draw(double[] probabilities, Random random)
    {
        var x = random.NextDouble();
        for (var l = 0; l < probabilities.Length - 1; l++)
        {
            x -= probabilities[l];
            if (x < 0)
                return l;
        }
        return probabilities.Length - 1;
    }
}
