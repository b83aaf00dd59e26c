namespace EarlyHelp.Analytics.Linkage;

/// <summary>
/// EM for the m probabilities and the share of matches among blocked pairs, with u held fixed at the
/// random-pair estimates, as Splink trains (Fellegi and Sunter 1969; Winkler 1988, "Using the EM
/// algorithm for weight computation in the Fellegi-Sunter model of record linkage").
/// E step: each pattern's match probability under the current parameters. M step: m for a level is the
/// expected number of matches at that level over the expected matches with that comparison present;
/// lambda is the expected share of matches.
/// </summary>
internal static class ExpectationMaximisation
{
    private const double Floor = 1e-9;

    /// <summary>The result: m per comparison and level, the match share, iterations, convergence.</summary>
    public sealed record Result(double[][] M, double Lambda, int Iterations, bool Converged);

    /// <summary>Runs EM over <paramref name="patterns"/> from the starting m and lambda, updating m only where <paramref name="estimated"/> says (all when null).</summary>
    public static Result Run((sbyte[] Levels, long Count)[] patterns, double[][] u, double[][] startM, double startLambda,
        int maximumIterations, double tolerance, bool[]? estimated = null)
    {
        var comparisons = u.Length;
        var m = startM.Select(r => (double[])r.Clone()).ToArray();
        var lambda = startLambda;
        var expected = u.Select(r => new double[r.Length]).ToArray();
        if (patterns.Length == 0)
            return new Result(m, lambda, 0, true); // No pair to learn from (blocking found none): the start stands.
        for (var iteration = 1; iteration <= maximumIterations; iteration++)
        {
            var logBayes = new double[comparisons][];
            for (var c = 0; c < comparisons; c++)
            {
                logBayes[c] = new double[u[c].Length];
                for (var l = 0; l < u[c].Length; l++)
                    logBayes[c][l] = Math.Log(Math.Max(m[c][l], Floor) / u[c][l]);
                Array.Clear(expected[c]);
            }
            double matches = 0, total = 0;
            var prior = Math.Log(lambda / (1 - lambda));
            foreach (var (levels, count) in patterns)
            {
                var logit = prior;
                for (var c = 0; c < comparisons; c++)
                    if (levels[c] >= 0)
                        logit += logBayes[c][levels[c]];
                var weight = count / (1 + Math.Exp(-logit));
                matches += weight;
                total += count;
                for (var c = 0; c < comparisons; c++)
                    if (levels[c] >= 0)
                        expected[c][levels[c]] += weight;
            }

            var change = 0.0;
            for (var c = 0; c < comparisons; c++)
            {
                var sum = expected[c].Sum();
                if (sum <= 0 || (estimated is not null && !estimated[c]))
                    continue;
                for (var l = 0; l < m[c].Length; l++)
                {
                    var next = Math.Max(expected[c][l] / sum, Floor);
                    change = Math.Max(change, Math.Abs(next - m[c][l]));
                    m[c][l] = next;
                }
            }
            var nextLambda = Math.Clamp(matches / total, 1e-12, 1 - 1e-12);
            change = Math.Max(change, Math.Abs(nextLambda - lambda));
            lambda = nextLambda;
            if (change < tolerance)
                return new Result(m, lambda, iteration, true);
        }
        return new Result(m, lambda, maximumIterations, false);
    }

    /// <summary>
    /// Starting m: agreement levels likely, "else" unlikely, halving down the levels, so EM starts on the
    /// side of the matches (Splink starts from fixed values of the same shape).
    /// </summary>
    public static double[] StartingM(int levels)
    {
        var m = new double[levels];
        for (var l = 0; l < levels - 1; l++)
            m[l] = Math.Pow(0.5, l);
        m[levels - 1] = 0.05;
        var sum = m.Sum();
        return m.Select(x => x / sum).ToArray();
    }
}
