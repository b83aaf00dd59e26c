using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Panel;

/// <summary>The panel member's home page: where the newest run's queue stands, in counts with the plurals right.</summary>
public sealed class HomeOverviewTests
{
    [Fact]
    public async Task Home_PanelMemberAfterOneOffer_CountsPromptsAwaitingAndOffersWithoutSteps()
    {
        using var site = new PanelSite();
        var panel = await site.ClientForRoleAsync("panel");
        var reference = site.References[2].Value;
        using (await panel.PostFormAsync($"/prompts/{reference}", $"/prompts/{reference}", ("Outcome", "offer_early_help"), ("Reason", "Rising arrears"), ("Supersedes", ""))) { }

        var (_, html) = await panel.GetAsync("/");

        // SampleRun's 10 prompts, one reviewed (an offer, with no step yet).
        Assert.Contains(">10 prompts</a> for professional review", html, StringComparison.Ordinal);
        Assert.Contains(">9 prompts await</a> a review", html, StringComparison.Ordinal);
        Assert.Contains(">1 family was</a> offered early help; 1 has no step recorded", html, StringComparison.Ordinal);
        Assert.DoesNotContain(reference, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_Analyst_NoQueueOverview()
    {
        using var site = new PanelSite();
        var analyst = await site.ClientForRoleAsync("analyst");

        var (_, html) = await analyst.GetAsync("/");

        Assert.DoesNotContain("This month&#x27;s queue", html, StringComparison.Ordinal);
        Assert.DoesNotContain("This month's queue", html, StringComparison.Ordinal);
    }
}
