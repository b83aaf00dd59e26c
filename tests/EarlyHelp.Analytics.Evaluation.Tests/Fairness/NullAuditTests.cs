using EarlyHelp.Analytics.Evaluation.Fairness;
using EarlyHelp.Analytics.Evaluation.Input;
using EarlyHelp.Analytics.Evaluation.Tests.Support;

namespace EarlyHelp.Analytics.Evaluation.Tests.Fairness;

/// <summary>
/// The audit on populations whose groups have nothing to do with the score or the label: every flag is a false
/// one. The audit holds the false discovery rate at 5% across a report, which, when nothing differs, is the
/// chance that a report flags anything at all.
/// </summary>
public sealed class NullAuditTests
{
    private const int Reports = 40;

    [Fact]
    public void Run_GroupsIndependentOfScoreAndLabel_FewReportsFlagAnything()
    {
        var flaggedReports = 0;
        var reportsWithAnUncontrolledFlag = 0;
        for (var seed = 1; seed <= Reports; seed++)
        {
            var report = new FairnessAudit(new FairnessAuditOptions
            {
                Selection = new SelectionRule.TopFraction(0.2),
                BootstrapResamples = 300,
                Seed = seed,
            }).Run(NullPopulation(seed));

            var disparities = report.Groups.SelectMany(g => g.Disparities.Values).ToArray();
            if (disparities.Any(d => d.Flagged))
                flaggedReports++;
            // What one-at-a-time tests at 5% would flag: outside the band, interval excluding no difference.
            if (disparities.Any(d => d.Status == DisparityStatus.Flag || (d.Status == DisparityStatus.OutsideBand && d.PValue <= 0.05)))
                reportsWithAnUncontrolledFlag++;
        }

        // At a 5% chance per report, 40 reports flag 2 on average; 7 or more has probability 0.003
        // (binomial, n = 40, p = 0.05), so more than 6 means the control does not hold.
        Assert.True(flaggedReports <= 6, $"{flaggedReports} of {Reports} null reports flag a disparity");
        // The check has teeth: without the control, most of these reports would flag something.
        Assert.True(reportsWithAnUncontrolledFlag > 6, $"only {reportsWithAnUncontrolledFlag} of {Reports} reports flag without the control");
    }

    [Fact]
    public void Run_TopTwentyFiveOfFiveThousand_FewReportsFlagAnything()
    {
        // A panel's capacity: 25 of 5,000 selected. Most groups then have a handful selected, rates of 0% or 100%
        // on them, and bootstrap resamples that all agree; the exact test and the denominators keep them unflagged.
        var flaggedReports = NullRuns.Count(seed => new FairnessAudit(new FairnessAuditOptions
        {
            Selection = new SelectionRule.TopK(25),
            BootstrapResamples = 200,
            Seed = seed,
        }).Run(NullPopulation(seed, 5000)).Groups.SelectMany(g => g.Disparities.Values).Any(d => d.Flagged));

        Assert.True(flaggedReports <= NullRuns.MostFlagged, $"{flaggedReports} of {NullRuns.Reports} null reports at top-25 flag a disparity");
    }

    /// <summary>4,000 rows (or <paramref name="rows"/>); a score that predicts the label; an area of four unequal groups and a sex, both drawn apart from both.</summary>
    private static ScoredPopulation NullPopulation(int seed, int rows = 4000)
    {
        var random = new Random(seed);
        var scores = new double[rows];
        var labels = new double[rows];
        var areas = new string[rows];
        var sexes = new string[rows];
        for (var i = 0; i < rows; i++)
        {
            scores[i] = random.NextDouble();
            labels[i] = random.NextDouble() < 0.05 + 0.3 * scores[i] ? 1 : 0;
            var area = random.NextDouble();
            areas[i] = area < 0.4 ? "north" : area < 0.7 ? "south" : area < 0.9 ? "east" : "west";
            sexes[i] = random.NextDouble() < 0.5 ? "female" : "male";
        }
        return new ScoredPopulation(scores, labels, [new GroupColumn("area", areas), new GroupColumn("sex", sexes)]);
    }
}
