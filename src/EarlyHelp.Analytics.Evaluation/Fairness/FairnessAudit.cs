using EarlyHelp.Analytics.Evaluation.Input;
using EarlyHelp.Analytics.Evaluation.Statistics;
using EarlyHelp.Analytics.Learning.Metrics;

namespace EarlyHelp.Analytics.Evaluation.Fairness;

/// <summary>
/// The fairness audit: for a scored population and a selection rule, each group's counts and rates
/// with Wilson intervals, its AUC and Brier score, its disparities against a reference group with
/// bootstrap intervals and flags, intersections of group columns, a capacity sweep and a proxy check.
/// </summary>
/// <param name="options">Settings; validated when the audit is made.</param>
public sealed class FairnessAudit(FairnessAuditOptions options)
{
    private readonly FairnessAuditOptions options = Validated(options);

    /// <summary>An audit with the default settings (threshold 0.5, assistive, 1,000 resamples).</summary>
    public FairnessAudit() : this(new FairnessAuditOptions())
    {
    }

    /// <summary>Runs the audit; throws <see cref="AuditInputException"/> when the population does not fit the settings.</summary>
    public FairnessReport Run(ScoredPopulation population, IProgress<AuditProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(population);
        var dimensions = AuditDimension.For(population, options.ReferenceGroups, options.Intersections);
        progress?.Report(new AuditProgress("Ranking scores", 0, 1));
        var descending = BinaryMetrics.RankDescending(population.Scores, population.TieKeys);
        progress?.Report(new AuditProgress("Ranking scores", 1, 1));
        var selected = options.Selection.Select(population, descending);

        var estimates = dimensions.AsParallel().AsOrdered().Select(d => GroupEstimates.Compute(population, selected, d, descending, options)).ToArray();
        var bootstrap = options.BootstrapResamples == 0 ? null : RunBootstrap(population, dimensions, selected, descending, progress);

        var groups = new List<GroupResult>();
        for (var d = 0; d < dimensions.Count; d++)
        {
            var (results, counts) = estimates[d];
            for (var g = 0; g < results.Length; g++)
                groups.Add(results[g] with { Disparities = Disparities.For(d, dimensions[d], g, counts, results, bootstrap, options) });
        }
        var controlled = FlagControl.Apply(groups, 1 - options.ConfidenceLevel);

        var dimensionResults = dimensions.AsParallel().AsOrdered().Select(d => new DimensionResult(
            d.Name, d.Columns, d.GroupNames[d.ReferenceIndex], d.ReferenceReason,
            CapacitySweep.Compute(population, d, descending, options.CapacityFractions))).ToArray();
        var proxies = ProxyCheck.Run(population, dimensions.Where(d => d.Columns.Count == 1).ToArray());
        var overall = Overall(population, selected, descending);

        return new FairnessReport
        {
            Population = new PopulationSummary(population.ScoreName, population.Count, overall.Positives, options.Selection.Kind,
                options.Selection.Describe(population.ScoreName), overall.Selected, population.ScoresAreProbabilities),
            HarmFocus = FairnessFindings.HarmFocusFor(options.Intervention),
            Settings = Settings(),
            Findings = FairnessFindings.Describe(controlled, dimensionResults, proxies, options),
            Overall = overall,
            Dimensions = dimensionResults,
            Groups = controlled,
            ProxyCheck = proxies,
        };
    }

    private DisparityBootstrap RunBootstrap(ScoredPopulation population, IReadOnlyList<AuditDimension> dimensions, bool[] selected, int[] descending, IProgress<AuditProgress>? progress)
    {
        // The finest partition (all group columns together): every dimension's groups are unions of its cells.
        var finest = AuditDimension.Of(population.Groups);
        var groupOfCell = dimensions.Select(d =>
        {
            var map = new int[finest.GroupCount];
            for (var row = 0; row < population.Count; row++)
                map[finest.GroupOfRow[row]] = d.GroupOfRow[row];
            return map;
        }).ToArray();
        ICountResampler resampler = options.Selection.IsRanked
            ? new RankedSelectionResampler(finest.GroupOfRow, population.Labels, descending, finest.GroupCount, options.Selection)
            : new FixedSelectionResampler(finest.GroupOfRow, population.Labels, selected, finest.GroupCount);
        return DisparityBootstrap.Run(resampler, dimensions, groupOfCell, finest.GroupCount, options.BootstrapResamples, options.Seed, progress);
    }

    private GroupResult Overall(ScoredPopulation population, bool[] selected, int[] descending)
    {
        var everyone = AuditDimension.Of([new GroupColumn("all", new ConstantList("all", population.Count))]);
        var (results, _) = GroupEstimates.Compute(population, selected, everyone, descending, options);
        return results[0] with { IsReference = false };
    }

    private AuditSettings Settings() => new(
        options.BootstrapResamples,
        options.Seed,
        options.ConfidenceLevel,
        new Interval(1 / options.DisparityTolerance, options.DisparityTolerance),
        options.SmallGroupRows,
        options.SmallGroupPositives,
        options.SmallGroupExpectedSelected,
        new Dictionary<string, string>
        {
            ["rates"] = "Wilson score interval",
            ["disparity_ratios"] = "Poisson bootstrap, percentile interval; resamples that lose a group are left out of its interval",
            ["auc"] = "DeLong standard error, normal approximation; AUC differences add the two groups' variances",
            ["flags"] = "p-value of no difference by Fisher's exact test for rates (DeLong's standard error for AUC), adjusted across "
                + "every comparison in the report by Benjamini–Hochberg: the false discovery rate among flags is held at 1 − confidence level",
        })
    {
        MinimumRateDenominator = options.MinimumRateDenominator,
    };

    private static FairnessAuditOptions Validated(FairnessAuditOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        return options;
    }

    /// <summary>The same value repeated, without allocating a list of it.</summary>
    private sealed class ConstantList(string value, int count) : IReadOnlyList<string>
    {
        public string this[int index] => (uint)index < (uint)count ? value : throw new ArgumentOutOfRangeException(nameof(index));

        public int Count => count;

        public IEnumerator<string> GetEnumerator() => Enumerable.Repeat(value, count).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
