using System.Globalization;

namespace EarlyHelp.Analytics.Pipelines.Training;

/// <summary>Whether a backtest quarter's rows can train a model and judge it, and if not, why not.</summary>
public static class BacktestEvidence
{
    /// <summary>
    /// Fewest escalated test families for a quarter to be assessed: the fairness audit's fewest outcomes for a group to
    /// be compared (docs/validation.md, "Small groups"). With fewer, an AUC's interval spans most of [0.5, 1] (about
    /// ±0.16 at 10 events and an AUC of 0.8, by Hanley and McNeil 1982) and precision at capacity rests on a family or two.
    /// </summary>
    public const int MinimumEscalations = 10;

    /// <summary>Null when a model can be fitted on the rows: training, validation and calibration each hold both outcomes; otherwise the reason.</summary>
    public static string? CannotTrain(IReadOnlyList<(string Role, float[] Labels)> learningRows)
    {
        ArgumentNullException.ThrowIfNull(learningRows);
        foreach (var (role, labels) in learningRows)
        {
            var escalated = labels.Count(l => l == 1f);
            if (escalated == 0 || escalated == labels.Length)
                return string.Create(CultureInfo.InvariantCulture,
                    $"the {role} rows ({labels.Length:N0}) hold {(escalated == 0 ? "no" : "only")} escalations, so no model could be trained at this origin");
        }
        return null;
    }

    /// <summary>Null when the test families hold at least <see cref="MinimumEscalations"/> escalations and as many families without; otherwise the reason.</summary>
    public static string? CannotJudge(float[] testLabels)
    {
        ArgumentNullException.ThrowIfNull(testLabels);
        var escalated = testLabels.Count(l => l == 1f);
        var without = testLabels.Length - escalated;
        return escalated >= MinimumEscalations && without >= MinimumEscalations
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"{escalated:N0} of the {testLabels.Length:N0} test families escalated and {without:N0} did not; at least {MinimumEscalations} of each are needed to judge a model on the quarter");
    }
}
