namespace EarlyHelp.Analytics.Evaluation.Statistics;

/// <summary>
/// Fisher's exact test that two proportions are equal, two-sided. Given both groups' sizes and the total count of
/// successes, the first group's count follows the hypergeometric distribution under equal rates; the p-value is the
/// probability of every table no more likely than the one observed (the rule of R's <c>fisher.test</c>). Unlike a
/// normal test on a bootstrap standard error, it stays valid at rates of 0% or 100% and on a handful of rows, where
/// the resamples all agree and the standard error collapses.
/// </summary>
public static class FisherExactTest
{
    // Tables whose probability is within this relative distance of the observed one count as equally likely, so
    // that rounding does not drop a tie (R's fisher.test uses the same 1 + 1e-7).
    private const double RelativeTolerance = 1e-7;

    /// <summary>
    /// The two-sided p-value that <paramref name="successes"/> of <paramref name="trials"/> and
    /// <paramref name="otherSuccesses"/> of <paramref name="otherTrials"/> come from one rate; NaN when both groups are empty.
    /// </summary>
    public static double TwoSidedP(long successes, long trials, long otherSuccesses, long otherTrials)
    {
        Check(successes, trials, nameof(successes));
        Check(otherSuccesses, otherTrials, nameof(otherSuccesses));
        var total = trials + otherTrials;
        if (total == 0)
            return double.NaN;

        var totalSuccesses = successes + otherSuccesses;
        var lowest = Math.Max(0, trials - (total - totalSuccesses));
        var highest = Math.Min(trials, totalSuccesses);
        // Weights proportional to the hypergeometric probabilities, 1 at the mode; the distribution is unimodal, so
        // walking out from the mode they only fall, and a weight that underflows to 0 ends its side.
        var mode = Math.Clamp((long)Math.Floor((trials + 1.0) * (totalSuccesses + 1.0) / (total + 2.0)), lowest, highest);
        var observed = WeightAt(successes, mode, trials, totalSuccesses, total);
        var limit = observed * (1 + RelativeTolerance);

        double sum = 0, extreme = 0, weight = 1;
        for (var k = mode; k <= highest && weight > 0; k++)
        {
            Add(weight);
            weight *= UpRatio(k, trials, totalSuccesses, total);
        }
        weight = mode > lowest ? DownRatio(mode, trials, totalSuccesses, total) : 0;
        for (var k = mode - 1; k >= lowest && weight > 0; k--)
        {
            Add(weight);
            weight *= k > lowest ? DownRatio(k, trials, totalSuccesses, total) : 0;
        }
        return Math.Min(1, extreme / sum);

        void Add(double w)
        {
            sum += w;
            if (w <= limit)
                extreme += w;
        }
    }

    /// <summary>P(k) / P(mode), walked from the mode (0 once it underflows).</summary>
    private static double WeightAt(long k, long mode, long trials, long totalSuccesses, long total)
    {
        var weight = 1.0;
        for (var j = mode; j < k && weight > 0; j++)
            weight *= UpRatio(j, trials, totalSuccesses, total);
        for (var j = mode; j > k && weight > 0; j--)
            weight *= DownRatio(j, trials, totalSuccesses, total);
        return weight;
    }

    /// <summary>P(k + 1) / P(k) of the hypergeometric distribution.</summary>
    private static double UpRatio(long k, long trials, long totalSuccesses, long total) =>
        (double)(totalSuccesses - k) * (trials - k) / ((k + 1.0) * (total - totalSuccesses - trials + k + 1));

    /// <summary>P(k − 1) / P(k) of the hypergeometric distribution.</summary>
    private static double DownRatio(long k, long trials, long totalSuccesses, long total) =>
        k * (double)(total - totalSuccesses - trials + k) / ((totalSuccesses - k + 1.0) * (trials - k + 1));

    private static void Check(long successes, long trials, string name)
    {
        if (trials < 0 || successes < 0 || successes > trials)
            throw new ArgumentOutOfRangeException(name, $"A count of successes must lie between 0 and its trials. Got {successes} of {trials} instead.");
    }
}
