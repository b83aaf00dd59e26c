using EarlyHelp.Analytics.Evaluation.Calibration;
using EarlyHelp.Analytics.Evaluation.Fairness;
using EarlyHelp.Analytics.Evaluation.Input;
using EarlyHelp.Analytics.Evaluation.Tests.Support;

namespace EarlyHelp.Analytics.Evaluation.Tests.Calibration;

/// <summary>
/// Each group's calibration is judged by the overall gate's rules: enough outcomes, O/E outside [0.8, 1.25], and
/// not chance once every group of the report is allowed for.
/// </summary>
public sealed class GroupCalibrationTests
{
    [Fact]
    public void Run_CalibratedAndGroupIndependent_FewReportsFlagAGroup()
    {
        var reports = Enumerable.Range(1, NullRuns.Reports).ToDictionary(seed => seed, seed => new CalibrationAudit().Run(Calibrated(seed, 6000, _ => 1.0)));

        var flaggedReports = NullRuns.Count(seed => reports[seed].Findings.Any(f => f.Severity == "flag" && f.Group is not null));
        // Every group whose mean score lies outside its observed rate's interval, as a one-at-a-time rule reads it.
        var outsideTheInterval = NullRuns.Count(seed => reports[seed].Scores[0].Groups.Any(g =>
            g.Summary.MeanScore < g.Summary.ObservedRateInterval.Lower || g.Summary.MeanScore > g.Summary.ObservedRateInterval.Upper));

        Assert.True(flaggedReports <= NullRuns.MostFlagged, $"{flaggedReports} of {NullRuns.Reports} calibrated reports flag a group");
        // The check has teeth: the interval alone, over some 20 groups, marks many of these reports.
        Assert.True(outsideTheInterval > NullRuns.MostFlagged, $"only {outsideTheInterval} of {NullRuns.Reports} reports fail the interval alone");
    }

    [Fact]
    public void Run_HalfTheOutcomesExpectedInOneLargeGroup_FlagsThatGroupOnly()
    {
        // North (a fifth of the rows, some 1,800) has half the outcomes its scores expect, the rest 1.125 times (inside
        // the band), so overall O/E = 0.2·0.5 + 0.8·1.125 = 1: calibrated overall, not within north.
        var report = new CalibrationAudit().Run(Calibrated(7, 9000, area => area == "north" ? 0.5 : 1.125));

        var north = report.Scores[0].Groups.Single(g => g.Dimension == "area" && g.Group == "north");
        Assert.Equal(DisparityStatus.Flag, north.InTheLarge!.Status);
        Assert.InRange(north.InTheLarge.ObservedOverExpected, 0.4, 0.6);
        var flag = Assert.Single(report.Findings, f => f.Severity == "flag" && f.Dimension == "area");
        Assert.Equal(("north", CalibrationFindings.ObservedOverExpectedKey), (flag.Group, flag.Metric));
    }

    [Fact]
    public void Run_GroupWithFewOutcomes_NotAssessableWhateverItsScores()
    {
        // 600 rows scored 0.5 with no outcome at all: far off, but with 0 outcomes, fewer than the gate's 100,
        // the group is not assessable rather than flagged.
        var scores = Enumerable.Repeat(0.5, 600).Concat(Enumerable.Repeat(0.5, 600)).ToArray();
        var labels = Enumerable.Repeat(0.0, 600).Concat(Enumerable.Range(0, 600).Select(i => (double)(i % 2))).ToArray();
        var areas = Enumerable.Repeat("east", 600).Concat(Enumerable.Repeat("west", 600)).ToArray();

        var report = new CalibrationAudit().Run(new ScoredPopulation(scores, labels, [new GroupColumn("area", areas)]));

        var east = report.Scores[0].Groups.Single(g => g.Group == "east");
        Assert.Equal(CalibrationVerdict.NotAssessable, east.InTheLarge!.Status);
        Assert.Equal("0 rows with the outcome and 600 without; at least 100 of each are needed to judge calibration", east.InTheLarge.Reason);
        Assert.DoesNotContain(report.Findings, f => f.Severity == "flag" && f.Group is not null);
    }

    /// <summary>
    /// Scores spread over [0.05, 0.45]; each row has the outcome with probability score × the factor of its area.
    /// Area (four unequal groups) and sex are drawn apart from the score, with their intersections audited too.
    /// </summary>
    internal static ScoredPopulation Calibrated(int seed, int rows, Func<string, double> factorOfArea)
    {
        var random = new Random(seed);
        var drawn = Enumerable.Range(0, rows).Select(_ =>
        {
            var place = random.NextDouble();
            var area = place < 0.2 ? "north" : place < 0.6 ? "south" : place < 0.85 ? "east" : "west";
            var sex = random.NextDouble() < 0.5 ? "female" : "male";
            var score = 0.05 + 0.4 * random.NextDouble();
            return (Area: area, Sex: sex, Score: score, Label: random.NextDouble() < score * factorOfArea(area) ? 1.0 : 0.0);
        }).ToArray();
        return new ScoredPopulation([.. drawn.Select(r => r.Score)], [.. drawn.Select(r => r.Label)],
            [new GroupColumn("area", [.. drawn.Select(r => r.Area)]), new GroupColumn("sex", [.. drawn.Select(r => r.Sex)])]);
    }
}
