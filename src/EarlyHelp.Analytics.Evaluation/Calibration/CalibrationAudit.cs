using EarlyHelp.Analytics.Evaluation.Fairness;
using EarlyHelp.Analytics.Evaluation.Input;
using EarlyHelp.Analytics.Evaluation.Statistics;

namespace EarlyHelp.Analytics.Evaluation.Calibration;

/// <summary>
/// The calibration report: reliability diagrams (equal-width and quantile bins, Wilson intervals per
/// bin), ECE and MCE, the Brier score and its decomposition, calibration-in-the-large and the
/// calibration slope and intercept, for the calibrated score and the score before calibration,
/// overall and per group.
/// </summary>
/// <param name="options">Settings; validated when the audit is made.</param>
public sealed class CalibrationAudit(CalibrationReportOptions options)
{
    private readonly CalibrationReportOptions options = Validated(options);

    /// <summary>A calibration audit with the default settings (10 bins, 95% intervals).</summary>
    public CalibrationAudit() : this(new CalibrationReportOptions())
    {
    }

    /// <summary>Assesses <see cref="ScoredPopulation.Scores"/> and, when given, <see cref="ScoredPopulation.RawScores"/>.</summary>
    public CalibrationReport Run(ScoredPopulation population, IProgress<AuditProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(population);
        var dimensions = AuditDimension.For(population, [], options.Intersections);
        var z = ConfidenceIntervals.NormalQuantile(options.ConfidenceLevel);
        var scores = new List<ScoreCalibration> { Assess(population.Scores, population.ScoreName, "calibrated", population, dimensions, z, progress) };
        if (population.RawScores is { } raw)
            scores.Add(Assess(raw, population.RawScoreName, "before calibration", population, dimensions, z, progress));
        var verdict = Judge(scores[0], z);
        return new CalibrationReport
        {
            Bins = options.Bins,
            ConfidenceLevel = options.ConfidenceLevel,
            Gate = verdict.Value,
            GateReasons = verdict.Reasons,
            Findings = CalibrationFindings.Describe(scores, options.ConfidenceLevel),
            Scores = scores,
        };
    }

    private ScoreCalibration Assess(
        double[] scores, string name, string role, ScoredPopulation population, IReadOnlyList<AuditDimension> dimensions, double z, IProgress<AuditProgress>? progress)
    {
        if (scores.Any(s => s is < 0 or > 1))
            return new ScoreCalibration(name, role, "the scores are not probabilities (some lie outside [0, 1]), so calibration cannot be judged", null, []);

        // The whole population first, then every group of every dimension; each summary is
        // independent of the others, so they are spread over the processors.
        var subsets = new List<(AuditDimension? Dimension, int Group, int[] Rows)> { (null, 0, Enumerable.Range(0, population.Count).ToArray()) };
        foreach (var dimension in dimensions)
        {
            var rowsOfGroup = Enumerable.Range(0, dimension.GroupCount).Select(g => new List<int>((int)dimension.Sizes[g])).ToArray();
            for (var row = 0; row < population.Count; row++)
                rowsOfGroup[dimension.GroupOfRow[row]].Add(row);
            subsets.AddRange(rowsOfGroup.Select((rows, g) => ((AuditDimension?)dimension, g, rows.ToArray())));
        }

        var stage = $"Calibration of {name}";
        var done = 0;
        progress?.Report(new AuditProgress(stage, 0, subsets.Count));
        var summaries = new CalibrationSummary[subsets.Count];
        Parallel.For(0, subsets.Count, i =>
        {
            var rows = subsets[i].Rows;
            summaries[i] = CalibrationAnalysis.Summarise(rows.Select(r => scores[r]).ToArray(), rows.Select(r => population.Labels[r]).ToArray(), options.Bins, z);
            progress?.Report(new AuditProgress(stage, Interlocked.Increment(ref done), subsets.Count));
        });

        var groups = GroupCalibrationChecks.Apply(subsets.Skip(1).Select((subset, i) => new GroupCalibration(
            subset.Dimension!.Name, subset.Dimension.GroupNames[subset.Group], subset.Rows.Length < options.SmallGroupRows, summaries[i + 1])).ToArray(),
            options.ConfidenceLevel);
        var overall = summaries[0] with { RankingCurves = RankingCurves.Compute(scores, population.Labels) };
        return new ScoreCalibration(name, role, null, overall, groups);
    }

    private static CalibrationVerdict Judge(ScoreCalibration score, double z) => score.Overall is { } overall
        ? CalibrationGate.Judge(overall, overall.AucInterval, z)
        : new CalibrationVerdict(CalibrationVerdict.NotAssessable, [score.SkippedReason ?? "the score was not assessed"]);

    private static CalibrationReportOptions Validated(CalibrationReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate().ToList();
        return problems.Count == 0 ? options : throw new ArgumentException(string.Join(" ", problems));
    }
}
