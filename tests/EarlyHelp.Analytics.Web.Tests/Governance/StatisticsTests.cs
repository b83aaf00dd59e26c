using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Governance;

/// <summary>The review statistics page for IG: small numbers hidden, and the share where the panel decided no action.</summary>
public sealed class StatisticsTests(PanelSite site) : IClassFixture<PanelSite>
{
    [Fact]
    public async Task Statistics_TwoReviews_CountsUnderFiveHiddenWithTheirShare()
    {
        var panel = await site.ClientForRoleAsync("panel");
        var ig = await site.ClientForRoleAsync("ig");
        foreach (var (reference, outcome) in new[] { (site.References[0], "no_action_needed"), (site.References[1], "offer_early_help") })
        {
            using (await panel.PostFormAsync($"/prompts/{reference}", "/", ("Outcome", outcome), ("Reason", "Panel discussion"))) { }
        }

        var (_, html) = await ig.GetAsync("/review-statistics");

        // 10 prompts are shown; 2 reviews and the 1 with no action are under 5, so neither they nor the share (1 / 2) appear.
        Assert.Contains("<dt>Prompts</dt><dd>10</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Reviewed</dt><dd>fewer than 5</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Prompts where the panel decided no action</dt><dd>not shown (small numbers)</dd>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">50%", html, StringComparison.Ordinal);
        Assert.DoesNotContain("verride", html, StringComparison.Ordinal);
        Assert.DoesNotContain(site.References[0].Value, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statistics_TenReviewsFiveEach_ShareShown()
    {
        using var fresh = new PanelSite();
        var panel = await fresh.ClientForRoleAsync("panel");
        var ig = await fresh.ClientForRoleAsync("ig");
        for (var i = 0; i < 10; i++)
        {
            using (await panel.PostFormAsync($"/prompts/{fresh.References[i]}", "/", ("Outcome", i % 2 == 0 ? "no_action_needed" : "offer_early_help"), ("Reason", "Panel discussion"))) { }
        }

        var (_, html) = await ig.GetAsync("/review-statistics");

        // 5 of 10 reviewed prompts with no action: 50%, from 10 reviews, enough to compare.
        Assert.Contains("<dt>Reviewed</dt><dd>10</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Prompts where the panel decided no action</dt><dd>50%</dd>", html, StringComparison.Ordinal);
    }
}
