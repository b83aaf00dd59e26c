using EarlyHelp.Analytics.Evaluation.Fairness;
using EarlyHelp.Analytics.Evaluation.Input;
using EarlyHelp.Analytics.Evaluation.Tests.Support;
using EarlyHelp.Analytics.Learning.Tests.Support;

namespace EarlyHelp.Analytics.Evaluation.Tests.Fairness;

/// <summary>
/// The audit against figures published by others on real data: ProPublica's COMPAS analysis
/// (Larson, Mattu, Kirchner and Angwin, 23 May 2016, and its notebook), as tabulated in
/// external/compas/README.md, with the second table there made with scikit-learn 1.2.1.
/// </summary>
public sealed class CompasAuditTests
{
    private static readonly FairnessAuditOptions Counting = new() { BootstrapResamples = 0, Intersections = false };

    [SharedFact(CompasData.RelativePath)]
    public void Run_AllRowsMediumOrHighSelected_MatchesProPublicaCounts()
    {
        var compas = CompasData.Load();
        var file = ScoresCsvReader.Read(compas.Path, new ScoresFileLayout
        {
            ScoreColumn = "decile_score",
            LabelColumn = "two_year_recid",
            GroupColumns = ["race"],
            TieKeyColumn = "id",
            SelectColumn = "score_text",
            SelectValues = ["Medium", "High"],
        });

        var report = new FairnessAudit(Counting with { Selection = new SelectionRule.ExistingFlag(file.SelectionFlags!, "score_text is Medium or High") })
            .Run(file.Population);

        // README table 1: TN, FP, FN, TP, FPR, FNR.
        Assert.Equal(7214, report.Population.Rows);
        AssertCounts(report.Overall, 2681, 1282, 1216, 2035, 0.3235, 0.3740);
        AssertCounts(Group(report, "African-American"), 990, 805, 532, 1369, 0.4485, 0.2799);
        AssertCounts(Group(report, "Caucasian"), 1139, 349, 461, 505, 0.2345, 0.4772);
    }

    [SharedFact(CompasData.RelativePath)]
    public void Run_AllRowsHighOnlySelected_MatchesProPublicaRates()
    {
        var compas = CompasData.Load();
        var population = compas.Population(compas.Rows);

        var report = new FairnessAudit(Counting with { Selection = new SelectionRule.ExistingFlag(compas.ScoreTextIn(compas.Rows, "High"), "score_text is High") })
            .Run(population);

        // README: with "High" alone, African-American FPR 15.82%, FNR 61.02%; Caucasian FPR 5.44%, FNR 79.81%.
        Assert.Equal(0.1582, Group(report, "African-American").FalsePositiveRate, 4);
        Assert.Equal(0.6102, Group(report, "African-American").FalseNegativeRate, 4);
        Assert.Equal(0.0544, Group(report, "Caucasian").FalsePositiveRate, 4);
        Assert.Equal(0.7981, Group(report, "Caucasian").FalseNegativeRate, 4);
    }

    [SharedFact(CompasData.RelativePath)]
    public void Run_ProPublicaFilteredRows_MatchesEveryFigureOfTheSecondTable()
    {
        var compas = CompasData.Load();
        var rows = compas.ProPublicaFiltered();

        var report = new FairnessAudit(Counting with { Selection = new SelectionRule.ExistingFlag(compas.ScoreTextIn(rows, "Medium", "High"), "Medium/High") })
            .Run(compas.Population(rows));

        // README table 2: n, TP, FP, TN, FN, base rate, selection, FPR, FNR, PPV, AUC of decile_score.
        (string Group, int N, int Tp, int Fp, int Tn, int Fn, double Base, double Selection, double Fpr, double Fnr, double Ppv, double Auc)[] table =
        [
            ("all", 6172, 1733, 1018, 2345, 1076, 0.4551, 0.4457, 0.3027, 0.3831, 0.6300, 0.7098),
            ("African-American", 3175, 1188, 641, 873, 473, 0.5231, 0.5761, 0.4234, 0.2848, 0.6495, 0.7043),
            ("Caucasian", 2103, 414, 282, 999, 408, 0.3909, 0.3310, 0.2201, 0.4964, 0.5948, 0.6928),
            ("Hispanic", 509, 79, 62, 258, 110, 0.3713, 0.2770, 0.1938, 0.5820, 0.5603, 0.6372),
            ("Other", 343, 42, 28, 191, 82, 0.3615, 0.2041, 0.1279, 0.6613, 0.6000, 0.7067),
            ("Asian", 31, 5, 2, 21, 3, 0.2581, 0.2258, 0.0870, 0.3750, 0.7143, 0.8478),
            ("Native American", 11, 5, 3, 3, 0, 0.4545, 0.7273, 0.5000, 0.0000, 0.6250, 0.8500),
        ];
        foreach (var expected in table)
        {
            var group = expected.Group == "all" ? report.Overall : Group(report, expected.Group);
            Assert.Equal(expected.N, group.Rows);
            Assert.Equal((expected.Tp, expected.Fp, expected.Tn, expected.Fn), (group.TruePositives, group.FalsePositives, group.TrueNegatives, group.FalseNegatives));
            Assert.Equal(expected.Base, group.BaseRate, 4);
            Assert.Equal(expected.Selection, group.SelectionRate, 4);
            Assert.Equal(expected.Fpr, group.FalsePositiveRate, 4);
            Assert.Equal(expected.Fnr, group.FalseNegativeRate, 4);
            Assert.Equal(expected.Ppv, group.PositivePredictiveValue, 4);
            Assert.Equal(expected.Auc, group.Auc, 4);
        }
    }

