namespace EarlyHelp.Analytics.Evaluation.Statistics;

/// <summary>An AUC and its standard error (DeLong); NaN when a group lacks one of the classes.</summary>
/// <param name="Value">Area under the ROC curve, ties counted one half.</param>
/// <param name="StandardError">DeLong's standard error; NaN with fewer than two of either class.</param>
public readonly record struct AucEstimate(double Value, double StandardError);

/// <summary>
/// ROC AUC of every group at once from one ranking of all rows, with DeLong, DeLong and
/// Clarke-Pearson's (1988) variance from placement values: for a positive, the share of its
/// group's negatives it outscores (ties one half); for a negative, the share of its group's
/// positives that outscore it. AUC is the mean placement, and
/// Var = s²(positive placements)/m + s²(negative placements)/n.
/// </summary>
public static class GroupedRocAuc
{
    /// <summary>Computes every group's AUC.</summary>
    /// <param name="scores">Score per row.</param>
    /// <param name="labels">0/1 label per row.</param>
    /// <param name="descending">Row indices by score from high to low (equal scores adjacent).</param>
    /// <param name="groupOfRow">Group index per row, 0 to <paramref name="groupCount"/> − 1.</param>
    /// <param name="groupCount">Number of groups.</param>
    public static AucEstimate[] Compute(ReadOnlySpan<double> scores, ReadOnlySpan<double> labels, ReadOnlySpan<int> descending, ReadOnlySpan<int> groupOfRow, int groupCount)
    {
        var positives = new long[groupCount];
        var negatives = new long[groupCount];
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] == 1.0) positives[groupOfRow[i]]++;
            else negatives[groupOfRow[i]]++;
        }

        var positivesAbove = new long[groupCount];
        var negativesAbove = new long[groupCount];
        var runPositives = new long[groupCount];
        var runNegatives = new long[groupCount];
        var positivePlacements = new double[groupCount];
        var positivePlacementSquares = new double[groupCount];
        var negativePlacements = new double[groupCount];
        var negativePlacementSquares = new double[groupCount];
        var touched = new List<int>();
        var touchedInRun = new bool[groupCount];

        var start = 0;
        while (start < descending.Length)
        {
            var end = start;
            var score = scores[descending[start]];
            while (end < descending.Length && scores[descending[end]] == score)
            {
                var row = descending[end];
                var group = groupOfRow[row];
                if (!touchedInRun[group])
                {
                    touchedInRun[group] = true;
                    touched.Add(group);
                }

                if (labels[row] == 1.0) runPositives[group]++;
                else runNegatives[group]++;
                end++;
            }

            foreach (var group in touched)
            {
                if (negatives[group] > 0 && runPositives[group] > 0)
                {
                    var below = negatives[group] - negativesAbove[group] - runNegatives[group];
                    var placement = (below + 0.5 * runNegatives[group]) / negatives[group];
                    positivePlacements[group] += runPositives[group] * placement;
                    positivePlacementSquares[group] += runPositives[group] * placement * placement;
                }

                if (positives[group] > 0 && runNegatives[group] > 0)
                {
                    var placement = (positivesAbove[group] + 0.5 * runPositives[group]) / positives[group];
                    negativePlacements[group] += runNegatives[group] * placement;
                    negativePlacementSquares[group] += runNegatives[group] * placement * placement;
                }

                positivesAbove[group] += runPositives[group];
                negativesAbove[group] += runNegatives[group];
                runPositives[group] = 0;
                runNegatives[group] = 0;
                touchedInRun[group] = false;
            }

            touched.Clear();
            start = end;
        }

        var estimates = new AucEstimate[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            double m = positives[g], n = negatives[g];
            if (m == 0 || n == 0)
            {
                estimates[g] = new AucEstimate(double.NaN, double.NaN);
                continue;
            }

            var auc = positivePlacements[g] / m;
            var standardError = double.NaN;
            if (m > 1 && n > 1)
            {
                // Both kinds of placement average to the AUC (each sums the same pair comparisons).
                var negativeMean = negativePlacements[g] / n;
                var positiveVariance = Math.Max(0, (positivePlacementSquares[g] - m * auc * auc) / (m - 1));
                var negativeVariance = Math.Max(0, (negativePlacementSquares[g] - n * negativeMean * negativeMean) / (n - 1));
                standardError = Math.Sqrt(positiveVariance / m + negativeVariance / n);
            }

            estimates[g] = new AucEstimate(auc, standardError);
        }

        return estimates;
    }
}
