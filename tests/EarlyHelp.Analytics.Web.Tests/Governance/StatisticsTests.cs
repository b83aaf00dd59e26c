using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Governance;

/// <summary>The review statistics page for IG, after the panel reviews two prompts.</summary>
public sealed class StatisticsTests(PanelSite site) : IClassFixture<PanelSite>
{
    [Fact]
    public async Task Statistics_OneOfTwoReviewsNoAction_OverrideRateHalf()
    {
        var panel = await site.ClientForRoleAsync("panel");
        var ig = await site.ClientForRoleAsync("ig");
        foreach (var (reference, outcome) in new[] { (site.References[0], "no_action_needed"), (site.References[1], "offer_early_help") })
        {
            using (await panel.PostFormAsync($"/prompts/{reference}", "/", ("Outcome", outcome), ("Reason", "Panel discussion"))) { }
        }

        var (_, html) = await ig.GetAsync("/review-statistics");

        // 10 prompts, 2 reviewed, 1 of them no action: 1 / 2 = 50%.
        Assert.Contains("<dt>Prompts</dt><dd>10</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Reviewed</dt><dd>2</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Override rate</dt><dd>50%</dd>", html, StringComparison.Ordinal);
        Assert.Contains("(too few to compare)", html, StringComparison.Ordinal);
        Assert.DoesNotContain(site.References[0].Value, html, StringComparison.Ordinal);
    }
}
