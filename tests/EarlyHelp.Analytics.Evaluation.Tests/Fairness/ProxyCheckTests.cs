using EarlyHelp.Analytics.Evaluation.Fairness;
using EarlyHelp.Analytics.Evaluation.Input;

namespace EarlyHelp.Analytics.Evaluation.Tests.Fairness;

public sealed class ProxyCheckTests
{
    [Fact]
    public void Run_FeatureThatGivesTheGroupAway_IsStrongAndAConstantOneIsNone()
    {
        // 'postcode_band' is 1 exactly for group X: every X outranks every Y, AUC 1. 'constant'
        // ties everyone: every pair counts one half, AUC 0.5. 'shoe' is missing for X only, and a
        // missing value ranks lowest, so it gives X away too (folded AUC 1).
        string[] groups = ["X", "X", "Y", "Y", "Y"];
        var population = new ScoredPopulation([0.1, 0.2, 0.3, 0.4, 0.5], [0, 1, 0, 1, 0], [new GroupColumn("ethnicity", groups)])
        {
            Features =
            [
                new FeatureColumn("postcode_band", [1, 1, 0, 0, 0]),
                new FeatureColumn("constant", [3, 3, 3, 3, 3]),
                new FeatureColumn("shoe", [double.NaN, double.NaN, 40, 41, 42]),
            ],
        };

        var proxies = new FairnessAudit(new FairnessAuditOptions { BootstrapResamples = 0 }).Run(population).ProxyCheck;

        Assert.Equal(1.0, proxies.Single(p => p.Feature == "postcode_band").Strength, 12);
        Assert.Equal("strong", proxies.Single(p => p.Feature == "postcode_band").Level);
        Assert.Equal(0.5, proxies.Single(p => p.Feature == "constant").Strength, 12);
        Assert.Equal("none", proxies.Single(p => p.Feature == "constant").Level);
        Assert.Equal(1.0, proxies.Single(p => p.Feature == "shoe").Strength, 12);
    }

    [Fact]
    public void Run_PartlyInformativeFeature_GivesTheHandCountedAuc()
    {
        // Group X has values 1, 3; group Y has 2, 4. Pairs (X, Y): (1,2) no, (1,4) no, (3,2) yes, (3,4) no:
        // AUC of X against the rest is 1/4, folded to 3/4.
        var population = new ScoredPopulation([0.1, 0.2, 0.3, 0.4], [0, 1, 0, 1], [new GroupColumn("g", ["X", "Y", "X", "Y"])])
        {
            Features = [new FeatureColumn("f", [1, 2, 3, 4])],
        };

        var proxy = new FairnessAudit(new FairnessAuditOptions { BootstrapResamples = 0 }).Run(population).ProxyCheck.Single();

        Assert.Equal(0.75, proxy.Strength, 12);
        Assert.Equal(0.75, proxy.ByGroup["X"], 12);
    }
}