    [SharedFact(CompasData.RelativePath)]
    public void Run_ProPublicaFilteredRowsAgainstCaucasian_MatchesPublishedRatiosAndWilsonIntervals()
    {
        var compas = CompasData.Load();
        var rows = compas.ProPublicaFiltered();

        var report = new FairnessAudit(Counting with
        {
            Selection = new SelectionRule.ExistingFlag(compas.ScoreTextIn(rows, "Medium", "High"), "Medium/High"),
            ReferenceGroups = ["Caucasian"],
        }).Run(compas.Population(rows));

        // README: ratios against Caucasian, African-American: selection 1.7406, FPR 1.9232, FNR 0.5737, PPV 1.0920.
        var black = Group(report, "African-American");
        Assert.Equal(1.7406, black.Disparities["selection_rate"].Ratio, 4);
        Assert.Equal(1.9232, black.Disparities["fpr"].Ratio, 4);
        Assert.Equal(0.5737, black.Disparities["fnr"].Ratio, 4);
        Assert.Equal(1.0920, black.Disparities["ppv"].Ratio, 4);
        // README: Wilson 95% intervals.
        AssertInterval(0.3987, 0.4484, black.Intervals["fpr"]);
        AssertInterval(0.2636, 0.3069, black.Intervals["fnr"]);
        var white = Group(report, "Caucasian");
        AssertInterval(0.1983, 0.2436, white.Intervals["fpr"]);
        AssertInterval(0.4623, 0.5305, white.Intervals["fnr"]);
    }

    [SharedFact(CompasData.RelativePath)]
    public void Run_ProPublicaFilteredDecileOverTen_MatchesPublishedBrierScore()
    {
        var compas = CompasData.Load();
        var rows = compas.ProPublicaFiltered();

        var report = new FairnessAudit(Counting).Run(compas.Population(rows, scoreDivisor: 10));

        // README: Brier score of decile_score/10 as a probability, all 6,172 rows: 0.225423.
        Assert.Equal(0.225423, report.Overall.Brier, 6);
    }

    [SharedFact(CompasData.RelativePath)]
    public void Run_ProPublicaFilteredWithBootstrap_FlagsTheFalsePositiveGapAndWarnsOnSmallGroups()
    {
        var compas = CompasData.Load();
        var rows = compas.ProPublicaFiltered();

        var report = new FairnessAudit(new FairnessAuditOptions
        {
            Selection = new SelectionRule.ExistingFlag(compas.ScoreTextIn(rows, "Medium", "High"), "Medium/High"),
            ReferenceGroups = ["Caucasian"],
            Intervention = InterventionKind.Burdensome,
            BootstrapResamples = 400,
        }).Run(compas.Population(rows));

        // FPR ratio 1.92 with about 1,500 and 1,300 negatives on each side: far outside [0.8, 1.25]
        // and far from chance, so flagged. Native American (11 rows) and Asian (31) are too small.
        var fpr = Group(report, "African-American").Disparities["fpr"];
        Assert.Equal(DisparityStatus.Flag, fpr.Status);
        Assert.True(fpr.RatioInterval.Lower > 1.6 && fpr.RatioInterval.Upper < 2.3, $"{fpr.RatioInterval}");
        Assert.Equal(DisparityStatus.SmallGroup, Group(report, "Native American").Disparities["fpr"].Status);
        Assert.True(Group(report, "Asian").SmallGroup);
        Assert.Equal("fpr", report.Findings[0].Metric);
    }

    private static GroupResult Group(FairnessReport report, string name) =>
        report.Groups.Single(g => g.Dimension == "race" && g.Group == name);

    private static void AssertCounts(GroupResult group, int tn, int fp, int fn, int tp, double fpr, double fnr)
    {
        Assert.Equal((tn, fp, fn, tp), (group.TrueNegatives, group.FalsePositives, group.FalseNegatives, group.TruePositives));
        Assert.Equal(fpr, group.FalsePositiveRate, 4);
        Assert.Equal(fnr, group.FalseNegativeRate, 4);
    }

    private static void AssertInterval(double lower, double upper, EarlyHelp.Analytics.Evaluation.Statistics.Interval actual)
    {
        Assert.Equal(lower, actual.Lower, 4);
        Assert.Equal(upper, actual.Upper, 4);
    }
}
